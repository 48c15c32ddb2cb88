import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu: the platform's usual roles (so copy, paste, undo and zoom work with the usual keyboard
 * shortcuts) plus an About entry that asks the renderer to open its About dialog.
 */
export function menuTemplate(options: {
  isMac: boolean
  appName: string
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
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
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
