/**
 * Native save/open dialogs. Main owns them so that the renderer never chooses or learns a path:
 * it asks for a *kind* of file and gets bytes or a base name back.
 */
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { join } from 'node:path';
import { BRIDGE_ERRORS, bridgeErrorCode, FILE_EXTENSIONS, MAX_FILE_BYTES, MAX_OPEN_FILES, type FileKind, type SyncFolderRole } from '../shared/contract';
import type { RefusedOpenRequest } from './openRequests';
import { shellLocaleFor } from './shellLanguage';
import { KIND_LABEL, t, type ShellLocale } from './strings';

/** The dialogs' language: the page's (shellLanguage.ts), else the system's. */
export function shellLocale(): ShellLocale {
  return shellLocaleFor(app.getLocale());
}

/** The kind's own filter first (the default choice), then optionally "all files". */
export function dialogFilters(kind: FileKind, locale: ShellLocale, withAllFiles: boolean): FileFilter[] {
  const filters: FileFilter[] = [{ name: t(locale, KIND_LABEL[kind]), extensions: [...FILE_EXTENSIONS[kind]] }];
  if (withAllFiles) filters.push({ name: t(locale, 'allFiles'), extensions: ['*'] });
  return filters;
}

/** Give the suggested name the kind's extension if it lacks it (GTK does not add one). */
export function withExtension(name: string, kind: FileKind): string {
  const extensions: readonly string[] = FILE_EXTENSIONS[kind];
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(`.${ext}`)) ? name : `${name}.${extensions[0]}`;
}

/** Some minimal Linux desktops have no XDG documents folder, and getPath then throws. */
function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** The path the user chose, or null when they cancelled. */
export async function askSavePath(window: BrowserWindow, kind: FileKind, suggestedName: string): Promise<string | null> {
  const locale = shellLocale();
  const result = await dialog.showSaveDialog(window, {
    title: t(locale, 'saveTitle'),
    defaultPath: join(documentsFolder(), withExtension(suggestedName, kind)),
    filters: dialogFilters(kind, locale, false),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The folder of files to read the user chose ("import a folder"), or null when they cancelled. */
export async function askFolderToRead(window: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title: t(shellLocale(), 'openFolderTitle'), properties: ['openDirectory'] });
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/** The paths the user chose (at most MAX_OPEN_FILES), or [] when they cancelled. */
export async function askOpenPaths(window: BrowserWindow, kind: FileKind, multiple: boolean): Promise<string[]> {
  const locale = shellLocale();
  const result = await dialog.showOpenDialog(window, {
    title: t(locale, 'openTitle'),
    filters: dialogFilters(kind, locale, true),
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  return result.canceled ? [] : result.filePaths.slice(0, MAX_OPEN_FILES);
}

/** The folder the person chose for the inbox or the outbox (it may be created there), or null. */
export async function askFolderPath(window: BrowserWindow, role: SyncFolderRole): Promise<string | null> {
  const locale = shellLocale();
  const result = await dialog.showOpenDialog(window, {
    title: t(locale, role === 'inbox' ? 'chooseInbox' : 'chooseOutbox'),
    buttonLabel: t(locale, 'chooseFolder'),
    defaultPath: documentsFolder(),
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/** One line per file the OS asked us to open that could not be read, and why (never its path). */
export function refusedLines(refused: readonly RefusedOpenRequest[], locale: ShellLocale): string[] {
  const limit = t(locale, 'megabytes', { count: String(Math.round(MAX_FILE_BYTES / (1024 * 1024))) });
  return refused.map(({ name, error }) =>
    bridgeErrorCode(error) === BRIDGE_ERRORS.fileTooLarge
      ? t(locale, 'refusedTooLarge', { name, limit })
      : t(locale, 'refusedUnreadable', { name }),
  );
}

/** Say, without blocking the files that did open, which ones could not be. */
export function tellRefusedOpenRequests(window: BrowserWindow, refused: readonly RefusedOpenRequest[]): void {
  if (refused.length === 0) return;
  const locale = shellLocale();
  void dialog.showMessageBox(window, {
    type: 'warning',
    title: t(locale, 'refusedTitle'),
    message: t(locale, 'refusedMessage'),
    detail: refusedLines(refused, locale).join('\n'),
    buttons: [t(locale, 'ok')],
  });
}
