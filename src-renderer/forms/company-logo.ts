/**
 * The company logo chosen in Settings: a PNG or JPEG of at most 256 KiB, checked by its first bytes (a renamed
 * file is refused whatever its name or type says), kept in the settings record as base64.
 */
import type { CompanyLogo } from '@core/documents'

export const MAX_LOGO_BYTES = 256 * 1024

export type LogoResult = { ok: true; logo: CompanyLogo } | { ok: false; error: string }

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]

const startsWith = (bytes: Uint8Array, head: number[]) => head.every((b, i) => bytes[i] === b)

/** Base64 of bytes, in chunks (spreading 256 KiB into one call would overflow the argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Checks a chosen file's bytes and makes the logo of them, or says why not.
 *
 * @example
 * checkLogo(new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'logo.pdf')
 * // { ok: false, error: 'Logo: "logo.pdf" is not a PNG or JPEG image' }
 */
export function checkLogo(bytes: Uint8Array, fileName: string): LogoResult {
  const mediaType = startsWith(bytes, PNG)
    ? 'image/png'
    : startsWith(bytes, JPEG)
      ? 'image/jpeg'
      : null
  if (!mediaType) return { ok: false, error: `Logo: "${fileName}" is not a PNG or JPEG image` }
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    const kib = Math.ceil(bytes.byteLength / 1024)
    return { ok: false, error: `Logo: "${fileName}" is ${kib} KiB; the limit is 256 KiB` }
  }
  return { ok: true, logo: { mediaType, dataBase64: toBase64(bytes) } }
}

/** A data: URL to show the logo in an <img> (never markup: an image element decodes only images). */
export function logoDataUrl(logo: CompanyLogo): string {
  return `data:${logo.mediaType};base64,${logo.dataBase64}`
}
