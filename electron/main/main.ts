/**
 * Entry of the desktop shell (bundled to dist/electron/main/main.cjs). Thin on purpose: lifecycle
 * and wiring only; every rule lives in a small module that is unit-tested on its own.
 */
import { app, BrowserWindow, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IPC_EVENTS } from '../shared/contract';
import { shellLocale } from './dialogs';
import { registerHandlers } from './handlers';
import { setTrustedWindow } from './ipc';
import { errorCode, log, openLog } from './log';
import { installMenu } from './menu';
import { filesInArgv, OpenRequestQueue } from './openRequests';
import { installAppProtocol, registerAppScheme, rendererRoot } from './protocol';
import { chromiumLocale, loadShellLanguage, SHELL_LANGUAGE_FILE } from './shellLanguage';
import { SyncFolderService } from './syncFolders/service';
import { SyncFolderStore } from './syncFolders/store';
import { blockNetwork, createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// Tests (and a careful user) may keep the notebook elsewhere; must be set before ready.
if (process.env.RELAIS_USER_DATA_DIR) app.setPath('userData', process.env.RELAIS_USER_DATA_DIR);

// Before ready: scheme privileges and the renderer sandbox are fixed at startup.
registerAppScheme();
app.enableSandbox();

// Before ready too: Chromium's locale (the date fields' format, the app's locale) is the page's language
// kept at the last start, not the system's (shellLanguage.ts).
const shellLanguageFile = join(app.getPath('userData'), SHELL_LANGUAGE_FILE);
const keptLanguage = loadShellLanguage(shellLanguageFile);
if (keptLanguage) app.commandLine.appendSwitch('lang', chromiumLocale(keptLanguage));

let mainWindow: BrowserWindow | null = null;
const openRequests = new OpenRequestQueue();
/** The inbox and outbox; the page is told (with nothing attached) when they change. */
let syncFolders: SyncFolderService | undefined;
/** Longest wait for the page's last outbox write when closing: a stuck page never blocks quitting. */
const LAST_WRITE_WAIT_MS = 20_000;
/**
 * Closing the window or quitting: the page first writes its last changes to the outbox (if one is
 * chosen). `idle` until asked; `waiting` for the page's quitReady (or the time limit); `done` after,
 * when the close or quit that waited goes on. A new window starts `idle` again (macOS keeps running).
 */
let lastWrite: 'idle' | 'waiting' | 'done' = 'idle';
let lastWriteTimer: ReturnType<typeof setTimeout> | undefined;
let afterLastWrite: Array<() => void> = [];

/** The page's last write is done (or took too long): go on with what waited for it. */
function lastWriteDone(): void {
  if (lastWrite === 'done') return;
  lastWrite = 'done';
  if (lastWriteTimer) clearTimeout(lastWriteTimer);
  const next = afterLastWrite;
  afterLastWrite = [];
  next.forEach((run) => run());
}

/** True when `next` must wait for the page's last write (the caller then holds its close or quit). */
function waitForLastWrite(next: () => void): boolean {
  if (lastWrite === 'done' || mainWindow === null) return false;
  afterLastWrite.push(next);
  if (lastWrite === 'idle') {
    lastWrite = 'waiting';
    mainWindow.webContents.send(IPC_EVENTS.quitRequested);
    lastWriteTimer = setTimeout(lastWriteDone, LAST_WRITE_WAIT_MS);
  }
  return true;
}

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
  lastWrite = 'idle';
  setTrustedWindow(window);
  // Closing the window quits on Windows and Linux, and the page goes with it: it writes first.
  window.on('close', (event) => {
    if (waitForLastWrite(() => window.close())) event.preventDefault();
  });
  log('window-opened');
  window.webContents.on('render-process-gone', (_event, details) => log('renderer-gone', { code: details.reason.toUpperCase().replace(/-/g, '_') }));
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = null;
      setTrustedWindow(null);
    }
  });
}

/** A second launch focuses the running notebook: two instances would share one IndexedDB. */
function focusExisting(): void {
  if (mainWindow === null) {
    if (app.isReady()) openWindow(); // macOS keeps running with no window
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/**
 * Files the OS asks us to open. Their paths stay here; the page is only told that files wait and takes
 * their bytes through the checked bridge (a page still loading takes them when it subscribes).
 */
function receiveFiles(paths: readonly string[]): void {
  if (openRequests.add(paths)) mainWindow?.webContents.send(IPC_EVENTS.openFileRequest);
}

async function start(): Promise<void> {
  await app.whenReady();
  log('app-started', { version: app.getVersion() });
  installAppProtocol(rendererRoot(__dirname));
  denyAllPermissions(session.defaultSession);
  blockNetwork(session.defaultSession);
  installMenu(shellLocale());
  syncFolders = new SyncFolderService(
    new SyncFolderStore(join(app.getPath('userData'), 'sync-folders.json')),
    () => mainWindow?.webContents.send(IPC_EVENTS.syncFoldersChanged),
  );
  void syncFolders.start(); // the bridge's folder calls wait for it; the window need not
  registerHandlers({ openRequests, syncFolders, onQuitReady: lastWriteDone, shellLanguageFile });
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // The running instance receives our argv (and the files in it) through its `second-instance` event.
  app.quit();
} else {
  openLog(join(app.getPath('userData'), 'logs'));
  // Windows and Linux: a double-clicked file arrives as an argument of the first launch...
  openRequests.add(filesInArgv(process.argv, process.cwd()));
  // ...or of a second launch while we run. macOS sends `open-file`, possibly before ready.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    receiveFiles(filesInArgv(argv, workingDirectory));
    focusExisting();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    receiveFiles([path]);
    focusExisting();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Before quitting (menu, Cmd+Q), the page writes its last changes to the outbox.
  app.on('before-quit', (event) => {
    if (waitForLastWrite(() => app.quit())) event.preventDefault();
  });
  app.on('will-quit', () => {
    syncFolders?.stop();
    log('app-quitting');
  });
  start().catch((error: unknown) => {
    log('start-failed', { code: errorCode(error) });
    console.error('Relais failed to start', error);
    app.exit(1);
  });
}
