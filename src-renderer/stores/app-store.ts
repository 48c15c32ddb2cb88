import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppInfo } from '@core/ipc/contract'
import { getPlatform } from '@renderer/platform'

/** What the app knows about itself (About dialog) and the platform it runs on. */
export const useAppStore = defineStore('app', () => {
  const platform = getPlatform()
  const info = shallowRef<AppInfo | null>(null)
  const error = ref<string | null>(null)
  const aboutOpen = ref(false)

  async function loadInfo(): Promise<void> {
    try {
      info.value = await platform.appInfo()
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function openAbout(): Promise<void> {
    aboutOpen.value = true
    if (!info.value) await loadInfo()
  }

  platform.on('menu:about', () => void openAbout())

  return { platformKind: platform.kind, info, error, aboutOpen, loadInfo, openAbout }
})
