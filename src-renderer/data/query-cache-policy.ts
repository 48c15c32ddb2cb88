/**
 * What RxDB's query cache keeps. Every query RxDB runs stays in its collection's cache with its last result (the
 * records as documents) until a hundred others have pushed it out, watched or not: one read of every invoice
 * (a count, a repricing, a backup) would keep 50,000 invoices in memory for the rest of the session. This
 * policy drops a query no one watches as soon as it holds more than a page's worth, and leaves the rest to
 * RxDB's own policy (small unwatched queries are kept, so a page read again is answered at once).
 */
import {
  countRxQuerySubscribers,
  defaultCacheReplacementPolicy,
  uncacheRxQuery,
  type RxCacheReplacementPolicy,
} from 'rxdb'

/** An unwatched query holding more records than this leaves the cache at its collection's next clean-up. */
export const LARGE_RESULT = 100

/** RxDB runs it shortly after each new query of a collection, once the main thread is idle. */
export const dropLargeUnwatchedQueries: RxCacheReplacementPolicy = (collection, cache) => {
  for (const query of [...cache._map.values()]) {
    if (countRxQuerySubscribers(query) > 0) continue
    const held = (query as { _result?: { documents: readonly unknown[] } | null })._result
    if (held && held.documents.length > LARGE_RESULT) uncacheRxQuery(cache, query)
  }
  defaultCacheReplacementPolicy(collection, cache)
}
