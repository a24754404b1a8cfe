import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * Electron's default menu has Help items that open web pages directly, outside the external
 * link allowlist. This menu keeps only what people use: editing shortcuts, zoom (the interface
 * must work at 200%), full screen and the window controls.
 */
export function installAppMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
