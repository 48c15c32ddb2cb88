import { describe, expect, it } from 'vitest'
import { defaultVatCategories, type CompanyProfile } from '../../src-core/documents'
import { defaultCategoryDrafts, vatDraftFromSettings, vatFromDraft } from './vat-settings-form'

const profile: CompanyProfile = {
  name: 'Nordlicht',
  address: { line1: 'Hafenstraße 12', city: 'Hamburg' },
}

function run(draft: ReturnType<typeof vatDraftFromSettings>) {
  const errors: Record<string, string> = {}
  const out = vatFromDraft(draft, profile, 'de-DE', (k, m) => (errors[k] ??= m))
  return { out, errors }
}

describe('the VAT part of Settings › Company', () => {
  it('reads back what it stores, rates in the rep’s locale', () => {
    const stored = {
      profile: {
        ...profile,
        address: { ...profile.address, countryCode: 'DE' },
        vatId: 'DE123456789',
        bankAccount: { iban: 'DE89370400440532013000' },
      },
      taxMode: 'vat' as const,
      vatCategories: defaultVatCategories('FR'),
    }
    const draft = vatDraftFromSettings(stored, 'de-DE')
    expect(draft.categories.map((c) => c.rate)).toContain('5,5')
    const { out, errors } = run(draft)
    expect(errors).toEqual({})
    expect(out).toEqual(stored)
  })

  it('names each wrong field: VAT ID, country code, IBAN, a rate that does not fit, a missing reason', () => {
    const draft = {
      ...vatDraftFromSettings({ profile }, 'de-DE'),
      taxMode: 'vat' as const,
      vatId: '123',
      countryCode: 'Germany',
      iban: 'DE00 1234',
      categories: [
        ...defaultCategoryDrafts('DE', 'de-DE').slice(0, 2),
        { id: 'e', name: 'Exempt', category: 'E' as const, rate: '7', exemptionReason: '' },
      ],
    }
    const { errors } = run(draft)
    expect(errors['vat.vatId']).toMatch(/^VAT ID:/)
    expect(errors['vat.countryCode']).toMatch(/^Country Code:/)
    expect(errors['vat.iban']).toMatch(/^IBAN:/)
    expect(errors['vat.categories.2.rate']).toBe('Rate: Exempt is always 0 %')
    expect(errors['vat.categories.2.exemptionReason']).toMatch(/^Exemption Reason:/)
    expect(run({ ...draft, categories: [] }).errors['vat.categories']).toMatch(/at least one/)
  })

  it('stores no tax mode for a typed company, as before VAT mode', () => {
    const { out } = run(vatDraftFromSettings({ profile }, 'en-US'))
    expect(out).toEqual({ profile })
  })
})
