/**
 * The HTTP side of sync (src-server/README.md): login, and authenticated GET/POST. Failures become
 * `SyncHttpError`s whose message is a sentence for the rep.
 */
import { checkServerUrl } from '@core/server-url'

/** A refusal or failure of the sync server, worded for the rep. */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** How long the server asked to wait before trying again (a 429's `Retry-After`), in ms. */
    readonly retryAfterMs = 0,
  ) {
    super(message)
    this.name = 'SyncHttpError'
  }
}

export interface SyncUser {
  id: string
  name: string
  role: 'rep' | 'integration' | 'admin'
}

export interface LoginResult {
  token: string
  expiresAt: string
  user: SyncUser
}

/**
 * The server's base URL without a trailing slash; refuses anything but https://, and http:// to another computer
 * (src-core/server-url.ts), before any password or token is sent to it.
 */
export function normalizeServerUrl(input: string): string {
  const checked = checkServerUrl(input)
  if (!checked.ok) throw new SyncHttpError(checked.reason, 0)
  return checked.url
}

async function send(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await doFetch(url, init)
  } catch {
    throw new SyncHttpError('The server cannot be reached.', 0)
  }
}

function retryMinutes(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15
}

/**
 * Signs in; the token comes back to the caller, who decides where it is kept.
 *
 * @example
 * const { token, user } = await login('https://sync.example.com', 'ann', 'secret')
 */
export async function login(
  serverUrl: string,
  name: string,
  password: string,
  doFetch: typeof fetch = fetch,
): Promise<LoginResult> {
  const response = await send(doFetch, `${normalizeServerUrl(serverUrl)}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  if (response.status === 401)
    throw new SyncHttpError('The server refused the user name or password.', 401)
  if (response.status === 429) {
    const minutes = retryMinutes(response)
    throw new SyncHttpError(
      `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      429,
    )
  }
  if (!response.ok)
    throw new SyncHttpError(
      `The server could not sign you in (${response.status}).`,
      response.status,
    )
  return (await response.json()) as LoginResult
}

/** GET/POST JSON with the bearer token. */
export interface SyncHttp {
  readonly url: string
  readonly token: string
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
}

/** An authenticated client; a 401 means the session ended and the rep must connect again. */
export function syncHttp(
  serverUrl: string,
  token: string,
  doFetch: typeof fetch = fetch,
): SyncHttp {
  const url = normalizeServerUrl(serverUrl)
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  async function call<T>(path: string, init: RequestInit): Promise<T> {
    const response = await send(doFetch, `${url}${path}`, { ...init, headers })
    if (response.status === 401)
      throw new SyncHttpError('The session has ended: connect again in Settings > Sync.', 401)
    // The server holds this user back (too many pushes): wait as long as it says before trying again.
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'))
      throw new SyncHttpError(
        'The server asked to slow down; sync goes on shortly.',
        429,
        Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0,
      )
    }
    if (!response.ok)
      throw new SyncHttpError(`The server answered ${response.status} to ${path}.`, response.status)
    return (await response.json()) as T
  }
  return {
    url,
    token,
    get: (path) => call(path, { method: 'GET' }),
    post: (path, body) => call(path, { method: 'POST', body: JSON.stringify(body) }),
  }
}

/**
 * Ends the session on the server, so the token is worthless even if it was copied. Best effort, and bounded
 * in time: the caller has already forgotten the token, and an unreachable server must not hold anything up.
 */
export async function logout(
  serverUrl: string,
  token: string,
  doFetch: typeof fetch = fetch,
  timeoutMs = 5000,
): Promise<boolean> {
  try {
    const response = await doFetch(`${normalizeServerUrl(serverUrl)}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    })
    return response.ok
  } catch {
    return false
  }
}
