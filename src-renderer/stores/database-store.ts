/**
 * Which database the app shows: the rep's own, or the sample company's demo database (never synced). Switching
 * reloads the page into the other one; neither is touched by the switch.
 */
import { defineStore } from 'pinia'
import { chooseDatabase, isSampleDatabase, takeSampleLoadRequest } from '@renderer/data'
import { useSyncStore } from './sync-store'

export const useDatabaseStore = defineStore('database', () => {
  const sampleCompany = isSampleDatabase()

  function reloadInto(kind: 'own' | 'sample', loadSample: boolean): void {
    chooseDatabase(kind, loadSample)
    // Unsent work of the rep's database stays in it, and is sent once the rep is back and connected.
    useSyncStore().leaveWithoutAsking()
    window.location.reload()
  }

  /** Opens the sample company (reloading the page), which then loads itself if it is not complete. */
  function openSampleCompany(): void {
    reloadInto('sample', true)
  }

  /** Back to the rep's own data, as it was left. */
  function backToMyData(): void {
    reloadInto('own', false)
  }

  return {
    sampleCompany,
    openSampleCompany,
    backToMyData,
    /** Whether this page was opened to load the sample company (answers true once). */
    takeSampleLoadRequest,
  }
})
