/**
 * `npm test`: every check the repository has, in the shortest time two cores allow. The unit tests spend much of
 * their time waiting on PostgreSQL, servers and child processes, so lint, typecheck and the build run beside them
 * on the other core; the end-to-end specs need the build and the whole machine, so they run last, alone.
 *
 * The two parallel lanes print their output whole when each ends (never interleaved), then the e2e run streams.
 * Every step runs even when another failed (the e2e run needs only the build), so one run names every failure;
 * the exit code is 1 if any step failed.
 */
import { spawn } from 'node:child_process'

/** The parallel lanes: each a list of steps run one after the other. */
const LANES = [
  {
    name: 'checks',
    steps: [
      ['lint', 'npm run lint'],
      ['typecheck', 'npm run typecheck'],
      ['build', 'npx electron-vite build'],
    ],
  },
  { name: 'unit', steps: [['unit', 'npx vitest run --coverage']] },
]
const E2E = ['e2e', 'npx playwright test']

const children = new Set()
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`

/** Runs one command; resolves with its exit code and, unless streamed, its whole output. */
function run(command, stream) {
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    })
    children.add(child)
    const chunks = []
    child.stdout?.on('data', (c) => chunks.push(c))
    child.stderr?.on('data', (c) => chunks.push(c))
    child.on('error', (e) => chunks.push(Buffer.from(`${command}: ${e.message}\n`)))
    child.on('close', (code, signal) => {
      children.delete(child)
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() })
    })
  })
}

async function lane({ name, steps }) {
  const results = []
  for (const [step, command] of steps) {
    const started = Date.now()
    const { code, output } = await run(command, false)
    const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`
    process.stdout.write(
      `\n── ${name} › ${step}: ${command}\n${output}── ${step} ${verdict} in ${seconds(started)}\n`,
    )
    results.push({ step, code, time: seconds(started) })
  }
  return results
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
    process.exit(130)
  })
}

const started = Date.now()
const results = (await Promise.all(LANES.map(lane))).flat()
const built = results.some((r) => r.step === 'build' && r.code === 0)
if (built) {
  const e2eStarted = Date.now()
  process.stdout.write(`\n── e2e: ${E2E[1]}\n`)
  const { code } = await run(E2E[1], true)
  results.push({ step: E2E[0], code, time: seconds(e2eStarted) })
} else {
  results.push({ step: E2E[0], code: 1, time: 'not run: the build did not finish' })
}

process.stdout.write('\n── npm test\n')
for (const r of results)
  process.stdout.write(`${r.code === 0 ? 'passed' : 'FAILED'}  ${r.step}  ${r.time}\n`)
process.stdout.write(`total ${seconds(started)}\n`)
process.exit(results.every((r) => r.code === 0) ? 0 : 1)
