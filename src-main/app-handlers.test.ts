import { describe, expect, it } from 'vitest'
import { appHandlers } from './app-handlers'
import { createIpcRouter } from './ipc-router'

function setUp() {
  const opened: string[] = []
  const reported: number[] = []
  const themes: string[] = []
  const handlers = appHandlers({
    info: () => ({
      name: 'Fieldbill',
      version: '1.2.3',
      dataFolder: '/home/rep/.config/Fieldbill',
      platform: 'linux',
      arch: 'x64',
      versions: { electron: '45.0.0' },
    }),
    openExternal: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
    closeGuard: { report: (count) => void reported.push(count) },
    setTheme: (source) => void themes.push(source),
  })
  const router = createIpcRouter(handlers, { isTrustedSender: () => true, log: () => undefined })
  const call = (channel: string, payload: unknown) => router.dispatch(channel, 'app://x', payload)
  return { call, opened, reported, themes }
}

describe('the app handlers', () => {
  it('answer About with the values handed in', async () => {
    const { call } = setUp()
    expect(await call('app:info', undefined)).toMatchObject({
      ok: true,
      value: { name: 'Fieldbill', version: '1.2.3', electron: '45.0.0', chrome: null },
    })
  })

  it('open only allowed links, and say so in plain words otherwise', async () => {
    const { call, opened } = setUp()
    expect(await call('shell:open-external', { url: 'https://evil.example/x' })).toEqual({
      ok: false,
      error: 'That link is not on the allow-list.',
    })
    expect(await call('shell:open-external', { url: 'https://github.com/fieldbill' })).toEqual({
      ok: true,
      value: true,
    })
    expect(opened).toEqual(['https://github.com/fieldbill'])
  })

  it('pass the unsent count to the close guard and the theme to the window', async () => {
    const { call, reported, themes } = setUp()
    expect(await call('app:unsent-changes', { count: 3 })).toEqual({ ok: true, value: true })
    expect(await call('app:theme', { source: 'dark' })).toEqual({ ok: true, value: true })
    expect(reported).toEqual([3])
    expect(themes).toEqual(['dark'])
  })
})
