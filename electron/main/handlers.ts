/**
 * The bridge calls. Each is registered through the `handle` choke point, so it runs only
 * for our top frame and only with validated arguments. Main moves bytes; it never parses them.
 */
import { app } from 'electron';
import {
  MAX_FILE_BYTES,
  VALIDATORS,
  type AppInfo,
  type FileKind,
  type OpenedFile,
  type SaveFileResult,
} from '../shared/contract';
import { askOpenPaths, askSavePath } from './dialogs';
import { FileTooLargeError, readFileLimited, safeBaseName, writeFileAtomic } from './files';
import { handle } from './ipc';
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
  return { saved: true, fileName: safeBaseName(path) };
}

/**
 * Read the chosen files with one shared budget: the renderer holds them all in memory at once, so
 * the limit applies to their sum, not to each file alone.
 */
async function readChosen(paths: string[]): Promise<OpenedFile[]> {
  const files: OpenedFile[] = [];
  let budget = MAX_FILE_BYTES;
  for (const path of paths) {
    const bytes = await readFileLimited(path, budget).catch((error: unknown) => {
      throw error instanceof FileTooLargeError ? new FileTooLargeError(MAX_FILE_BYTES) : error;
    });
    budget -= bytes.byteLength;
    files.push({ name: safeBaseName(path), bytes });
  }
  return files;
}

export function registerHandlers(): void {
  handle('getAppInfo', VALIDATORS.getAppInfo, () => appInfo());
  handle('saveFile', VALIDATORS.saveFile, (req, { window }) => saveBytes(window, req.kind, req.suggestedName, req.bytes));
  handle('openFiles', VALIDATORS.openFiles, async (req, { window }) => readChosen(await askOpenPaths(window, req.kind, req.multiple)));
  handle('printToPdf', VALIDATORS.printToPdf, async (req, { window }) => {
    // Print first: the PDF shows the page as it was when the user asked, not after the dialog.
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return saveBytes(window, 'pdf', req.suggestedName, pdf);
  });
}
