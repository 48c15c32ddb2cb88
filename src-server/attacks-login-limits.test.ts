/**
 * Attacks on sign-in and on the server's resources, against a real PostgreSQL and the real server process:
 * parallel password guessing, a stranger trying to lock a user out, big and dribbled bodies, many live streams,
 * a flood of pushes. Passwords checked are counted from the server's own log lines (one per check).
 */
import { createHash, randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { customer } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import { openEventStream, type EventStream } from './test-support/event-stream'
import {
  loginAs,
  passwordsChecked,
  startLoggedServer,
  type LoggedServer,
} from './test-support/logged-server'
import { databaseForFile } from './test-support/per-file'
import { addUser, create } from './test-support/server'

const { db, pool } = databaseForFile({ poolSize: 4 })
let server: LoggedServer

/** Per name and address: 5 failures without delay (the default); then a long wait, so a burst gets no more. */
const FREE = 5

beforeAll(async () => {
  server = await startLoggedServer(db.url, {
    TRUST_PROXY: 'loopback',
    LOGIN_FIRST_DELAY_MS: '600000',
    // Short enough for the dribble test, long enough for a sign-in on a loaded 2-core machine.
    REQUEST_TIMEOUT_MS: '4000',
    // One push refilled every 50 s: however slowly a loaded machine answers, the burst is not refilled mid-test.
    PUSHES_PER_SECOND: '0.02',
    PUSH_BURST: '5',
  })
}, HOOK_TIMEOUT)

afterAll(async () => {
  await server?.stop()
}, HOOK_TIMEOUT)

/** The passwords of `name` checked, once the log lines of the `answered` checks have arrived (or 5 s passed). */
async function checkedOnce(name: string, answered: number): Promise<number> {
  for (let i = 0; i < 100 && passwordsChecked(server, name) < answered; i++)
    await new Promise((r) => setTimeout(r, 50))
  return passwordsChecked(server, name)
}

/** `n` guesses at once from one address, the right password last; the statuses in order. */
async function burst(name: string, n: number, address: string): Promise<number[]> {
  const guesses = Array.from({ length: n }, (_, i) =>
    i === n - 1 ? `${name}-password` : `wrong-${i}`,
  )
  const answers = await Promise.all(guesses.map((p) => loginAs(server.url, name, p, address)))
  return answers.map((a) => a.status)
}

describe('parallel guessing', () => {
  test.each([40, 200])(
    '%i guesses at once: at most the limit is checked; over it the right one is refused too',
    async (n) => {
      const name = `guessed${n}`
      await addUser(pool, name)
      const statuses = await burst(name, n, '203.0.113.7')
      const answered = statuses.filter((s) => s === 401 || s === 200).length
      const checked = await checkedOnce(name, answered)
      expect(checked).toBeLessThanOrEqual(FREE)
      expect(answered).toBe(checked)
      expect(statuses.filter((s) => s === 429)).toHaveLength(n - checked)
      // Over the limit, even the right password gets in no more, and nothing more is checked.
      const again = await burst(name, 10, '203.0.113.7')
      expect(again).toEqual(Array.from({ length: 10 }, () => 429))
      expect(passwordsChecked(server, name)).toBe(checked)
    },
    120_000,
  )
})

describe('lock-out', () => {
  test("a stranger's failures from another address do not lock the user out from theirs", async () => {
    await addUser(pool, 'una')
    for (let i = 0; i < 12; i++) await loginAs(server.url, 'una', `guess-${i}`, '203.0.113.50')
    const stranger = await loginAs(server.url, 'una', 'una-password', '203.0.113.50')
    expect(stranger.status).toBe(429)
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await loginAs(server.url, 'una', 'una-password', '198.51.100.4')).status).toBe(200)
  }, 60_000)

  test('strangers from many addresses hold up the name, but not at an address the user signed in from', async () => {
    await addUser(pool, 'vic')
    expect((await loginAs(server.url, 'vic', 'vic-password', '198.51.100.9')).status).toBe(200)
    // 25 addresses, 4 guesses each: never past one address's limit, well past the name's 20.
    for (let a = 0; a < 25; a++)
      await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          loginAs(server.url, 'vic', `guess-${i}`, `203.0.113.${100 + a}`),
        ),
      )
    expect((await loginAs(server.url, 'vic', 'vic-password', '198.51.100.77')).status).toBe(429)
    expect((await loginAs(server.url, 'vic', 'vic-password', '198.51.100.9')).status).toBe(200)
  }, 120_000)

  test('without TRUST_PROXY, X-Forwarded-For is not believed', async () => {
    const direct = await startLoggedServer(db.url, { LOGIN_FIRST_DELAY_MS: '600000' })
    try {
      await addUser(pool, 'wes')
      for (let i = 0; i < FREE; i++)
        await loginAs(direct.url, 'wes', `guess-${i}`, `203.0.113.${200 + i}`)
      // Every guess came from the socket's address, whatever the header said: that address is held up.
      expect((await loginAs(direct.url, 'wes', 'wes-password', '198.51.100.4')).status).toBe(429)
    } finally {
      await direct.stop()
    }
  }, 120_000)
})

