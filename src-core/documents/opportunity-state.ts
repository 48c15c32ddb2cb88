/**
 * An opportunity's Status in Dynamics' words: Open while it is worked on, Won or Lost once closed. Opportunities
 * stored before it existed have none and are Open.
 */
import type { Opportunity, OpportunityState } from './types'

/** Every status, in the order Dynamics lists them, with the word a rep reads. */
export const OPPORTUNITY_STATE_LABELS: Readonly<Record<OpportunityState, string>> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
}

export const OPPORTUNITY_STATES = Object.keys(OPPORTUNITY_STATE_LABELS) as OpportunityState[]

/**
 * The status of an opportunity, Open when it has none.
 * @example
 * opportunityState({ ...opportunity, state: undefined }) // 'open'
 */
export function opportunityState(o: Pick<Opportunity, 'state'>): OpportunityState {
  return o.state ?? 'open'
}
