/**
 * The renderer side of the stand-in: the built preload (out/preload/index.cjs) runs in every page of the
 * desktop project before the app's scripts, as Electron runs it, with `require('electron')` answering the two
 * things it uses. `ipcRenderer.invoke` goes through a Playwright binding to main's `ipcMain.handle` handlers in
 * the main process, carrying the frame's URL, so the router checks the sender and the payload as in Electron.
 *
 * Unlike Electron there is no isolated world: the preload shares the page's globals. What the bridge exposes is
 * the same; the binding itself is reachable by the page, and main's router is what keeps it honest.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The binding main's IPC travels through, and the page global that delivers main's events to the preload. */
export const INVOKE_BINDING = '__fieldbillInvoke'
export const DELIVER_EVENT = '__fieldbillDeliver'

/**
 * Bytes cannot cross a Playwright binding as bytes, and Electron's IPC (structured clone) carries them: both
 * sides wrap a Uint8Array as { __bytes: base64 }. Runs in Node and, stringified, in the page.
 */
export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = ''
    for (const byte of value) binary += String.fromCharCode(byte)
    return { __bytes: btoa(binary) }
  }
  if (Array.isArray(value)) return value.map(encodeBytes)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]))
  return value
}

export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes)
  if (value && typeof value === 'object') {
    const bytes = (value as { __bytes?: unknown }).__bytes
    if (typeof bytes === 'string') return Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeBytes(v)]))
  }
  return value
}

/** Runs in the page (stringified): the `electron` module a sandboxed preload gets. */
function electronForPreload(names: { invoke: string; deliver: string }): unknown {
  const scope = window as unknown as Record<string, unknown>
  const invoke = scope[names.invoke] as (channel: string, payload: unknown) => Promise<unknown>
  const listeners = new Map<string, Set<() => void>>()
  Object.defineProperty(window, names.deliver, {
    value: (channel: string) => listeners.get(channel)?.forEach((listener) => listener()),
  })
  return {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        Object.defineProperty(window, key, { value: api, enumerable: true })
      },
    },
    ipcRenderer: {
      async invoke(channel: string, payload: unknown) {
        return decodeBytes(await invoke(channel, encodeBytes(payload)))
      },
      on(channel: string, listener: () => void) {
        const set = listeners.get(channel) ?? new Set()
        set.add(listener)
        listeners.set(channel, set)
      },
      removeListener(channel: string, listener: () => void) {
        listeners.get(channel)?.delete(listener)
      },
    },
  }
}

/** The init script: the stand-in module, then the built preload as the CommonJS module it is. */
export function preloadScript(root: string): string {
  const preload = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8')
  const names = JSON.stringify({ invoke: INVOKE_BINDING, deliver: DELIVER_EVENT })
  return [
    // Electron runs the preload in the top frame only (nodeIntegrationInSubFrames is off).
    'if (window === window.top) {',
    `const encodeBytes = ${encodeBytes.toString()};`,
    `const decodeBytes = ${decodeBytes.toString()};`,
    `const electron = (${electronForPreload.toString()})(${names});`,
    '(function (require, module, exports) {',
    preload,
    '})((id) => { if (id === "electron") return electron; throw new Error("preload: no module " + id) }, { exports: {} }, {});',
    '}',
  ].join('\n')
}