/**
 * A user with a session written straight into the database, so these tests do not depend on the sign-in
 * limits above; returns the token.
 */
async function tokenOf(name: string): Promise<string> {
  await addUser(pool, name)
  const token = randomBytes(32).toString('base64url')
  await pool.query(
    "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')",
    [createHash('sha256').update(token).digest(), name],
  )
  return token
}

describe('bounds', () => {
  test('/auth/login refuses a body over 4 KiB with 413, unread', async () => {
    const big = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ann', password: 'x'.repeat(5000) }),
    })
    expect(big.status).toBe(413)
    const huge = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ann', password: 'x'.repeat(8 * 1024 * 1024) }),
    }).catch(() => undefined)
    // Refused at once (413), or the socket closed while the body was still being sent.
    expect(huge === undefined || huge.status === 413).toBe(true)
  })

  test('a client dribbling a body is cut off by the request timeout', async () => {
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    const started = Date.now()
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())))
    socket.on('error', () => undefined)
    socket.write(
      'POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    )
    // One byte every 250 ms: the whole body would take over four minutes.
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(' ')
    }, 250)
    const deadline = new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 20_000))
    const outcome = await Promise.race([closed, deadline])
    clearInterval(drip)
    socket.destroy()
    expect(outcome).not.toBe('open')
    // The timeout is 4 s; the server checks for it a few times per timeout.
    expect((outcome as number) - started).toBeLessThan(15_000)
  }, 30_000)

  test('a user holds at most 20 live streams; the 21st is answered 429', async () => {
    const token = await tokenOf('streamer')
    const streams: EventStream[] = []
    try {
      for (let i = 0; i < 20; i++) {
        const stream = await openEventStream(`${server.url}/sync/stream`, token)
        streams.push(stream)
        expect(stream.response.status).toBe(200)
        await stream.readUntil('RESYNC')
      }
      const extra = await fetch(`${server.url}/sync/stream`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(extra.status).toBe(429)
      expect(extra.headers.get('retry-after')).toBeTruthy()
      // Another user is not held up by it.
      const other = await openEventStream(`${server.url}/sync/stream`, await tokenOf('listener'))
      expect(other.response.status).toBe(200)
      other.close()
    } finally {
      for (const stream of streams) stream.close()
    }
  }, 60_000)

  test('pushes past the rate are answered 429 with Retry-After; other users push on', async () => {
    const token = await tokenOf('pusher')
    const push = (t: string, n: number) =>
      fetch(`${server.url}/sync/customers/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [create(customer(`C-${t.slice(0, 6)}-${n}`, 'pusher'))] }),
      })
    const statuses: number[] = []
    let limited: Response | undefined
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await push(token, i)
      statuses.push(response.status)
      if (response.status === 429) limited = response
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(limited?.status).toBe(429)
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const other = await tokenOf('bystander')
    expect((await push(other, 0)).status).toBe(200)
  }, 60_000)
})
