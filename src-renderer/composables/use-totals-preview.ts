import { computed, ref, watch } from 'vue'
import { catalogFromRecords, priceLines } from '@core/documents'
import type { SalesDocument } from '@renderer/forms/header-draft'

export type PreviewLineField = 'quantity' | 'manualDiscount' | 'tax' | 'pricePerUnit'
export type PreviewHeaderField = 'discountPercent' | 'discountAmount' | 'freightAmount'

// Prices are kept as stored while previewing, so no catalog is read: the preview never reprices.
const NO_CATALOG = catalogFromRecords({ products: [], priceListItems: [], discountLists: [] })

/**
 * Totals recomputed as the rep types, before the value is saved: the typed (valid) values are applied to a copy
 * of the document and priced with the same src-core function the save uses (prices kept as they are). The
 * preview is dropped whenever the stored document changes, i.e. when the value was saved or refused.
 *
 * @example
 * const { shown, editLine } = useTotalsPreview(() => props.doc)
 * editLine('L1', 'quantity', '3') // shown.value.totals follow at once
 */
export function useTotalsPreview(doc: () => SalesDocument) {
  const lines = ref<Record<string, Partial<Record<PreviewLineField, string>>>>({})
  const header = ref<Partial<Record<PreviewHeaderField, string>>>({})

  watch(doc, () => {
    lines.value = {}
    header.value = {}
  })

  const shown = computed<SalesDocument>(() => {
    const stored = doc()
    if (Object.keys(lines.value).length === 0 && Object.keys(header.value).length === 0)
      return stored
    const copy = {
      ...stored,
      ...header.value,
      lines: stored.lines.map((l) => {
        const edit = lines.value[l.id]
        if (!edit) return l
        const overridden = edit.pricePerUnit !== undefined || l.priceOverridden
        return { ...l, ...edit, priceOverridden: overridden }
      }),
    }
    const priced = priceLines(copy, 'keep', NO_CATALOG)
    return priced.ok ? priced.document : stored
  })

  /** A typed value of a line (undefined while it is not a number: the preview forgets it). */
  function editLine(lineId: string, field: PreviewLineField, value: string | undefined) {
    const { [field]: _old, ...rest } = lines.value[lineId] ?? {}
    lines.value = {
      ...lines.value,
      [lineId]: value === undefined ? rest : { ...rest, [field]: value },
    }
  }

  function editHeader(field: PreviewHeaderField, value: string | undefined) {
    const { [field]: _old, ...rest } = header.value
    header.value = value === undefined ? rest : { ...rest, [field]: value }
  }

  return { shown, editLine, editHeader }
}
