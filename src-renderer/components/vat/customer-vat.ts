/** Checks of a customer's e-invoice details, by the field ids of CustomerVatFields.vue. */
import { VAT_ID_PATTERN, type Customer, type FieldErrors } from '../../../src-core/documents'

/** What the customer schema would refuse among these fields, by field. */
export function customerVatProblems(c: Customer): FieldErrors {
  const out: FieldErrors = {}
  if (c.vatId && !VAT_ID_PATTERN.test(c.vatId))
    out.vatId = 'VAT ID: the country prefix and number, e.g. DE123456789'
  if (c.billTo.countryCode && !/^[A-Z]{2}$/.test(c.billTo.countryCode))
    out.countryCode = 'Country Code: two letters, e.g. DE or FR (ISO 3166)'
  if (c.electronicAddress && !/^(EM|[0-9]{4})$/.test(c.electronicAddress.scheme))
    out.electronicScheme = 'Address Scheme: EM for an email address, or a 4-digit EAS code'
  if (c.electronicAddress && !c.electronicAddress.value)
    out.electronicAddress = 'Electronic Address: a value is required with a scheme'
  return out
}
