import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate } from './menu'

/** Every item of the menu, submenus included, as one flat list. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu) : []),
  ])
}

const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']

describe('menuTemplate', () => {
  it('has the usual roles and an About entry on every platform', () => {
    for (const isMac of [true, false]) {
      let opened = 0
      const t = menuTemplate({
        isMac,
        appName: 'Fieldbill',
        devTools: false,
        onAbout: () => (opened += 1),
      })
      const roles = t.map((i) => i.role).filter(Boolean)
      expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help']))
      const about = allItems(t).find((i) => i.label === 'About Fieldbill')
      expect(about).toBeDefined()
      const click = about?.click as (() => void) | undefined
      click?.()
      expect(opened).toBe(1)
    }
  })

  it('has no Reload, Force Reload or developer tools in a packaged build, on any platform', () => {
    for (const isMac of [true, false]) {
      const t = menuTemplate({ isMac, appName: 'Fieldbill', devTools: false, onAbout: () => {} })
      const roles = allItems(t).map((i) => i.role)
      for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role)
      // Zoom stays: it is for the rep, not for developers.
      expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']))
    }
  })

  it('keeps Reload, Force Reload and the developer tools in a development build', () => {
    const t = menuTemplate({
      isMac: false,
      appName: 'Fieldbill',
      devTools: true,
      onAbout: () => {},
    })
    const roles = allItems(t).map((i) => i.role)
    expect(roles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })
})
