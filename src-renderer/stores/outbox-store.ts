/**
 * The mail outbox as the renderer sees it: each invoice's latest mail and its state (queued, sending, sent,
 * failed with the server's reason, uncertain), refreshed whenever main says the outbox changed.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OutboxEntry } from '../../src-core/ipc/desktop-services'
import { getPlatform } from '../platform'

export const useOutboxStore = defineStore('outbox', () => {
  const platform = getPlatform()
  const entries = shallowRef<OutboxEntry[]>([])
  const error = ref<string | null>(null)

  async function refresh(): Promise<void> {
    try {
      entries.value = await platform.outbox()
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** The newest mail of each invoice (entries come newest first). */
  const latestByInvoice = computed(() => {
    const map = new Map<string, OutboxEntry>()
    for (const entry of entries.value)
      if (!map.has(entry.invoiceId)) map.set(entry.invoiceId, entry)
    return map
  })

  async function retry(id: string): Promise<void> {
    try {
      await platform.retryMail(id)
      await refresh()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  platform.on('mail:outbox-changed', () => void refresh())

  return { entries, error, latestByInvoice, refresh, retry }
})
