/**
 * Asks before the main window closes while changes have not reached the sync server. The renderer reports its
 * pending count (`app:unsent-changes`) whenever it changes; the window's `close` handler asks this module what
 * to do. The browser build warns through `beforeunload` instead, which Electron ignores without a dialog.
 * Plain Node: the Electron window and dialog are wired to it in `index.ts`.
 */

export interface CloseDialog {
  message: string
  detail: string
  /** Button labels; `cancelId` is the one that keeps the window open (also Esc). */
  buttons: string[]
  defaultId: number
  cancelId: number
}

export interface CloseGuard {
  /** The renderer's latest count of changes not yet sent. */
  report(count: number): void
  /**
   * On the window's `close`: let it close, or cancel the close and ask the rep with this dialog, or (while that
   * dialog is still open) only cancel the close.
   */
  onClose(): { action: 'close' } | { action: 'ask'; dialog: CloseDialog } | { action: 'wait' }
  /** The rep's answer (the index of the button pressed); true when the window should now close. */
  answer(button: number): boolean
}

const QUIT = 0
const STAY = 1

export function closeDialog(count: number): CloseDialog {
  const changes = count === 1 ? '1 change has' : `${count.toLocaleString('en-US')} changes have`
  return {
    message: `${changes} not been sent to the sync server yet.`,
    detail:
      'They are kept on this computer and sent the next time Fieldbill is open and connected. ' +
      'Close anyway?',
    buttons: ['Close Fieldbill', 'Stay'],
    defaultId: STAY,
    cancelId: STAY,
  }
}

export function createCloseGuard(): CloseGuard {
  let pending = 0
  // Set when the rep chose to close: the close that follows must not ask again.
  let confirmed = false
  let asking = false
  return {
    report(count) {
      pending = Number.isSafeInteger(count) && count > 0 ? count : 0
    },
    onClose() {
      if (pending === 0) return { action: 'close' }
      if (confirmed) {
        // The rep's answer covers this one close; a window opened later (macOS) asks again.
        confirmed = false
        return { action: 'close' }
      }
      // A second close while the dialog is open (the close button clicked again) is only cancelled.
      if (asking) return { action: 'wait' }
      asking = true
      return { action: 'ask', dialog: closeDialog(pending) }
    },
    answer(button) {
      asking = false
      confirmed = button === QUIT
      return confirmed
    },
  }
}
