/**
 * `npm run server` with no DATABASE_URL, as a company trying Fieldbill on one machine runs it: the server process
 * starts a PostgreSQL of its own in its data folder and says where, `npm run server:user` beside it creates a
 * user in that database, the user signs in; stopped by its PID, the server stops its PostgreSQL too, and started
 * again it finds the user there.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { SYNC_ROUTES } from '@core/sync/wire'
import { loginAs } from './test-support/logged-server'

let dir: string | undefined
const running: ChildProcess[] = []

afterAll(async () => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    }
  if (dir) await rm(dir, { recursive: true, force: true })
}, 120_000)

/** The environment of the commands: no DATABASE_URL, the data folder of this test. */
function env(data: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env
  return { ...rest, FIELDBILL_SERVER_DATA: data, PORT: '0', LOG_LEVEL: 'warn' }
}

/** `npm run server` (its entry under tsx, so the PID is the server's); resolves with its URL and output. */
async function startServer(data: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    env: env(data),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let out = ''
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  for await (const chunk of child.stdout) {
    out += String(chunk)
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
    if (url) return { child, url, out }
  }
  throw new Error(`server did not start: ${out}`)
}

/** Waits until /ready answers 200 (the database reachable, migrations applied). */
async function ready(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const response = await fetch(`${url}${SYNC_ROUTES.ready}`).catch(() => undefined)
    if (response?.status === 200) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the server never became ready')
}

/** Stops the server by its PID, as an operator would; resolves with its exit code. */
async function stopByPid(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit') as Promise<[number | null]>
  process.kill(child.pid ?? 0, 'SIGTERM')
  return (await exited)[0]
}

test('npm run server without DATABASE_URL runs on its own PostgreSQL, kept in its data folder', async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbill-server-data-'))
  // As root, PostgreSQL runs as its own user, which must reach the data folder.
  await chmod(dir, 0o755)
  const data = join(dir, 'data')

  const first = await startServer(data)
  expect(first.out).toContain(`using the local PostgreSQL in ${data}`)
  expect(first.out).toContain('In production, give DATABASE_URL')
  await ready(first.url)

  const created = await promisify(execFile)(
    'npx',
    ['tsx', 'src-server/create-user.ts', '--name', 'ann', '--role', 'rep'],
    { env: { ...env(data), PASSWORD: 'ann-password' } },
  )
  expect(created.stdout).toContain('already running')
  expect(created.stdout).toContain('Created rep ann')
  const signedIn = await loginAs(first.url, 'ann', 'ann-password')
  expect(signedIn.status).toBe(200)

  expect(await stopByPid(first.child)).toBe(0)
  // Its PostgreSQL stopped with it.
  expect(existsSync(join(data, 'pg', 'postmaster.pid'))).toBe(false)

  const second = await startServer(data)
  await ready(second.url)
  expect((await loginAs(second.url, 'ann', 'ann-password')).status).toBe(200)
  expect(await stopByPid(second.child)).toBe(0)
}, 300_000)
