/**
 * The renderer's one door to the desktop: `platform` is the Electron bridge (`window.relais`,
 * exposed by the preload) when present, else the browser fallback. Screens import `platform`, never
 * `window.relais` and never anything from `electron`.
 */
import type { BridgeErrorCode, DesktopApi, LanguageRequest } from '../../../electron/shared/contract';
import { browserApi, MAX_FILES, readLocalFiles } from './browser';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly relais?: DesktopApi;
  }
}

function pickPlatform(): DesktopApi {
  return typeof window !== 'undefined' && window.relais ? window.relais : browserApi;
}

export const platform: DesktopApi = pickPlatform();

/** Files dropped on the window: read by the page itself, within the open dialog's limits (count, size). */
export { readLocalFiles };
/** True when `error` came back from the bridge with `code` (Electron forwards only the message). */
export function isBridgeError(error: unknown, code: BridgeErrorCode): boolean {
  return (error instanceof Error ? error.message : String(error)).includes(code);
}

/** The shell's language for the interface's (diagnostics, menus, dialogs, date fields): English for English, else French. */
export function shellLanguage(language: string): LanguageRequest['language'] {
  return language.startsWith('en') ? 'en' : 'fr';
}

/** How many files may be opened (or dropped) at once. */
export const MAX_OPEN_FILES = MAX_FILES;

export type {
  AppInfo,
  BackupInfo,
  DesktopApi,
  LanguageRequest,
  FileKind,
  OpenableKind,
  OpenedFile,
  OpenFileRequest,
  OpenFilesRequest,
  SaveFileRequest,
  SaveFileResult,
  SecretRequest,
  InboxFile,
  SyncFolderInfo,
  SyncFolderRole,
  SyncFoldersState,
} from '../../../electron/shared/contract';
