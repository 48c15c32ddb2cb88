/**
 * Canonical JSON text (one spelling per value: the backup checksum hashes it, the sync merge compares and orders
 * values by it), SHA-256 over a text, and the test that tells a file cut short from one that is garbled.
 */

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key]
  return sorted
}

/**
 * JSON with the keys of every object sorted (by UTF-16 code units) and no whitespace: two equal values always
 * give the same text, whatever order their keys were written in.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null'
}

/**
 * SHA-256 of a text's UTF-8 bytes, as lower-case hex. WebCrypto is a global in browsers and in Node 20, so
 * src-core stays free of imports.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Whether JSON text stops inside a string or with brackets still open: the sign of a file cut short (a failed
 * copy, a full disk), as opposed to one whose bytes were changed.
 */
export function endsEarly(text: string): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) depth--
  }
  return inString || depth > 0
}
