import { setUpSharedCluster } from '../src-server/test-support/shared-cluster'
import { electronBinary } from './electron'

/**
 * Says once per run whether the Electron specs ran (a missing binary is never counted as a pass), and starts the
 * run's one PostgreSQL coordinator: the sync specs each get a fresh database on one cluster, started by the first
 * that asks, instead of a cluster each. The function returned is the run's tear-down.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!electronBinary()) {
    console.log(
      'Electron specs NOT run: the Electron binary is not installed on this machine (only the Chromium project ran).',
    )
  }
  return setUpSharedCluster()
}
