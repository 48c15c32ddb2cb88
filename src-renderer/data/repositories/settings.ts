/**
 * The company settings (one record) and this device's document numbering.
 */
import type { CompanySettings } from '@core/documents'
import { companySettingsRecordSchema } from '@core/documents/record-schemas'
import { createNumberingState, nextDocumentNumber, type NumberingState } from '@core/numbering'
import { COLLECTION_NAMES, type Database } from '../collections'
import { readLocal, serialized, writeLocal } from '../local-docs'
import { fromSettingsDoc } from '../stored'
import { invalid, type RepositoryEnv, type WriteResult } from './env'

/** The id of the one settings document. */
export const COMPANY_SETTINGS_ID = 'company'

export type NumberedKind = 'invoice' | 'order'

export interface SettingsRepository {
  get(): Promise<CompanySettings | undefined>
  save(settings: CompanySettings): Promise<WriteResult<CompanySettings>>
  /**
   * The next document number of this device. The counter is saved before the number is returned, so a crash
   * right after can skip a number but never hand one out twice.
   */
  nextNumber(kind: NumberedKind): Promise<string>
  /**
   * Saves a new document under the next number, which counts as used only when `save` succeeds: a refused save
   * gives it back, so the device's numbers have no gaps. No other number is handed out meanwhile (one queue).
   */
  withNextNumber<T>(
    kind: NumberedKind,
    save: (number: string) => Promise<WriteResult<T>>,
  ): Promise<WriteResult<T>>
  /** True when no collection holds a document (the sample company may only be loaded then). */
  isEmpty(): Promise<boolean>
}

export function createSettingsRepository(db: Database, env: RepositoryEnv): SettingsRepository {
  const queue = serialized()

  async function get(): Promise<CompanySettings | undefined> {
    const doc = await db.settings.findOne(COMPANY_SETTINGS_ID).exec()
    return doc ? fromSettingsDoc(doc.toJSON()) : undefined
  }

  /** Takes the next number and saves the counter past it; `before` is the state to give it back. */
  async function takeNumber(kind: NumberedKind) {
    const settings = await get()
    if (!settings) throw new Error('Set up the company before creating documents.')
    const key = `numbering-${kind}`
    const before = (await readLocal<NumberingState>(db, key)) ?? createNumberingState(env.random, 1)
    const next = nextDocumentNumber(settings.numbering[kind], before)
    await writeLocal(db, key, next.state)
    return { key, before, number: next.number }
  }

  return {
    get,
    async save(settings) {
      const parsed = companySettingsRecordSchema.safeParse({
        ...settings,
        id: COMPANY_SETTINGS_ID,
        updatedAt: env.now(),
      })
      if (!parsed.ok) return invalid('company settings', parsed.error)
      await db.settings.upsert(parsed.value)
      return { ok: true, value: parsed.value }
    },
    nextNumber: (kind) => queue(async () => (await takeNumber(kind)).number),
    withNextNumber: (kind, save) =>
      queue(async () => {
        const taken = await takeNumber(kind)
        // The counter is written before the save (a crash in between skips a number, never repeats one) and
        // written back when the save is refused or throws.
        let result: Awaited<ReturnType<typeof save>> | undefined
        try {
          result = await save(taken.number)
          return result
        } finally {
          if (!result?.ok) await writeLocal(db, taken.key, taken.before)
        }
      }),
    async isEmpty() {
      for (const name of COLLECTION_NAMES) {
        if ((await db[name].count().exec()) > 0) return false
      }
      return true
    },
  }
}
