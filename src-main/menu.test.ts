import { describe, expect, it } from 'vitest'
import { menuTemplate } from './menu'

describe('menuTemplate', () => {
  it('has the usual roles and an About entry on every platform', () => {
    for (const isMac of [true, false]) {
      let opened = 0
      const t = menuTemplate({ isMac, appName: 'Fieldbill', onAbout: () => (opened += 1) })
      const roles = t.map((i) => i.role).filter(Boolean)
      expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help']))
      const all = t.flatMap((i) => (Array.isArray(i.submenu) ? i.submenu : []))
      const about = all.find((i) => i.label === 'About Fieldbill')
      expect(about).toBeDefined()
      const click = about?.click as (() => void) | undefined
      click?.()
      expect(opened).toBe(1)
    }
  })
})
