/**
 * A minimal application menu in French or English. Roles give the OS-native behaviour (and
 * shortcuts) for free; we only set the labels.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { t, type ShellLocale } from './strings';

export interface MenuOptions {
  locale: ShellLocale;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const s = (key: Parameters<typeof t>[1]): string => t(options.locale, key);
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: s('menuResetZoom') },
    { role: 'zoomIn', label: s('menuZoomIn') },
    { role: 'zoomOut', label: s('menuZoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: s('menuFullScreen') },
  ];
  // Developer tools only in development: in a release they would be a console onto users' data.
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: s('menuDevTools') });
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: s('menuFile'), submenu: [{ role: 'quit', label: s('menuQuit') }] },
    {
      label: s('menuEdit'),
      submenu: [
        { role: 'undo', label: s('menuUndo') },
        { role: 'redo', label: s('menuRedo') },
        { type: 'separator' },
        { role: 'cut', label: s('menuCut') },
        { role: 'copy', label: s('menuCopy') },
        { role: 'paste', label: s('menuPaste') },
        { role: 'selectAll', label: s('menuSelectAll') },
      ],
    },
    { label: s('menuView'), submenu: view },
    { label: s('menuHelp'), submenu: [{ label: s('menuAbout'), click: options.onAbout }] },
  ];
}

/** Version and data folder: what a mediator needs to tell support or to back up their notebook. */
export function showAbout(locale: ShellLocale): void {
  void dialog.showMessageBox({
    type: 'info',
    title: t(locale, 'menuAbout'),
    message: 'Relais',
    detail: t(locale, 'aboutDetail', { version: app.getVersion(), dataLocation: app.getPath('userData') }),
    buttons: [t(locale, 'ok')],
  });
}

export function installMenu(locale: ShellLocale): void {
  const template = menuTemplate({
    locale,
    isPackaged: app.isPackaged,
    platform: process.platform,
    onAbout: () => showAbout(locale),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
