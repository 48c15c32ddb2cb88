/**
 * `npm test`: every check the repository has. The build, lint, typecheck and the sync simulation run in one lane
 * beside the other unit tests in another, the two about even (the unit tests spend part of their time waiting on
 * PostgreSQL, servers and child processes); the end-to-end specs run last, alone. Alone, because Chromium run as
 * root raises its own priority (nice -8): beside it the unit tests took 818 s instead of 258 s, and the whole was
 * no shorter (the e2e run alone keeps both cores 98 % busy).
 *
 * The lanes print their output whole when each step ends (never interleaved); the e2e run streams. Every step
 * runs even when another failed (the e2e run needs only the build), so one run names every failure; the exit
 * code is 1 if any step failed.
 */
import { spawn } from 'node:child_process'

/** The parallel lanes: each a list of steps run one after the other. */
const LANES = [
  {
    name: 'checks',
    steps: [
      ['build', 'npx electron-vite build'],
      ['lint', 'npm run lint'],
      ['typecheck', 'npm run typecheck'],
      // The sync simulation (a minute or more, most of it waiting on five devices and a server) here rather
      // than among the unit tests: it evens the two lanes, so the e2e run starts sooner.
      ['simulation', 'npx vitest run --project simulation'],
    ],
  },
  {
    name: 'unit',
    steps: [
      // Coverage is src-core's, by its own tests; the other files run without V8's coverage counters.
      ['core', 'npx vitest run --coverage --project core'],
      ['unit', 'npx vitest run --project node'],
    ],
  },
]
const E2E = ['e2e', 'npx playwright test']

const children = new Set()
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`

/** Runs one command; resolves with its exit code and, unless streamed, its whole output. */
function run(command, stream) {
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      // A group of its own, so that stopping `npm test` stops what the shell started too (npx, its node).
      detached: true,
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

/** The e2e run, once every lane is done: it needs the build, and beside anything else it slows both. */
async function e2e(lanes) {
  const results = (await lanes).flat()
  if (!results.some((r) => r.step === 'build' && r.code === 0))
    return [...results, { step: E2E[0], code: 1, time: 'not run: the build did not finish' }]
  const started = Date.now()
  process.stdout.write(`\n── e2e: ${E2E[1]}\n`)
  const { code } = await run(E2E[1], true)
  return [...results, { step: E2E[0], code, time: seconds(started) }]
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, signal)
      } catch {
        // The group has already ended.
      }
    }
    process.exit(130)
  })
}

const started = Date.now()
const results = await e2e(Promise.all(LANES.map(lane)))

process.stdout.write('\n── npm test\n')
for (const r of results)
  process.stdout.write(`${r.code === 0 ? 'passed' : 'FAILED'}  ${r.step}  ${r.time}\n`)
process.stdout.write(`total ${seconds(started)}\n`)
process.exit(results.every((r) => r.code === 0) ? 0 : 1)
