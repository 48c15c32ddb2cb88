import { electronBinary } from './electron'

/** Says once per run whether the Electron specs ran; a missing binary is never counted as a pass. */
export default function globalSetup(): void {
  if (!electronBinary()) {
    console.log(
      'Electron specs NOT run: the Electron binary is not installed on this machine (only the Chromium project ran).',
    )
  }
}
