/**
 * The official EN 16931 validation, run for real: the vendored CII schema with xmllint and the business rules with
 * Saxon-HE, over the shared example (the harness can pass), two broken copies (it can fail) and random VAT-mode
 * invoices exported by buildCiiXml (0 fatal asserts). One batch, one JVM.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { EMPTY_CATALOG, priceLines, type Invoice, type VatRate } from '@core/documents'
import { blankInvoice } from '@core/documents/test-support/fixtures'
import { buildCiiXml } from '@core/einvoice'
import { parties } from '@core/einvoice/test-support/parties'
import { EXAMPLE_VALID, validateEn16931, type ValidationResult } from './test-support/en16931'

const example = readFileSync(EXAMPLE_VALID, 'utf8')

function decimal(whole: number, places: number, signed = false): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: places }).chain((scale) => {
    const max = 10n ** BigInt(whole + scale) - 1n
    return fc.bigInt({ min: signed ? -max : 0n, max }).map((units) => {
      const negative = units < 0n
      const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
      const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
      return negative && /[1-9]/.test(text) ? `-${text}` : text
    })
  })
}

const taxed: fc.Arbitrary<VatRate> = fc.record({
  category: fc.constantFrom('S' as const, 'L' as const, 'M' as const),
  rate: fc.constantFrom('19', '7', '20', '5.5', '2.1', '21', '16.5'),
})
const untaxed: fc.Arbitrary<VatRate> = fc.record({
  category: fc.constantFrom('Z' as const, 'E' as const, 'AE' as const, 'K' as const, 'G' as const),
  rate: fc.constant('0'),
})
const NOT_SUBJECT: VatRate = { category: 'O', rate: '0' }

/** Text a rep might type, markup and quotes included, never blank. */
const words = fc
  .string({
    minLength: 1,
    maxLength: 40,
    unit: fc.constantFrom(...'Aa Zz09&<>"\'äöüß€é-/.'.split('')),
  })
  .filter((t) => t.trim() !== '')

