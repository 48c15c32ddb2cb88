/**
 * A trace of what happened to each invoice on each simulated device, to explain a device that did not converge:
 * its pulls and pushes as they went over HTTP, every write to its store (with RxDB's context), the rows RxDB
 * counted as pushed or pulled, and the conflicts it resolved. `inspect` prints one invoice's trace beside its
 * stored state, RxDB's assumed master state and the server's state. Used by the simulation under SYNC_SIM_DEBUG.
 */
import type { Device } from './devices'

interface Brief {
  id: string
  updatedAt?: string
  status?: string
  history?: unknown[]
}

/** Time of the change (seconds part), status and history length: enough to tell versions apart. */
const brief = (doc: unknown) => {
  const d = doc as Brief | undefined
  return d ? `${d.updatedAt?.slice(17)}/${d.status}/h${d.history?.length}` : '-'
}

interface PushBody {
  rows: Array<{ assumedMasterState?: Brief; newDocumentState: Brief }>
}

export interface Tracer {
  /** A fetch for device `d` that records its invoice pulls and pushes. */
  fetchOf(d: number): typeof fetch
  /** Records the writes, pushes, pulls and conflicts of device `d`'s invoices. */
  watch(d: number, device: Device): void
  /** Prints invoice `id` as device `d` holds it, RxDB's assumed master state, the server's, and its trace. */
  inspect(d: number, device: Device, id: string, onServer: unknown): Promise<void>
}

export function createTracer(): Tracer {
  let clock = 0
  const logs = new Map<number, Map<string, string[]>>()
  const add = (d: number, id: string, line: string) => {
    const log = logs.get(d) ?? new Map<string, string[]>()
    logs.set(d, log)
    log.set(id, [...(log.get(id) ?? []), `${++clock} ${line}`])
  }

  return {
    fetchOf: (d) => async (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
      const response = await fetch(input, init)
      if (!url.includes('/sync/invoices/') || url.includes('/stream')) return response
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { documents?: Brief[]; checkpoint?: unknown } | undefined
      if (url.includes('/pull'))
        for (const doc of body?.documents ?? [])
          add(d, doc.id, `http pull ${brief(doc)} checkpoint ${JSON.stringify(body?.checkpoint)}`)
      if (url.includes('/push') && typeof init?.body === 'string') {
        const answer = JSON.stringify(body)
        for (const row of (JSON.parse(init.body) as PushBody).rows) {
          const id = row.newDocumentState.id
          const at = answer.indexOf(`"${id}"`)
          const outcome = at < 0 ? 'accepted' : answer.slice(Math.max(0, at - 20), at + 100)
          add(
            d,
            id,
            `http push ${brief(row.assumedMasterState)} -> ${brief(row.newDocumentState)} ${response.status} ${outcome}`,
          )
        }
      }
      return response
    },

    watch(d, device) {
      device.db.invoices.eventBulks$.subscribe((bulk) => {
        for (const e of bulk.events) {
          const rev = (e.documentData as { _rev?: string })._rev
          add(
            d,
            e.documentId,
            `write ${bulk.context} ${brief(e.previousDocumentData)} -> ${brief(e.documentData)} rev ${rev}`,
          )
        }
      })
      const events = device.session.states.get('invoices')?.internalReplicationState?.events
      events?.processed.up.subscribe((row) => {
        const doc = row.newDocumentState as unknown as Brief
        add(d, doc.id, `pushed ${brief(row.assumedMasterState)} -> ${brief(doc)}`)
      })
      events?.processed.down.subscribe((row) => {
        const doc = row.document as unknown as Brief
        add(d, doc.id, `pulled and written ${brief(doc)}`)
      })
      events?.resolvedConflicts.subscribe(({ input, output }) => {
        const doc = output as unknown as Brief
        const sides = `base ${brief(input.assumedMasterState)} local ${brief(input.newDocumentState)}`
        add(d, doc.id, `conflict ${sides} server ${brief(input.realMasterState)} -> ${brief(doc)}`)
      })
    },

    async inspect(d, device, id, onServer) {
      const internal = device.session.states.get('invoices')?.internalReplicationState
      if (!internal) return
      const [stored] = await internal.input.forkInstance.findDocumentsById([id], true)
      const [meta] = (await internal.input.metaInstance.findDocumentsById(
        [`${id}|0`],
        true,
      )) as Array<{
        docData?: Brief
        isResolvedConflict?: string
      }>
      const rev = (stored as { _rev?: string } | undefined)?._rev
      console.log(
        `device ${d} ${id}: stored ${brief(stored)} rev ${rev}; assumed master ${brief(meta?.docData)}` +
          ` (resolved conflict ${meta?.isResolvedConflict}); server ${brief(onServer)}\n` +
          (logs.get(d)?.get(id) ?? []).join('\n'),
      )
    },
  }
}
