/**
 * Which external links the app may open in the user's browser. Shared by main (the desktop) and the renderer's
 * browser fallback so that both follow the same allow-list.
 */

/** Hosts whose https pages may be opened in the user's browser (help pages, the company site). */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = ['learn.microsoft.com', 'github.com']

/** True for an https URL whose host is on the allow-list (or a subdomain of an entry). */
export function isAllowedExternalUrl(
  raw: string,
  allowList: readonly string[] = EXTERNAL_LINK_ALLOW_LIST,
): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  const host = url.hostname.toLowerCase()
  return allowList.some((entry) => host === entry || host.endsWith(`.${entry}`))
}
