/**
 * Accounts against a real PostgreSQL: login, tokens that expire, the failed-login limit, stored hashes, the
 * user CLI, and logs that never carry a credential.
 */
import { execFile } from 'node:child_process'
import { Writable } from 'node:stream'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { buildApp } from './app'
import { createUser } from './auth'
import { hashPassword, verifyPassword } from './passwords'
import { serverForFile } from './test-support/per-file'

// A delay of a minute after the free failures: the default 2 s can pass between two scrypt checks on a loaded
// machine, and the attempt the test expects held up would be let through.
const { server } = serverForFile({
  auth: { freeFailures: { pair: 3, name: 10, address: 50 }, firstDelayMs: 60_000 },
})

const login = (name: string, password: string, url = server.url) =>
  fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })

describe('passwords', () => {
  test('are hashed with scrypt and a salt, and verified in constant time', async () => {
    const a = await hashPassword('correct horse')
    const b = await hashPassword('correct horse')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse', a)).toBe(true)
    expect(await verifyPassword('wrong horse', a)).toBe(false)
    expect(await verifyPassword('x', 'md5$abc')).toBe(false)
  })
})

describe('login', () => {
  test('returns a token that expires, and the token opens the sync routes', async () => {
    await createUser(server.pool, { name: 'carol', role: 'rep', password: 'carol-secret' })
    const response = await login('carol', 'carol-secret')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { token: string; expiresAt: string; user: unknown }
    expect(body.user).toEqual({ id: 'carol', name: 'carol', role: 'rep' })
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000)
    const headers = { authorization: `Bearer ${body.token}` }
    expect((await fetch(`${server.url}/auth/me`, { headers })).status).toBe(200)
    const { rows } = await server.pool.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE name = 'carol'",
    )
    expect(rows[0]?.password_hash).not.toContain('carol-secret')
    await server.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second'")
    const expired = await fetch(`${server.url}/sync/invoices/pull`, { headers })
    expect(expired.status).toBe(401)
  })

  test('logout ends the session', async () => {
    const { token } = (await (await login('carol', 'carol-secret')).json()) as { token: string }
    const headers = { authorization: `Bearer ${token}` }
    expect((await fetch(`${server.url}/auth/logout`, { method: 'POST', headers })).status).toBe(204)
    expect((await fetch(`${server.url}/auth/me`, { headers })).status).toBe(401)
  })

  test('failed attempts are limited per name, even with the right password afterwards', async () => {
    await createUser(server.pool, { name: 'dave', role: 'rep', password: 'dave-secret' })
    for (let i = 0; i < 3; i++) expect((await login('dave', 'guess')).status).toBe(401)
    const blocked = await login('dave', 'dave-secret')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await login('nobody', 'guess')).status).toBe(401)
  })

  test('health and readiness need no token', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: 'ready' })
  })
})

describe('logs', () => {
  test('are JSON lines without passwords or tokens', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const app = buildApp({
      pool: server.pool,
      databaseUrl: server.db.url,
      logger: { level: 'info', stream },
    })
    const url = await app.listen({ host: '127.0.0.1', port: 0 })
    await createUser(server.pool, { name: 'erin', role: 'rep', password: 'erin-secret' })
    const { token } = (await (await login('erin', 'erin-secret', url)).json()) as { token: string }
    await fetch(`${url}/sync/invoices/pull`, { headers: { authorization: `Bearer ${token}` } })
    await login('erin', 'erin-wrong', url)
    await app.close()
    const text = lines.join('')
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow()
    expect(text).toContain('"msg":"login"')
    expect(text).not.toContain('erin-secret')
    expect(text).not.toContain('erin-wrong')
    expect(text).not.toContain(token)
  })
})

describe('npm run server:user', () => {
  test('creates a user with the password from PASSWORD', async () => {
    const run = promisify(execFile)
    const { stdout } = await run(
      'npx',
      ['tsx', 'src-server/create-user.ts', '--name', 'frank', '--role', 'integration'],
      { env: { ...process.env, DATABASE_URL: server.db.url, PASSWORD: 'frank-secret' } },
    )
    expect(stdout).toContain('Created integration frank')
    expect((await login('frank', 'frank-secret')).status).toBe(200)
    const again = run(
      'npx',
      ['tsx', 'src-server/create-user.ts', '--name', 'frank', '--role', 'rep'],
      {
        env: { ...process.env, DATABASE_URL: server.db.url, PASSWORD: 'frank-secret' },
      },
    )
    await expect(again).rejects.toMatchObject({
      stderr: expect.stringContaining('already exists') as string,
    })
  })
})
