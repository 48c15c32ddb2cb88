/**
 * The words a rep reads for the pricing choices of a price list item, as Dynamics 365 names them: on the Price
 * Lists screens, in CSV import headers and values, and in the reasons an import gives.
 */
import type { PricingMethod, RoundingOption, RoundingPolicy } from './types'

/** Dynamics' names of the pricing methods. */
export const PRICING_METHOD_LABELS: Readonly<Record<PricingMethod, string>> = {
  currencyAmount: 'Currency Amount',
  percentOfList: 'Percent of List',
  markupCurrentCost: 'Markup % Current Cost',
  marginCurrentCost: 'Margin % Current Cost',
  markupStandardCost: 'Markup % Standard Cost',
  marginStandardCost: 'Margin % Standard Cost',
}

/** Dynamics' names of the rounding policies ("none" is the absence of rounding). */
export const ROUNDING_POLICY_LABELS: Readonly<Record<RoundingPolicy, string>> = {
  none: 'None',
  up: 'Up',
  down: 'Down',
  nearest: 'Nearest',
}

/** Dynamics' names of the rounding options. */
export const ROUNDING_OPTION_LABELS: Readonly<Record<RoundingOption, string>> = {
  endsIn: 'Ends in',
  multipleOf: 'Multiple of',
}
