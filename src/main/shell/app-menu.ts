import { Menu } from 'electron';

/**
 * Packaged builds drop Electron's default menu, whose View menu has Reload and Toggle Developer
 * Tools. macOS keeps a menu without them: its Edit menu is what makes Cmd+C / Cmd+V work in fields.
 */
export function setPackagedMenu(platform: NodeJS.Platform): void {
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
}
