/**
 * Document numbers such as `INV-01001-X7K2Q9`: a prefix, a counter kept per device, and a suffix that keeps the
 * numbers of devices that never talk to each other apart (the reason Dynamics adds a random suffix). A number is
 * assigned when its document is created and never changes; the sync server refuses a duplicate.
 *
 * Why the suffix is the device's random key scrambled with the counter, not fresh randomness per number:
 * devices that never talk share counter values (every device has an invoice 01001), so two numbers collide only
 * when counter AND suffix match. With a fresh random suffix of L characters from 32, each counter value shared by
 * n devices collides with probability ≈ n(n−1)/2 / 32^L; for 50 devices × 10,000 invoices and L = 6 that is
 * 10,000 × 1,225 / 2^30 ≈ 1.1 % — too high. Here suffix = key XOR mix(counter) (cut to 5·L bits): for a given
 * counter it is a one-to-one function of the key, so two devices collide only if their keys are equal, and then
 * at once. The birthday bound over the keys gives P(any duplicate) ≤ n(n−1)/2 / 32^L: for 50 devices,
 * 1,225 / 2^30 ≈ 1.1 × 10⁻⁶ with L = 6 and 1,225 / 2^20 ≈ 1.2 × 10⁻³ with L = 4, however many invoices each
 * numbers. Restoring a device from a backup must therefore draw a new key (or call `advancePast`), otherwise
 * it would hand out its old numbers again.
 */
import { int, object, refine, string, type SafeResult, type Schema } from './schema'
import type { NumberFormat } from './documents/types'

/** 32 characters without 0/O, 1/I: a rep reading a number over the phone cannot confuse them. */
export const SUFFIX_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const BITS_PER_CHAR = 5
const KEY_LENGTH = 6
/** Counters stay below 2^31 so the mixing below works in 32-bit integer arithmetic. */
export const MAX_COUNTER = 2 ** 31 - 1

/** `n` bytes from a cryptographically strong source (injected: src-core never reads a random source itself). */
export type RandomSource = (byteCount: number) => Uint8Array

/** What a device remembers between numbers: its random key and its next counter value. */
export interface NumberingState {
  deviceKey: string
  nextCounter: number
}

export const DEFAULT_INVOICE_FORMAT: NumberFormat = {
  prefix: 'INV',
  separator: '-',
  padding: 5,
  suffixLength: 6,
}

export const numberFormatSchema: Schema<NumberFormat> = object({
  prefix: string({ min: 1, max: 10, pattern: /^[A-Za-z0-9]+$/, patternName: 'letters and digits' }),
  separator: string({ pattern: /^[-/._]$/, patternName: 'one of - / . _' }),
  padding: int({ min: 1, max: 10 }),
  suffixLength: int({ min: 4, max: 6 }),
})

/**
 * Checks a number format from settings.
 *
 * @example
 * validateNumberFormat({ prefix: 'INV', separator: '-', padding: 5, suffixLength: 3 })
 * // { ok: false, error: 'suffixLength: must be at least 4' }
 */
export function validateNumberFormat(format: unknown): SafeResult<NumberFormat> {
  return numberFormatSchema.safeParse(format)
}

const deviceKeySchema = refine(
  string({ min: KEY_LENGTH, max: KEY_LENGTH }),
  (key) => [...key].every((c) => SUFFIX_ALPHABET.includes(c)),
  `must be ${KEY_LENGTH} characters of the suffix alphabet`,
)

export const numberingStateSchema: Schema<NumberingState> = object({
  deviceKey: deviceKeySchema,
  nextCounter: int({ min: 1, max: MAX_COUNTER }),
})

/**
 * A new device's numbering: a random key and a counter starting at `firstCounter`.
 *
 * @param random - e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`
 */
export function createNumberingState(random: RandomSource, firstCounter = 1): NumberingState {
  const bytes = random(KEY_LENGTH)
  if (bytes.length < KEY_LENGTH) throw new RangeError('the random source returned too few bytes')
  // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
  const key = [...bytes.subarray(0, KEY_LENGTH)].map((b) => SUFFIX_ALPHABET[b & 31]).join('')
  return numberingStateSchema.parse({ deviceKey: key, nextCounter: firstCounter })
}

function toBits(text: string): number {
  let bits = 0
  for (const c of text) bits = bits * 32 + SUFFIX_ALPHABET.indexOf(c)
  return bits
}

