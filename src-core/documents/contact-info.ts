/**
 * What an email address and a phone number must look like to be kept on a customer or contact. Deliberately
 * loose (a rep types what the customer says): an email needs one @ with a dotted domain and no spaces; a phone
 * is digits with the usual separators and an optional extension. Empty is allowed: both fields are optional.
 */

/** `name@domain.tld`, nothing else around it. */
export const EMAIL_PATTERN = /^\s*(?:[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+)?\s*$/
/** `+1 (555) 010-2030 x12`: at least three digits (a switchboard's short number), separators + ( ) - . / and spaces, an optional extension. */
export const PHONE_PATTERN =
  /^\s*(?:(?=(?:\D*\d){3})[+]?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?)?\s*$/i

/**
 * Why an email address cannot be kept, in the screen's words; undefined when it can.
 *
 * @example
 * emailProblem('Email', 'not an email') // 'Email: enter an address such as ann@example.com'
 */
export function emailProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined || EMAIL_PATTERN.test(value)) return undefined
  return `${label}: enter an address such as ann@example.com`
}

/**
 * Why a phone number cannot be kept, in the screen's words; undefined when it can.
 *
 * @example
 * phoneProblem('Main Phone', 'call me') // 'Main Phone: enter digits, such as +1 555 010 2030'
 */
export function phoneProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined || PHONE_PATTERN.test(value)) return undefined
  return `${label}: enter digits, such as +1 555 010 2030`
}
