/**
 * Every invoice of the German sample company exported as an e-invoice and validated by the official EN 16931
 * artifacts (the CII schema with xmllint, the business rules with Saxon-HE) in one batch: no schema error, no
 * fatal assert. Warnings are listed, not failed.
 */
import { describe, expect, it } from 'vitest'
import { validateEn16931 } from './test-support/en16931'

interface GermanSample {
  germanSampleEInvoices(): { files: Record<string, string>; numbers: string[] }
}

// The sample lives in the renderer (pure TypeScript, no DOM); loaded by path as the benchmarks load the
// renderer's code, so main's build and lint boundaries stay as they are.
const SAMPLE = '../../../src-renderer/data/sample/germany/germany-einvoices'

describe('the German sample as e-invoices', () => {
  it('every invoice passes the CII schema and the EN 16931 rules with no fatal assert', async () => {
    const sample = (await import(/* @vite-ignore */ SAMPLE)) as GermanSample
    const { files, numbers } = sample.germanSampleEInvoices()
    expect(Object.keys(files).sort()).toEqual(numbers.map((n) => `${n}.xml`).sort())
    for (const n of numbers) expect(files[`${n}.xml`]).toContain(`<ram:ID>${n}</ram:ID>`)
    const results = await validateEn16931(files)
    const warnings: string[] = []
    for (const [file, result] of Object.entries(results)) {
      expect(result.schemaErrors, file).toEqual([])
      expect(
        result.fatal.map((f) => `${f.id}: ${f.text}`),
        file,
      ).toEqual([])
      warnings.push(...result.warnings.map((w) => `${file} ${w.id}`))
    }
    expect(Object.keys(results)).toHaveLength(numbers.length)
    // Listed for the report; the rules allow a warning.
    console.info(`EN 16931 warnings (${warnings.length}):`, [...new Set(warnings)].join(', '))
  }, 180_000)
})
