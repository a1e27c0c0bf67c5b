/**
 * The bridge calls. Each is registered through the `handle` choke point, so it runs only for our top
 * frame and only with validated arguments. Main moves bytes; it never parses them.
 */
import { app, clipboard, safeStorage } from 'electron';
import { release } from 'node:os';
import { join } from 'node:path';
import { BackupFolder } from './backups';
import { ChosenFiles } from './chosenFiles';
import { BRIDGE_ERRORS, FILE_EXTENSIONS, MAX_FILE_BYTES, MAX_FOLDER_FILES, VALIDATORS, type AppInfo, type FileKind, type Language, type OpenedFile, type SaveFileResult } from '../shared/contract';
import { diagnosticsText, DIAGNOSTICS_LOG_LINES } from './diagnostics';
import { askFolderPath, askFolderToRead, askOpenPaths, askSavePath, tellRefusedOpenRequests } from './dialogs';
import { filesOfKindIn, readWithinBudget, safeBaseName, writeFileAtomic } from './files';
import { SaveStreams } from './saveStreams';
import { handle } from './ipc';
import { installMenu } from './menu';
import { keepShellLanguage } from './shellLanguage';
import { errorCode, log, logTail } from './log';
import { sealSecret, secretStorageAvailable, unsealSecret } from './secrets';
import type { OpenRequestQueue } from './openRequests';
import type { SyncFolderService } from './syncFolders/service';
import type { BrowserWindow } from 'electron';

export function appInfo(): AppInfo {
  return {
    version: app.getVersion(),
    platform: process.platform,
    shell: 'electron',
    dataFolderForDisplay: app.getPath('userData'), // IndexedDB lives under it: the folder to back up
  };
}

async function saveBytes(window: BrowserWindow, kind: FileKind, name: string, bytes: Uint8Array): Promise<SaveFileResult> {
  const path = await askSavePath(window, kind, name);
  if (path === null) return { saved: false };
  await writeFileAtomic(path, bytes);
  log('file-saved', { kind, bytes: bytes.byteLength });
  return { saved: true, fileName: safeBaseName(path) };
}

/** The files chosen in the open dialog, all within one shared size budget; the first that cannot be read fails the call. */
async function readDialogFiles(kind: FileKind, paths: string[]): Promise<OpenedFile[]> {
  const files: OpenedFile[] = [];
  for (const result of await readWithinBudget(paths, MAX_FILE_BYTES)) {
    if ('error' in result) throw result.error;
    files.push({ name: safeBaseName(result.path), bytes: result.bytes });
  }
  if (files.length > 0) log('files-opened', { kind, count: files.length, bytes: files.reduce((sum, f) => sum + f.bytes.byteLength, 0) });
  return files;
}

function diagnostics(language: Language): string {
  const { versions } = process;
  return diagnosticsText(
    {
      appVersion: app.getVersion(),
      electron: versions.electron ?? '?',
      chrome: versions.chrome ?? '?',
      node: versions.node,
      system: `${process.platform} ${release()} ${process.arch}`,
      // The system's, not the app's: `--lang` makes app.getLocale() the page's language (shellLanguage.ts).
      systemLocale: app.getSystemLocale(),
      packaged: app.isPackaged,
      dataFolder: app.getPath('userData'),
      logLines: logTail(DIAGNOSTICS_LOG_LINES),
    },
    language,
  );
}

/** Hand the page the files the OS asked us to open; tell the person natively about those that failed. */
async function takeOpenRequests(window: BrowserWindow, queue: OpenRequestQueue) {
  const { files, refused } = await queue.take();
  for (const file of files) log('open-request-received', { kind: file.kind, bytes: file.bytes.byteLength });
  for (const { kind, error } of refused) log('open-request-refused', { kind, code: errorCode(error) });
  tellRefusedOpenRequests(window, refused);
  return files;
}

export interface ShellServices {
  openRequests: OpenRequestQueue;
  syncFolders: SyncFolderService;
  /** The page finished its last outbox write: the app may quit. */
  onQuitReady: () => void;
  /** Where the page's language is kept for the next start (`<userData>/language.json`). */
  shellLanguageFile: string;
}

/** The streamed save the page may begin: a dialog, then a token (never the path). */
async function beginSave(window: BrowserWindow, saves: SaveStreams, kind: FileKind, name: string): Promise<{ stream?: string }> {
  const path = await askSavePath(window, kind, name);
  if (path === null) return {};
  return { stream: await saves.begin(path, kind) };
}

