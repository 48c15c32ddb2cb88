import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { backoff } from './backoff'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** How long `failed()` waits, measured on the fake clock. */
async function waitOf(promise: Promise<void>): Promise<number> {
  let done = false
  void promise.then(() => (done = true))
  let ms = 0
  while (!done) {
    await vi.advanceTimersByTimeAsync(10)
    ms += 10
  }
  return ms
}

test('each failure in a row doubles the wait up to the ceiling; a success starts again', async () => {
  const wait = backoff(100, 500, () => 1)
  expect(await waitOf(wait.failed())).toBe(100)
  expect(await waitOf(wait.failed())).toBe(200)
  expect(await waitOf(wait.failed())).toBe(400)
  expect(await waitOf(wait.failed())).toBe(500)
  wait.succeeded()
  expect(await waitOf(wait.failed())).toBe(100)
})

test('jitter keeps the wait between half and all of it', async () => {
  expect(await waitOf(backoff(100, 500, () => 0).failed())).toBe(50)
})

test('interrupt ends a wait at once', async () => {
  const wait = backoff(10_000, 60_000, () => 1)
  const pending = wait.failed()
  wait.interrupt()
  expect(await waitOf(pending)).toBe(10)
})

test("waits at least what the server asked for (a 429's Retry-After), even above the ceiling", async () => {
  const wait = backoff(100, 500, () => 1)
  expect(await waitOf(wait.failed(3000))).toBe(3000)
  expect(await waitOf(wait.failed(50))).toBe(200)
})