function toChars(bits: number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++, bits = Math.floor(bits / 32))
    out = SUFFIX_ALPHABET[bits % 32] + out
  return out
}

/** A fixed 32-bit integer hash (Wellons' lowbias32), so consecutive counters give unrelated-looking suffixes. */
function mix(counter: number): number {
  let x = counter >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

function suffixFor(key: string, counter: number, length: number): string {
  const mask = 2 ** (BITS_PER_CHAR * length) - 1
  // Both operands are below 2^30, so the XOR stays a non-negative 31-bit integer.
  return toChars((toBits(key) ^ (mix(counter) & 0x3fffffff)) & mask, length)
}

/** Builds the text of a number, e.g. `INV-01001-X7K2Q9`. */
export function formatDocumentNumber(
  format: NumberFormat,
  counter: number,
  suffix: string,
): string {
  const digits = String(counter).padStart(format.padding, '0')
  return `${format.prefix}${format.separator}${digits}${format.separator}${suffix}`
}

/**
 * The next number of this device, and the state to store before the number is used.
 *
 * @throws RangeError for an invalid format or state (settings and device state are validated when saved)
 * @example
 * nextDocumentNumber(DEFAULT_INVOICE_FORMAT, { deviceKey: 'X7K2Q9', nextCounter: 1001 }).number // 'INV-01001-…'
 */
export function nextDocumentNumber(
  format: NumberFormat,
  state: NumberingState,
): { number: string; state: NumberingState } {
  const checked = validateNumberFormat(format)
  if (!checked.ok) throw new RangeError(`Invalid number format: ${checked.error}`)
  const current = numberingStateSchema.safeParse(state)
  if (!current.ok) throw new RangeError(`Invalid numbering state: ${current.error}`)
  if (state.nextCounter >= MAX_COUNTER) throw new RangeError('This device has used every number.')
  const counter = state.nextCounter
  const number = formatDocumentNumber(
    format,
    counter,
    suffixFor(state.deviceKey, counter, format.suffixLength),
  )
  return { number, state: { ...state, nextCounter: counter + 1 } }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/**
 * Reads a number written in `format`, or undefined when it is not one.
 *
 * @example
 * parseDocumentNumber(DEFAULT_INVOICE_FORMAT, 'INV-01001-X7K2Q9') // { counter: 1001, suffix: 'X7K2Q9' }
 */
export function parseDocumentNumber(
  format: NumberFormat,
  text: string,
): { counter: number; suffix: string } | undefined {
  const sep = escape(format.separator)
  const pattern = new RegExp(
    `^${escape(format.prefix)}${sep}(\\d{${format.padding},})${sep}([${SUFFIX_ALPHABET}]{${format.suffixLength}})$`,
  )
  const match = pattern.exec(text)
  if (!match) return undefined
  const [, digits = '', suffix = ''] = match
  const counter = Number(digits)
  // A counter wider than the padding is written without leading zeros; anything else is not ours.
  if (digits.length > format.padding && digits.startsWith('0')) return undefined
  if (counter < 1 || counter > MAX_COUNTER) return undefined
  return { counter, suffix }
}

/** Whether `text` is a well-formed number in `format`. */
export function isDocumentNumber(format: NumberFormat, text: string): boolean {
  return parseDocumentNumber(format, text) !== undefined
}

/** Whether this device (its key) issued `text`. */
export function isOwnNumber(format: NumberFormat, state: NumberingState, text: string): boolean {
  const parsed = parseDocumentNumber(format, text)
  return (
    parsed !== undefined &&
    parsed.suffix === suffixFor(state.deviceKey, parsed.counter, format.suffixLength)
  )
}

/**
 * Moves the counter past every number this device is known to have issued, e.g. after restoring a backup and
 * syncing documents back from the server, so an old number is never handed out twice.
 */
export function advancePast(
  format: NumberFormat,
  state: NumberingState,
  numbers: readonly string[],
): NumberingState {
  let next = state.nextCounter
  for (const text of numbers) {
    if (!isOwnNumber(format, state, text)) continue
    const parsed = parseDocumentNumber(format, text)
    if (parsed && parsed.counter >= next) next = parsed.counter + 1
  }
  return { ...state, nextCounter: next }
}