/** A VAT-mode invoice: every category (not subject to VAT alone, as the rules require), discounts, freight. */
const invoiceArb: fc.Arbitrary<Invoice> = fc
  .record({
    onlyO: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    vats: fc.array(fc.oneof(taxed, untaxed), { minLength: 1, maxLength: 8 }),
    lines: fc.array(
      fc.record({
        name: words,
        quantity: fc.oneof(decimal(3, 0), decimal(3, 3, true)),
        price: decimal(5, 4, true),
        manualDiscount: fc.oneof(fc.constant('0'), decimal(3, 2)),
        description: fc.option(words, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    pricingPrecision: fc.integer({ min: 0, max: 4 }),
    discountMethod: fc.constantFrom('lineItem' as const, 'perUnit' as const),
    rounding: fc.constantFrom('halfEven' as const, 'halfUp' as const),
    discountPercent: fc.oneof(fc.constant('0'), decimal(2, 2)),
    discountAmount: fc.oneof(fc.constant('0'), decimal(3, 2)),
    freightAmount: fc.oneof(fc.constant('0'), decimal(3, 2)),
    freightVat: fc.oneof(taxed, untaxed),
  })
  .map((r) => {
    const base = blankInvoice()
    const vatOf = (i: number) => (r.onlyO ? NOT_SUBJECT : r.vats[i % r.vats.length]!)
    const invoice: Invoice = {
      ...base,
      currencyCode: 'EUR',
      invoiceDate: '2025-03-01',
      dueDate: '2025-03-31',
      dateDelivered: '2025-02-27',
      taxMode: 'vat',
      pricing: {
        ...base.pricing,
        pricingPrecision: r.pricingPrecision,
        currencyPrecision: 2,
        discountMethod: r.discountMethod,
        rounding: r.rounding,
      },
      discountPercent: r.discountPercent,
      discountAmount: r.discountAmount,
      freightAmount: r.freightAmount,
      freightVat: r.onlyO ? NOT_SUBJECT : r.freightVat,
      lines: r.lines.map((l, i) => ({
        id: `L${i + 1}`,
        productName: l.name,
        isWriteIn: true,
        quantity: l.quantity,
        pricePerUnit: l.price,
        priceOverridden: true,
        manualDiscount: l.manualDiscount,
        tax: '0',
        vat: vatOf(i),
        volumeDiscount: '0',
        amount: '0',
        manualDiscountAmount: '0',
        extendedAmount: '0',
        ...(l.description ? { description: l.description } : {}),
      })),
    }
    const priced = priceLines(invoice, 'keep', EMPTY_CATALOG)
    if (!priced.ok) throw new Error(priced.refusal.reason)
    return priced.document
  })

// EN16931_RANDOM_COUNT runs a bigger batch by hand; 30 keeps npm test's run short.
const RANDOM_COUNT = Number(process.env.EN16931_RANDOM_COUNT ?? 30)
const seed = Date.now() % 2 ** 31
const invoices = fc.sample(invoiceArb, { numRuns: RANDOM_COUNT, seed })

let results: Record<string, ValidationResult>
const documents: Record<string, string> = {
  'example-valid.xml': example,
  // The total with VAT no longer adds up: BR-CO-15 must fire.
  'broken-rules.xml': example.replace(
    '<ram:GrandTotalAmount>250.33</ram:GrandTotalAmount>',
    '<ram:GrandTotalAmount>250.34</ram:GrandTotalAmount>',
  ),
  // An element the schema does not know: xmllint must refuse it.
  'broken-schema.xml': example.replace(
    '<ram:TypeCode>380</ram:TypeCode>',
    '<ram:TypeCode>380</ram:TypeCode><ram:Unknown>1</ram:Unknown>',
  ),
}
invoices.forEach((invoice, i) => {
  documents[`random-${i + 1}.xml`] = buildCiiXml(invoice, parties())
})

beforeAll(async () => {
  results = await validateEn16931(documents)
}, 180_000)

describe('the EN 16931 validation harness', () => {
  it('passes the official example: schema valid, no fatal assert', () => {
    expect(documents['broken-rules.xml']).not.toBe(example)
    expect(documents['broken-schema.xml']).not.toBe(example)
    expect(results['example-valid.xml']).toEqual({ schemaErrors: [], fatal: [], warnings: [] })
  })

  it('fails a copy whose totals do not add up, naming the rule', () => {
    expect(results['broken-rules.xml']?.schemaErrors).toEqual([])
    expect(results['broken-rules.xml']?.fatal.map((a) => a.id)).toContain('BR-CO-15')
  })

  it('fails a copy the schema does not allow', () => {
    expect(results['broken-schema.xml']?.schemaErrors.join('\n')).toContain('Unknown')
  })
})

describe(`${RANDOM_COUNT} random VAT-mode invoices exported as CII (seed ${seed})`, () => {
  it('every one is schema valid with 0 fatal asserts', () => {
    const failures = Object.entries(results)
      .filter(([name]) => name.startsWith('random-'))
      .filter(([, r]) => r.schemaErrors.length > 0 || r.fatal.length > 0)
      .map(([name, r]) => ({ name, schema: r.schemaErrors, fatal: r.fatal.map((a) => a.text) }))
    // Warnings are not fatal; they are printed so a new one is noticed in the log.
    const warnings = new Set(Object.values(results).flatMap((r) => r.warnings.map((a) => a.id)))
    console.info(`EN 16931 warnings in the batch: ${[...warnings].sort().join(', ') || 'none'}`)
    expect(failures).toEqual([])
    expect(Object.keys(results).filter((n) => n.startsWith('random-'))).toHaveLength(RANDOM_COUNT)
  })

  it('covers every category, header discounts and freight across the batch', () => {
    const categories = new Set(
      invoices.flatMap((inv) => inv.vatBreakdown?.map((g) => g.category) ?? []),
    )
    expect(categories.size).toBeGreaterThanOrEqual(6)
    expect(invoices.some((inv) => inv.totals.discountPercentAmount !== '0.00')).toBe(true)
    expect(invoices.some((inv) => inv.totals.freightAmount !== '0.00')).toBe(true)
  })
})
