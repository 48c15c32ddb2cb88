import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu: the platform's usual roles (so copy, paste, undo and zoom work with the usual keyboard
 * shortcuts) plus an About entry that asks the renderer to open its About dialog.
 *
 * Reload and the developer tools are for development builds only (`devTools`): in a packaged app a reload drops
 * the page's state in the middle of an edit, and the developer tools let anyone at the keyboard run script with
 * the page's rights (its database, its IPC bridge).
 */
export function menuTemplate(options: {
  isMac: boolean
  appName: string
  devTools: boolean
  onAbout: () => void
}): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = {
    label: `About ${options.appName}`,
    click: options.onAbout,
  }
  const template: MenuItemConstructorOptions[] = []
  if (options.isMac) {
    template.push({
      label: options.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'unhide' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developerItems(options.devTools),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: options.isMac ? [] : [about] },
  )
  return template
}

function developerItems(devTools: boolean): MenuItemConstructorOptions[] {
  if (!devTools) return []
  return [
    { role: 'reload' },
    { role: 'forceReload' },
    { role: 'toggleDevTools' },
    { type: 'separator' },
  ]
}
