/// <reference types="vite/client" />
import type { DesktopBridge } from '@core/ipc/contract'

declare global {
  /** The app's version, from package.json at build time. */
  const __APP_VERSION__: string

  interface Window {
    /** Present only inside the desktop app (exposed by the sandboxed preload). */
    readonly fieldbill?: DesktopBridge
  }
}
