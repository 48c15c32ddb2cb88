import Fastify from 'fastify'
import { describe, expect, test } from 'vitest'
import { corsAllows, corsOriginsFromEnv, registerCors } from './cors'

function app() {
  const server = Fastify({ logger: false })
  registerCors(server, ['https://fieldbill.example.com', 'http://127.0.0.1:5199'])
  // Stands for the authentication hook, which runs after CORS.
  server.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== 'Bearer ok') return reply.code(401).send({})
  })
  server.get('/auth/me', () => ({ user: 'ann' }))
  return server
}

describe('CORS', () => {
  test('allows the desktop app and the configured web origins only', () => {
    expect(corsAllows('app://fieldbill')).toBe(true)
    // Any page on this machine is not the web build: a local port is no credential.
    expect(corsAllows('http://127.0.0.1:5199')).toBe(false)
    expect(corsAllows('http://localhost:3000')).toBe(false)
    expect(corsAllows('https://evil.example')).toBe(false)
    expect(corsAllows('http://127.0.0.1.evil.example:80')).toBe(false)
    const configured = corsOriginsFromEnv(
      ' https://fieldbill.example.com/ ,',
      'http://127.0.0.1:5180',
    )
    expect(configured).toEqual(['https://fieldbill.example.com', 'http://127.0.0.1:5180'])
    expect(corsAllows('https://fieldbill.example.com', configured)).toBe(true)
    expect(corsAllows('http://127.0.0.1:5180', configured)).toBe(true)
    expect(corsAllows('http://127.0.0.1:5181', configured)).toBe(false)
    expect(corsAllows('https://fieldbill.example.com.evil.example', configured)).toBe(false)
  })

  test('answers an allowed preflight before authentication, with the allowed headers', async () => {
    const response = await app().inject({
      method: 'OPTIONS',
      url: '/auth/me',
      headers: { origin: 'http://127.0.0.1:5199', 'access-control-request-method': 'GET' },
    })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5199')
    expect(response.headers['access-control-allow-headers']).toBe('authorization, content-type')
    expect(response.headers['access-control-allow-credentials']).toBeUndefined()
  })

  test('labels answers for allowed origins only; other origins get no CORS headers', async () => {
    const ok = await app().inject({
      url: '/auth/me',
      headers: { origin: 'app://fieldbill', authorization: 'Bearer ok' },
    })
    expect(ok.headers['access-control-allow-origin']).toBe('app://fieldbill')
    expect(ok.headers['access-control-expose-headers']).toBe('Retry-After')
    const evil = await app().inject({
      method: 'OPTIONS',
      url: '/auth/me',
      headers: { origin: 'https://evil.example' },
    })
    expect(evil.statusCode).toBe(401)
    expect(evil.headers['access-control-allow-origin']).toBeUndefined()
    const otherPort = await app().inject({
      url: '/auth/me',
      headers: { origin: 'http://127.0.0.1:5200', authorization: 'Bearer ok' },
    })
    expect(otherPort.headers['access-control-allow-origin']).toBeUndefined()
  })
})
