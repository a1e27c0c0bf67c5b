/**
 * Entry of the desktop shell (bundled to dist/electron/main/main.cjs). Thin on purpose: lifecycle
 * and wiring only; every rule lives in a small module that is unit-tested on its own.
 */
import { app, BrowserWindow, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { registerHandlers } from './handlers';
import { setTrustedWindow } from './ipc';
import { installMenu } from './menu';
import { installAppProtocol, registerAppScheme, rendererRoot } from './protocol';
import { pickLocale } from './strings';
import { blockNetwork, createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// Tests (and a careful user) may keep the notebook elsewhere; must be set before ready.
if (process.env.RELAIS_USER_DATA_DIR) app.setPath('userData', process.env.RELAIS_USER_DATA_DIR);

// Before ready: scheme privileges and the renderer sandbox are fixed at startup.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** In development the repo's icon; a packaged app has no assets/ folder and takes the OS icon. */
function windowIcon(): string | undefined {
  const icon = join(__dirname, '..', '..', '..', 'assets', 'icon.png');
  return existsSync(icon) ? icon : undefined;
}

function openWindow(): void {
  const window = createMainWindow({
    preloadPath: join(__dirname, '..', 'preload', 'preload.cjs'),
    iconPath: windowIcon(),
  });
  mainWindow = window;
  setTrustedWindow(window);
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = null;
      setTrustedWindow(null);
    }
  });
}

/** A second launch focuses the running notebook: two instances would share one IndexedDB. */
function focusExisting(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  installAppProtocol(rendererRoot(__dirname));
  denyAllPermissions(session.defaultSession);
  blockNetwork(session.defaultSession);
  installMenu(pickLocale(app.getLocale()));
  registerHandlers();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExisting);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  start().catch((error: unknown) => {
    console.error('Relais failed to start', error);
    app.exit(1);
  });
}
