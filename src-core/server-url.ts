/**
 * The sync server's address, checked the same way by the renderer (before a password is sent) and by main (before
 * a session is kept and the server is let through the Content Security Policy). A password or token sent over
 * plain http:// can be read by anyone on the network, so http:// is allowed only for a server on this computer.
 */

/** Why a plain http:// address to another computer is refused, in the rep's words. */
export const PLAIN_HTTP_REFUSED =
  'The server address must start with https:// — a password sent over http:// can be read on the network. ' +
  'Only a server on this computer may use http://.'

export type ServerUrlCheck =
  | {
      ok: true
      /** The address without a trailing slash, as requests are built from it. */
      url: string
      /** Scheme, host and port: what the Content Security Policy lets through. */
      origin: string
    }
  | { ok: false; reason: string }

/**
 * True for a host on this computer: `localhost` (and its subdomains), 127.0.0.0/8 and [::1]. `hostname` is as
 * `URL` gives it: lower case, IPv4 normalised (`127.1` becomes `127.0.0.1`), IPv6 in brackets.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  if (hostname === '[::1]') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/**
 * Checks a sync server address: https:// anywhere, http:// only on this computer, nothing else.
 *
 * @param input - what the rep typed in Settings › Sync, or a stored session's address
 * @example
 * checkServerUrl('https://sync.example.com/') // { ok: true, url: 'https://sync.example.com', origin: … }
 * checkServerUrl('http://sync.example.com') // { ok: false, reason: PLAIN_HTTP_REFUSED }
 */
export function checkServerUrl(input: string): ServerUrlCheck {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return { ok: false, reason: 'Enter the server URL, like https://sync.example.com.' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'The server URL must start with https://.' }
  if (url.username || url.password)
    return {
      ok: false,
      reason: 'Leave the user and password out of the server URL: type them in User and Password.',
    }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return { ok: false, reason: PLAIN_HTTP_REFUSED }
  return { ok: true, url: url.href.replace(/\/+$/, ''), origin: url.origin }
}
