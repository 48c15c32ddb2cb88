import { describe, expect, it } from 'vitest'
import { closeDialog, createCloseGuard } from './close-guard'

describe('the close warning', () => {
  it('lets the window close when nothing waits to be sent', () => {
    const guard = createCloseGuard()
    expect(guard.onClose()).toEqual({ action: 'close' })
    guard.report(3)
    guard.report(0)
    expect(guard.onClose()).toEqual({ action: 'close' })
  })

  it('asks with the pending count, and keeps the window on Stay', () => {
    const guard = createCloseGuard()
    guard.report(3)
    const first = guard.onClose()
    expect(first).toEqual({ action: 'ask', dialog: closeDialog(3) })
    expect(closeDialog(3).message).toBe('3 changes have not been sent to the sync server yet.')
    expect(closeDialog(1).message).toBe('1 change has not been sent to the sync server yet.')
    // Clicking close again while the dialog is open does not stack a second dialog.
    expect(guard.onClose()).toEqual({ action: 'wait' })
    const stay = closeDialog(3).buttons.indexOf('Stay')
    expect(closeDialog(3).cancelId).toBe(stay)
    expect(guard.answer(stay)).toBe(false)
    // Asked again on the next close.
    expect(guard.onClose()).toMatchObject({ action: 'ask' })
  })

  it('closes without asking twice once the rep chose to close', () => {
    const guard = createCloseGuard()
    guard.report(1)
    expect(guard.onClose()).toMatchObject({ action: 'ask' })
    expect(guard.answer(closeDialog(1).buttons.indexOf('Close Fieldbill'))).toBe(true)
    expect(guard.onClose()).toEqual({ action: 'close' })
    // The answer covered that close only: a later window with unsent changes asks again.
    expect(guard.onClose()).toMatchObject({ action: 'ask' })
  })

  it('treats a count that is not a whole positive number as nothing pending', () => {
    const guard = createCloseGuard()
    for (const bad of [-1, Number.NaN, 1.5, Infinity]) {
      guard.report(bad)
      expect(guard.onClose()).toEqual({ action: 'close' })
    }
  })
})