export function registerHandlers({ openRequests, syncFolders, onQuitReady, shellLanguageFile }: ShellServices): void {
  const saves = new SaveStreams();
  // An export still running when the app quits leaves no temp file behind.
  app.on?.('will-quit', () => { void saves.abortAll(); });
  handle('getAppInfo', VALIDATORS.getAppInfo, () => appInfo());
  handle('saveFile', VALIDATORS.saveFile, (req, { window }) => saveBytes(window, req.kind, req.suggestedName, req.bytes));
  handle('beginSave', VALIDATORS.beginSave, (req, { window }) => beginSave(window, saves, req.kind, req.suggestedName));
  handle('writeSave', VALIDATORS.writeSave, (req) => saves.write(req.stream, req.bytes));
  handle('finishSave', VALIDATORS.finishSave, async (req) => {
    const { kind, bytes, ...result } = await saves.finish(req.stream);
    log('file-saved', { kind, bytes });
    return result;
  });
  handle('abortSave', VALIDATORS.abortSave, (req) => saves.abort(req.stream));
  handle('openFiles', VALIDATORS.openFiles, async (req, { window }) => readDialogFiles(req.kind, await askOpenPaths(window, req.kind, req.multiple)));
  const chosenFiles = new ChosenFiles(MAX_FILE_BYTES);
  handle('openFolder', VALIDATORS.openFolder, async (req, { window }) => {
    const folder = await askFolderToRead(window);
    if (folder === null) return [];
    // Every file of the kind is listed: a folder over the limit is refused, not silently cut short.
    const paths = await filesOfKindIn(folder, FILE_EXTENSIONS[req.kind], Infinity);
    if (paths.length > MAX_FOLDER_FILES) throw new Error(`${BRIDGE_ERRORS.tooManyFiles}: ${paths.length} files, at most ${MAX_FOLDER_FILES}`);
    const files = await chosenFiles.choose(paths);
    log('folder-chosen', { kind: req.kind, count: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) });
    return files;
  });
  handle('readChosenFile', VALIDATORS.readChosenFile, (req) => chosenFiles.read(req.token));
  handle('printToPdf', VALIDATORS.printToPdf, async (req, { window }) => {
    // Print first: the PDF shows the page as it was when the user asked, not after the dialog.
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return saveBytes(window, 'pdf', req.suggestedName, pdf);
  });
  handle('getDiagnostics', VALIDATORS.getDiagnostics, (req) => diagnostics(req.language));
  handle('copyDiagnostics', VALIDATORS.copyDiagnostics, (req) => {
    clipboard.writeText(diagnostics(req.language));
    log('diagnostics-copied');
  });
  handle('setShellLanguage', VALIDATORS.setShellLanguage, async (req) => {
    if (await keepShellLanguage(shellLanguageFile, req.language)) installMenu(req.language);
  });
  handle('takeOpenFileRequests', VALIDATORS.takeOpenFileRequests, (_none, { window }) => takeOpenRequests(window, openRequests));
  const backups = new BackupFolder(join(app.getPath('userData'), 'backups'));
  handle('writeBackup', VALIDATORS.writeBackup, async (req) => {
    const { fileName, removed } = await backups.write(req.bytes);
    log('backup-written', { kind: 'backup', bytes: req.bytes.byteLength, count: removed });
    return { fileName };
  });
  handle('listBackups', VALIDATORS.listBackups, () => backups.list());
  handle('readBackup', VALIDATORS.readBackup, (req) => backups.read(req.name));
  handle('secretStorageAvailable', VALIDATORS.secretStorageAvailable, () => secretStorageAvailable(safeStorage));
  handle('sealSecret', VALIDATORS.sealSecret, (req) => sealSecret(safeStorage, req.bytes));
  handle('unsealSecret', VALIDATORS.unsealSecret, (req) => unsealSecret(safeStorage, req.bytes));
  registerSyncFolderHandlers(syncFolders, onQuitReady);
}

/** The synced folders: paths stay here, the page holds handles and tokens. */
function registerSyncFolderHandlers(syncFolders: SyncFolderService, onQuitReady: () => void): void {
  handle('getSyncFolders', VALIDATORS.getSyncFolders, () => syncFolders.state());
  handle('chooseSyncFolder', VALIDATORS.chooseSyncFolder, async (req, { window }) => {
    const path = await askFolderPath(window, req.role);
    if (path === null) return syncFolders.state();
    log('sync-folder-chosen');
    return syncFolders.choose(req.role, path);
  });
  handle('forgetSyncFolder', VALIDATORS.forgetSyncFolder, (req) => syncFolders.forget(req.role));
  handle('writeOutboxFile', VALIDATORS.writeOutboxFile, async (req) => {
    const fileName = await syncFolders.writeOutbox(req.handle, req.suggestedName, req.bytes);
    log('outbox-written', { kind: 'bundle', bytes: req.bytes.byteLength });
    return { fileName };
  });
  handle('takeInboxFiles', VALIDATORS.takeInboxFiles, () => syncFolders.inboxFiles());
  handle('readInboxFile', VALIDATORS.readInboxFile, (req) => syncFolders.readInbox(req.token));
  handle('settleInboxFile', VALIDATORS.settleInboxFile, (req) => {
    syncFolders.settleInbox(req.token, req.outcome);
    log('inbox-file-settled');
  });
  handle('rescanInbox', VALIDATORS.rescanInbox, () => syncFolders.rescan());
  handle('quitReady', VALIDATORS.quitReady, () => onQuitReady());
}
