/**
 * The one application window and the rules every web contents obeys (Electron security checklist:
 * isolation + sandbox, no navigation away, no new windows, no permissions, no <webview>).
 */
import { BrowserWindow, dialog, shell, type MessageBoxOptions, type Session, type WebContents } from 'electron';
import { HELP_URLS } from '../shared/help';
import { shellLocale } from './dialogs';
import { offerHelpLink, type LinkDoor } from './externalLinks';
import { log } from './log';
import { APP_URL, isAppUrl } from './protocol';
import { t } from './strings';

export interface WindowOptions {
  preloadPath: string;
  iconPath?: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Relais',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false, // shown on ready-to-show: no white flash
    icon: options.iconPath,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  hardenWebContents(window.webContents);
  void window.loadURL(APP_URL);
  return window;
}

/** Ask the person, over the window that asked, whether to open a help page in their browser. */
async function confirmInDialog(contents: WebContents, url: string): Promise<boolean> {
  const locale = shellLocale();
  const options: MessageBoxOptions = {
    type: 'question',
    title: t(locale, 'linkTitle'),
    message: t(locale, 'linkTitle'),
    detail: t(locale, 'linkDetail', { url }),
    buttons: [t(locale, 'linkOpen'), t(locale, 'cancel')],
    defaultId: 1, // Enter keeps the person in the app
    cancelId: 1,
    noLink: true,
  };
  const parent = BrowserWindow.fromWebContents(contents);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/** The real door: the allow-listed help pages, a native confirmation, the system browser. */
export function helpLinkDoor(contents: WebContents): LinkDoor {
  return {
    allowList: HELP_URLS,
    confirm: (url) => confirmInDialog(contents, url),
    openExternal: (url) => shell.openExternal(url),
  };
}

const hardened = new WeakSet<WebContents>();

/**
 * Applied to every web contents the app creates (see main.ts `web-contents-created`), so a new
 * one can never slip past: navigation stays on app://relais, popups are denied, webviews refused.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return; // the window hardens itself and web-contents-created does too
  hardened.add(contents);
  const keepOnOrigin = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log('navigation-blocked'); // not the address: it may be anything a page or a file held
  };
  contents.on('will-navigate', keepOnOrigin);
  contents.on('will-redirect', keepOnOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window ever opens; a help link (target=_blank) may go to the system browser after a confirmation.
  const door = helpLinkDoor(contents);
  contents.setWindowOpenHandler(({ url }) => {
    void offerHelpLink(url, door).then((outcome) => log('help-link', { outcome }), () => undefined);
    return { action: 'deny' };
  });
}

/** Schemes the renderer may load from: its own origin, inline data and object URLs, devtools. */
const LOCAL_SCHEMES = ['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'];

export function isLocalRequest(url: string): boolean {
  try {
    return LOCAL_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * "Works offline" is enforced, not hoped for: any request leaving the machine is cancelled, so a
 * stray dependency can never phone home with a mediator's data.
 */
export function blockNetwork(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
}

/** No camera, microphone, geolocation, notifications...: the notebook needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
