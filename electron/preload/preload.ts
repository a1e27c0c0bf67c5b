/**
 * The only bridge between the page and the desktop: one frozen object, `window.relais`, whose
 * methods each invoke one contract channel. Bundled into a single CJS file because a sandboxed
 * preload can require nothing but `electron` (and a few Node built-ins).
 *
 * No ipcRenderer, no event objects and no Node value ever reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, IPC_EVENTS, type BridgeCall, type DesktopApi, type OpenFileRequest, type RequestOf, type ResultOf } from '../shared/contract';

/** One typed invoke per call: the channel string and the types come from the same contract entry. */
function invoke<K extends BridgeCall>(call: K, ...request: RequestOf<K> extends void ? [] : [RequestOf<K>]): Promise<ResultOf<K>> {
  return ipcRenderer.invoke(IPC_CHANNELS[call], ...request);
}

// Files the OS asked us to open. Main only says "files wait" (the notice carries nothing); we take them
// through the checked bridge and hand them to the page's listener, or keep them until it subscribes
// (a double-clicked file arrives while the page is still starting, or on its first-run screen).
let openListener: ((files: OpenFileRequest[]) => void) | null = null;
let undelivered: OpenFileRequest[] = [];

function handOver(files: OpenFileRequest[]): void {
  if (files.length === 0) return;
  if (openListener) openListener(files);
  else undelivered = [...undelivered, ...files];
}

function takeWaitingFiles(): void {
  invoke('takeOpenFileRequests').then(handOver, () => undefined);
}

ipcRenderer.on(IPC_EVENTS.openFileRequest, () => takeWaitingFiles());

// The synced folders: main only says "something changed" (the notice carries nothing); the page asks.
const folderListeners = new Set<() => void>();
ipcRenderer.on(IPC_EVENTS.syncFoldersChanged, () => folderListeners.forEach((listener) => listener()));

// Quitting: the page's last writes (the outbox, the last backup), all of them, then main may quit (main
// also stops waiting after a while).
const quitListeners = new Set<() => Promise<void>>();
ipcRenderer.on(IPC_EVENTS.quitRequested, () => {
  const last = Promise.allSettled([...quitListeners].map((listener) => Promise.resolve().then(listener)));
  void last.finally(() => { void invoke('quitReady').catch(() => undefined); });
});

const api = {
  shell: 'electron',
  getAppInfo: () => invoke('getAppInfo'),
  saveFile: (req) => invoke('saveFile', req),
  beginSave: (req) => invoke('beginSave', req),
  writeSave: (req) => invoke('writeSave', req),
  finishSave: (req) => invoke('finishSave', req),
  abortSave: (req) => invoke('abortSave', req),
  openFiles: (req) => invoke('openFiles', req),
  openFolder: (req) => invoke('openFolder', req),
  readChosenFile: (req) => invoke('readChosenFile', req),
  printToPdf: (req) => invoke('printToPdf', req),
  getDiagnostics: (req) => invoke('getDiagnostics', req),
  copyDiagnostics: (req) => invoke('copyDiagnostics', req),
  setShellLanguage: (req) => invoke('setShellLanguage', req),
  writeBackup: (req) => invoke('writeBackup', req),
  listBackups: () => invoke('listBackups'),
  readBackup: (req) => invoke('readBackup', req),
  secretStorageAvailable: () => invoke('secretStorageAvailable'),
  sealSecret: (req) => invoke('sealSecret', req),
  unsealSecret: (req) => invoke('unsealSecret', req),
  getSyncFolders: () => invoke('getSyncFolders'),
  chooseSyncFolder: (req) => invoke('chooseSyncFolder', req),
  forgetSyncFolder: (req) => invoke('forgetSyncFolder', req),
  writeOutboxFile: (req) => invoke('writeOutboxFile', req),
  takeInboxFiles: () => invoke('takeInboxFiles'),
  readInboxFile: (req) => invoke('readInboxFile', req),
  settleInboxFile: (req) => invoke('settleInboxFile', req),
  rescanInbox: () => invoke('rescanInbox'),
  onSyncFoldersChanged: (listener) => {
    const mine = () => listener();
    folderListeners.add(mine);
    return () => { folderListeners.delete(mine); };
  },
  onQuitRequested: (listener) => {
    const mine = () => listener();
    quitListeners.add(mine);
    return () => { quitListeners.delete(mine); };
  },
  onOpenFileRequest: (listener) => {
    // A plain function of the page, called with plain data only (never an IPC event).
    openListener = (files) => listener(files);
    const waiting = undelivered;
    undelivered = [];
    handOver(waiting);
    takeWaitingFiles(); // those that arrived before the page was ready to listen
    const mine = openListener;
    return () => {
      if (openListener === mine) openListener = null;
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('relais', api);
