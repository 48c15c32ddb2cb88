/**
 * VAT mode's header step (docs/money.md, VAT mode): lines grouped by (category, rate), the document's allowance
 * split over the groups so the shares sum to it exactly, freight added to its group, and tax computed per group.
 * Tax lives on the group, not the line, because EN 16931 (BR-CO-17) checks each category's tax against its
 * taxable amount × rate; per-line taxes summed would differ by cents.
 */
import {
  add,
  compare,
  divide,
  isNegative,
  mul,
  negate,
  roundDecimal,
  sub,
  ZERO,
  type Decimal,
} from '@core/money'
import type { SettingsSpec } from './read-input'
import type { VatSpec } from './read-vat'
import { HUNDRED } from './read-values'
import type { VatCategory } from './types'

export interface VatGroup {
  category: VatCategory
  rate: Decimal
  /** Σ net amount of the group's lines. */
  net: Decimal
  /** The group's part of the document-level allowance. */
  allowanceShare: Decimal
  /** The freight, if this is the freight's group, else 0. */
  charge: Decimal
  taxableAmount: Decimal
  taxAmount: Decimal
}

export interface VatInput {
  /** Each line's net amount (at currency precision) and its VAT. */
  lines: readonly { net: Decimal; vat: VatSpec }[]
  detailAmount: Decimal
  /** discountPercentAmount + discountAmount. */
  allowance: Decimal
  freightAmount: Decimal
  freightVat?: VatSpec
}

const abs = (d: Decimal): Decimal => (isNegative(d) ? negate(d) : d)

/** Category ascending (by code), then rate descending: the order of the breakdown. */
function byGroupOrder(a: { category: string; rate: Decimal }, b: typeof a): number {
  if (a.category !== b.category) return a.category < b.category ? -1 : 1
  return compare(b.rate, a.rate)
}

/**
 * The VAT groups of a document in breakdown order, each with its allowance share, freight, taxable amount and tax.
 *
 * @example
 * // two lines S 19 % net 200 and E 0 % net 50, allowance 25: E gets round_c(25 × 50 / 250) = 5, S the rest, 20
 */
export function vatGroups(input: VatInput, settings: SettingsSpec): VatGroup[] {
  const { currencyPrecision: places, rounding: mode } = settings
  const zero = roundDecimal(ZERO, places)
  const groups: VatGroup[] = []
  const groupOf = (vat: VatSpec): VatGroup => {
    let group = groups.find((g) => g.category === vat.category && compare(g.rate, vat.rate) === 0)
    if (!group) {
      group = {
        category: vat.category,
        rate: vat.rate,
        net: zero,
        allowanceShare: zero,
        charge: zero,
        taxableAmount: zero,
        taxAmount: zero,
      }
      groups.push(group)
    }
    return group
  }
  for (const line of input.lines) {
    const group = groupOf(line.vat)
    group.net = add(group.net, line.net)
  }
  if (input.freightVat && compare(input.freightAmount, ZERO) !== 0) {
    const group = groupOf(input.freightVat)
    group.charge = input.freightAmount
  }
  // Stable sort: groups equal in order cannot exist (their keys differ), so the order is the same every time.
  groups.sort(byGroupOrder)
  const main = mainGroup(groups)
  let othersShare = zero
  for (const group of groups) {
    if (group === main) continue
    group.allowanceShare =
      compare(input.detailAmount, ZERO) === 0
        ? zero
        : divide(mul(input.allowance, group.net), input.detailAmount, places, mode)
    othersShare = add(othersShare, group.allowanceShare)
  }
  if (main) main.allowanceShare = sub(input.allowance, othersShare)
  for (const group of groups) {
    group.taxableAmount = add(sub(group.net, group.allowanceShare), group.charge)
    group.taxAmount = divide(mul(group.taxableAmount, group.rate), HUNDRED, places, mode)
  }
  return groups
}

/** The group with the largest absolute net; on a tie the first in breakdown order. */
function mainGroup(groups: readonly VatGroup[]): VatGroup | undefined {
  let main: VatGroup | undefined
  for (const group of groups) {
    if (!main || compare(abs(group.net), abs(main.net)) > 0) main = group
  }
  return main
}
