/**
 * Sessions an admin or the rep ends, against a real PostgreSQL and two real server processes (a load balancer's
 * two backends): `npm run server:user -- --revoke-sessions / --disable / --enable NAME` run as the admin would,
 * and a logout. The token stops working at once on pull and push, and open live streams end on every process.
 */
import { execFile } from 'node:child_process'
import type { ReadableStream } from 'node:stream/web'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { customer } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import { databaseForFile } from './test-support/per-file'
import { loginAs, startLoggedServer, type LoggedServer } from './test-support/logged-server'
import { addUser, create } from './test-support/server'

const { db, pool } = databaseForFile({ poolSize: 4 })
let a: LoggedServer
let b: LoggedServer

beforeAll(async () => {
  ;[a, b] = await Promise.all([startLoggedServer(db.url), startLoggedServer(db.url)])
}, HOOK_TIMEOUT)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
}, HOOK_TIMEOUT)

/** `npm run server:user -- …args` against the test database. */
function serverUser(...args: string[]) {
  return promisify(execFile)('npx', ['tsx', 'src-server/create-user.ts', ...args], {
    env: { ...process.env, DATABASE_URL: db.url },
  })
}

async function signIn(server: LoggedServer, name: string): Promise<string> {
  const response = await loginAs(server.url, name, `${name}-password`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

interface Followed {
  status: number
  text(): string
  /** Resolves 'ended' when the server ends the stream, 'open' when it is still open after `ms`. */
  endedWithin(ms: number): Promise<'ended' | 'open'>
  close(): void
}

/** Opens the live stream and reads it to its end in the background. */
async function follow(server: LoggedServer, token: string): Promise<Followed> {
  const controller = new AbortController()
  const response = await fetch(`${server.url}/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  let text = ''
  const decoder = new TextDecoder()
  const reader = (response.body as unknown as ReadableStream<Uint8Array>).getReader()
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return 'ended' as const
      text += decoder.decode(value, { stream: true })
    }
  })().catch(() => 'aborted' as const)
  return {
    status: response.status,
    text: () => text,
    endedWithin: (ms) =>
      Promise.race([
        ended.then(() => 'ended' as const),
        new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms)),
      ]),
    close: () => controller.abort(),
  }
}

const pull = (server: LoggedServer, token: string) =>
  fetch(`${server.url}/sync/customers/pull`, { headers: { authorization: `Bearer ${token}` } })

const push = (server: LoggedServer, token: string, id: string, owner: string) =>
  fetch(`${server.url}/sync/customers/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rows: [create(customer(id, owner))] }),
  })

/** Waits until the stream has shown `needle` (the server writes `resync` on connect), at most 10 s. */
async function shown(stream: Followed, needle: string): Promise<void> {
  for (let i = 0; i < 200 && !stream.text().includes(needle); i++)
    await new Promise((r) => setTimeout(r, 50))
  expect(stream.text()).toContain(needle)
}

describe('npm run server:user', () => {
  test('--revoke-sessions ends every session of the user at once, live streams on every process too', async () => {
    await addUser(pool, 'sam')
    const first = await signIn(a, 'sam')
    const second = await signIn(b, 'sam')
    const streams = [await follow(a, first), await follow(b, second)]
    for (const stream of streams) await shown(stream, 'RESYNC')
    const { stdout } = await serverUser('--revoke-sessions', 'sam')
    expect(stdout).toContain('Ended 2 session(s) of sam')
    for (const stream of streams) expect(await stream.endedWithin(10_000)).toBe('ended')
    for (const server of [a, b])
      for (const token of [first, second]) {
        expect((await pull(server, token)).status).toBe(401)
        expect((await push(server, token, 'C-sam', 'sam')).status).toBe(401)
      }
    // The user may sign in again.
    const again = await signIn(a, 'sam')
    expect((await pull(b, again)).status).toBe(200)
  }, 120_000)

  test('--disable ends the sessions and refuses sign-in; --enable lets the user in again', async () => {
    await addUser(pool, 'tia')
    const token = await signIn(a, 'tia')
    const stream = await follow(b, token)
    await shown(stream, 'RESYNC')
    const { stdout } = await serverUser('--disable', 'tia')
    expect(stdout).toContain('Disabled tia')
    expect(await stream.endedWithin(10_000)).toBe('ended')
    expect((await pull(a, token)).status).toBe(401)
    expect((await push(b, token, 'C-tia', 'tia')).status).toBe(401)
    expect((await follow(a, token)).status).toBe(401)
    // Refused as a wrong password is: a guesser learns nothing from it.
    expect((await loginAs(a.url, 'tia', 'tia-password')).status).toBe(401)
    const enabled = await serverUser('--enable', 'tia')
    expect(enabled.stdout).toContain('Enabled tia')
    const back = await signIn(b, 'tia')
    expect((await pull(a, back)).status).toBe(200)
  }, 120_000)

  test('names a user that does not exist, and refuses two changes at once', async () => {
    await expect(serverUser('--disable', 'nobody')).rejects.toMatchObject({
      stderr: expect.stringContaining('No user is named nobody') as string,
    })
    await expect(serverUser('--disable', 'sam', '--enable', 'sam')).rejects.toMatchObject({
      stderr: expect.stringContaining('Usage') as string,
    })
  }, 60_000)
})

describe('expiry', () => {
  test('a session that expires while its stream is open ends the stream at the next check', async () => {
    const c = await startLoggedServer(db.url, { SESSION_RECHECK_MS: '300' })
    try {
      await addUser(pool, 'val')
      const token = await signIn(c, 'val')
      const stream = await follow(c, token)
      await shown(stream, 'RESYNC')
      expect(await stream.endedWithin(1500)).toBe('open')
      await pool.query(
        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = 'val'",
      )
      expect(await stream.endedWithin(10_000)).toBe('ended')
    } finally {
      await c.stop()
    }
  }, 120_000)
})

describe('logout', () => {
  test("ends that session's live stream on every process, and only that session", async () => {
    await addUser(pool, 'uma')
    const laptop = await signIn(a, 'uma')
    const browser = await signIn(a, 'uma')
    const ending = await follow(b, laptop)
    const staying = await follow(b, browser)
    for (const stream of [ending, staying]) await shown(stream, 'RESYNC')
    const out = await fetch(`${a.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${laptop}` },
    })
    expect(out.status).toBe(204)
    expect(await ending.endedWithin(10_000)).toBe('ended')
    expect((await pull(b, laptop)).status).toBe(401)
    // The other session is untouched: its stream still hears of changes.
    expect((await push(a, browser, 'C-uma', 'uma')).status).toBe(200)
    await shown(staying, '"collection":"customers"')
    staying.close()
  }, 120_000)
})
