/**
 * Serving the built renderer over `app://fieldbill/`. The pure part (URL → file path, with the traversal guard)
 * is here and tested in Node; `registerAppProtocol` in `index.ts` wires it to Electron's `protocol.handle`.
 */
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './security/policy'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export type ResolvedRequest =
  | { ok: true; path: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string }

/**
 * Maps an `app://fieldbill/...` URL to a file under `rootDir`. Anything that would leave `rootDir` (`..`,
 * encoded `%2e%2e`, backslashes, NUL) is refused with 403 rather than normalised, because a renderer that asks
 * for such a path is either buggy or compromised.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string): ResolvedRequest {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return { ok: false, status: 403, reason: 'foreign origin' }
  // The WHATWG parser already collapses `..`; we look at the raw path too, so that a request that tried to
  // climb out is refused outright instead of being quietly served something else.
  const rawPath = rawUrl.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/, 1)[0] ?? ''
  let pathname: string
  try {
    pathname = decodeURIComponent(rawPath)
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' }
  }
  if (pathname.includes('\0') || pathname.includes('\\'))
    return { ok: false, status: 403, reason: 'forbidden characters in path' }
  const segments = pathname.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.'))
    return { ok: false, status: 403, reason: 'path traversal' }
  const root = resolve(rootDir)
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const full = resolve(root, relative)
  if (full !== root && !full.startsWith(root + sep))
    return { ok: false, status: 403, reason: 'path traversal' }
  return { ok: true, path: full, mimeType: mimeTypeOf(full) }
}
