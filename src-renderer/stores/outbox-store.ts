/**
 * The mail outbox as the renderer sees it: each invoice's latest mail and its state (queued, sending, sent,
 * failed with the server's reason, uncertain), refreshed whenever main says the outbox changed. In the main
 * window each change is also recorded on its invoice (`email-status.ts`).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OutboxEntry } from '@core/ipc/desktop-services'
import { getPlatform } from '@renderer/platform'
import { recordEmailStatuses } from '@renderer/app/email-status'
import { getRepositories } from '@renderer/app/database-provider'

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

  // One recording at a time: outbox events come in bursts (queued, sending, sent within a second).
  let recording: Promise<unknown> = Promise.resolve()
  function recordOnInvoices(): Promise<unknown> {
    recording = recording.then(async () => {
      try {
        await refresh()
        const repos = await getRepositories()
        await recordEmailStatuses(latestByInvoice.value, {
          invoices: repos.invoices,
          now: repos.env.now,
          log: (m) => console.warn(m),
        })
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e)
      }
    })
    return recording
  }

  let started = false
  /** Records every outbox change on its invoice from now on, starting with the outbox as it is. */
  function startRecording(): void {
    if (started) return
    started = true
    platform.on('mail:outbox-changed', () => void recordOnInvoices())
    void recordOnInvoices()
  }

  return { entries, error, latestByInvoice, refresh, retry, startRecording, recordOnInvoices }
})
