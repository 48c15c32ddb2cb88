/**
 * The sandboxed preload: exposes exactly one function per channel of the IPC contract, and a subscription to the
 * fixed list of menu events. The raw ipcRenderer never reaches the page. Built as one CommonJS file because a
 * sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer } from 'electron'
import {
  BRIDGE_KEY,
  channelNames,
  isAppEvent,
  type AppEvent,
  type DesktopBridge,
} from '@core/ipc/contract'

const invokers: Record<string, (request: unknown) => Promise<unknown>> = {}
for (const name of channelNames) {
  invokers[name] = (request: unknown) => ipcRenderer.invoke(name, request)
}

function on(event: AppEvent, listener: () => void): () => void {
  if (!isAppEvent(event)) throw new Error(`Unknown event: ${String(event)}`)
  // The IpcRendererEvent is deliberately not passed on: it carries `sender`, i.e. ipcRenderer itself.
  const wrapped = (): void => listener()
  ipcRenderer.on(event, wrapped)
  return () => {
    ipcRenderer.removeListener(event, wrapped)
  }
}

const bridge = Object.freeze({ ...invokers, on }) as unknown as DesktopBridge
contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
