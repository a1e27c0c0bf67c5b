/**
 * DesktopApi for a plain browser (development, the Chromium e2e project, or a web build): the same
 * promises as the Electron bridge, kept with what a page may do on its own.
 *
 * Only *types* come from the contract; the two values we need are mirrored below and typed with
 * `typeof`, so the compiler refuses any drift from the contract without bundling it into the page.
 */
import i18next from 'i18next';
import type {
  AppInfo,
  BackupInfo,
  BeginSaveRequest,
  BeginSaveResult,
  BRIDGE_ERRORS,
  ChosenFile,
  ChosenFileRequest,
  DesktopApi,
  LanguageRequest,
  FILE_EXTENSIONS,
  FileKind,
  MAX_FILE_BYTES,
  MAX_FOLDER_FILES,
  MAX_OPEN_FILES,
  OpenedFile,
  OpenFileRequest,
  OpenFilesRequest,
  OpenFolderRequest,
  SaveFileRequest,
  SaveFileResult,
  SaveStreamRequest,
  WriteSaveRequest,
  SecretRequest,
  SyncFoldersState,
} from '../../../electron/shared/contract';

const MAX_BYTES: typeof MAX_FILE_BYTES = 536_870_912;
export const MAX_FILES: typeof MAX_OPEN_FILES = 100;
const MAX_IN_FOLDER: typeof MAX_FOLDER_FILES = 1000;
const TOO_LARGE: (typeof BRIDGE_ERRORS)['fileTooLarge'] = 'RELAIS_FILE_TOO_LARGE';
const TOO_MANY: (typeof BRIDGE_ERRORS)['tooManyFiles'] = 'RELAIS_TOO_MANY_FILES';
const CHOSEN_FILE_CHANGED: (typeof BRIDGE_ERRORS)['chosenFileChanged'] = 'RELAIS_CHOSEN_FILE_CHANGED';
const INVALID_ARGUMENT: (typeof BRIDGE_ERRORS)['invalidArgument'] = 'RELAIS_INVALID_ARGUMENT';
const SECRET_STORAGE_UNAVAILABLE: (typeof BRIDGE_ERRORS)['secretStorageUnavailable'] = 'RELAIS_SECRET_STORAGE_UNAVAILABLE';
const NOT_IN_THIS_SHELL: (typeof BRIDGE_ERRORS)['notInThisShell'] = 'RELAIS_NOT_IN_THIS_SHELL';
const EXTENSIONS: typeof FILE_EXTENSIONS = {
  bundle: ['relais'],
  card: ['relaiscard'],
  backup: ['relaisbackup', 'relais'],
  pdf: ['pdf'],
  json: ['json'],
  csv: ['csv'],
  xlsx: ['xlsx'],
  text: ['txt'],
};
const MIME_TYPES: Record<FileKind, string> = {
  bundle: 'application/octet-stream',
  card: 'application/octet-stream',
  backup: 'application/octet-stream',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain;charset=utf-8',
};

/** How long a download's object URL is kept: some browsers read it after click() returns. */
const REVOKE_AFTER_MS = 10_000;

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
}

function withExtension(name: string, kind: FileKind): string {
  const extensions: readonly string[] = EXTENSIONS[kind];
  return extensions.some((ext) => name.toLowerCase().endsWith(`.${ext}`)) ? name : `${name}.${extensions[0]}`;
}

/** A Blob needs bytes backed by a plain ArrayBuffer; copy only when they are not. */
function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** "saved" means the download was handed to the browser; where it lands is the browser's choice. */
function download(bytes: Uint8Array, fileName: string, type: string): SaveFileResult {
  return downloadBlob(new Blob([blobPart(bytes)], { type }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): SaveFileResult {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return { saved: true, fileName };
}

/**
 * Streamed saves in a browser: the pieces are gathered as Blob parts (which the browser may keep on
 * disk rather than in the page's memory) and handed over as one download when finished.
 */
const streamedSaves = new Map<string, { name: string; kind: FileKind; parts: Blob[] }>();

/** A random token (32 hex digits) naming what the page holds for a call: a streamed save, a chosen file. */
function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function openSave(stream: string) {
  const save = streamedSaves.get(stream);
  if (!save) throw new Error('RELAIS_INVALID_ARGUMENT: no such save');
  return save;
}

const streamedSave = {
  beginSave: async (req: BeginSaveRequest): Promise<BeginSaveResult> => {
    const stream = randomToken();
    streamedSaves.set(stream, { name: withExtension(req.suggestedName, req.kind), kind: req.kind, parts: [] });
    return { stream };
  },
  writeSave: async (req: WriteSaveRequest): Promise<void> => {
    openSave(req.stream).parts.push(new Blob([blobPart(req.bytes)]));
  },
  finishSave: async (req: SaveStreamRequest): Promise<SaveFileResult> => {
    const save = openSave(req.stream);
    streamedSaves.delete(req.stream);
    return downloadBlob(new Blob(save.parts, { type: MIME_TYPES[save.kind] }), save.name);
  },
  abortSave: async (req: SaveStreamRequest): Promise<void> => {
    streamedSaves.delete(req.stream);
  },
};

/**
 * Files the page was handed (chosen in a browser's dialog, or dropped on the window in any shell), read
 * within the desktop open dialog's limits: at most MAX_OPEN_FILES, and one size budget for all of them
 * together, both checked before a byte is read.
 */
export async function readLocalFiles(files: readonly File[]): Promise<OpenedFile[]> {
  if (files.length > MAX_FILES) throw new Error(`${TOO_MANY}: ${files.length} files, at most ${MAX_FILES}`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_BYTES) throw new Error(`${TOO_LARGE}: files larger than ${MAX_BYTES} bytes`);
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/**
 * The files of the folder chosen last, by token: read one at a time when the import comes to them
 * (`readChosenFile`), as the desktop shell does. A new choice forgets the last one.
 */
let chosenFiles = new Map<string, File>();

function chooseLater(files: readonly File[]): ChosenFile[] {
  if (files.length > MAX_IN_FOLDER) throw new Error(`${TOO_MANY}: ${files.length} files, at most ${MAX_IN_FOLDER}`);
  chosenFiles = new Map();
  return files.map((file) => {
    const token = randomToken();
    chosenFiles.set(token, file);
    return { name: file.name, size: file.size, token };
  });
}

async function readChosenFile({ token }: ChosenFileRequest): Promise<Uint8Array> {
  const file = chosenFiles.get(token);
  if (!file) throw new Error(`${INVALID_ARGUMENT}: token is not a file of the last choice`);
  if (file.size > MAX_BYTES) throw new Error(`${TOO_LARGE}: file larger than ${MAX_BYTES} bytes`);
  // A File whose disk copy changed since it was chosen cannot be read (NotReadableError): that file is
  // not the one chosen any more.
  return new Uint8Array(await file.arrayBuffer().catch(() => { throw new Error(`${CHOSEN_FILE_CHANGED}: ${file.name}`); }));
}

/**
 * A hidden <input type=file> set up by `configure`, clicked; the files chosen go through `pick`, then
 * `take` (`readLocalFiles`: read at once; `chooseLater`: read when their turn comes). Resolves [] on
 * cancel (the input's `cancel` event, Chromium 113+).
 */
function chooseWithHiddenInput<T>(
  configure: (input: HTMLInputElement) => void, pick: (files: File[]) => File[], take: (files: File[]) => Promise<T[]> | T[],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    configure(input);
    input.style.display = 'none';
    const done = (): void => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve([]);
    }, { once: true });
    input.addEventListener('change', () => {
      done();
      Promise.resolve().then(() => take(pick(Array.from(input.files ?? [])))).then(resolve, reject);
    }, { once: true });
    document.body.append(input);
    input.click();
  });
}

/** One or several files of a kind. */
function chooseFiles(req: OpenFilesRequest): Promise<OpenedFile[]> {
  return chooseWithHiddenInput((input) => {
    input.multiple = req.multiple;
    input.accept = [...EXTENSIONS[req.kind].map((ext) => `.${ext}`), MIME_TYPES[req.kind]].join(',');
  }, (files) => files, readLocalFiles);
}

/** A hidden <input webkitdirectory>: every file of the chosen folder, of which those of `kind` are chosen, not read yet. */
function chooseFolder(req: OpenFolderRequest): Promise<ChosenFile[]> {
  return chooseWithHiddenInput((input) => { input.webkitdirectory = true; }, (files) => files
    // Directly inside the folder only, as the desktop shell reads it: "folder/name", no deeper.
    .filter((file) => file.webkitRelativePath.split('/').length <= 2)
    .filter((file) => EXTENSIONS[req.kind].some((ext) => file.name.toLowerCase().endsWith(`.${ext}`)))
    .sort((a, b) => a.name.localeCompare(b.name)), chooseLater);
}

/** The browser's diagnostics: what a page may know of itself (no shell, so no log and no folder). */
function diagnostics({ language }: LanguageRequest): string {
  const t = i18next.getFixedT(language, 'about');
  const line = (label: string, value: string) => t('browser.line', { label: t(label), value });
  return [
    t('browser.title'),
    line('browser.version', appVersion()),
    line('browser.userAgent', navigator.userAgent),
    line('browser.platform', navigator.platform || 'web'),
    line('browser.language', navigator.language),
    line('browser.data', t('browser.dataText', { origin: location.origin })),
    '',
    t('browser.noLog'),
    '',
  ].join('\n');
}

export const browserApi = {
  shell: 'browser',
  getAppInfo: async (): Promise<AppInfo> => ({
    version: appVersion(),
    platform: navigator.platform || 'web',
    shell: 'browser',
    // No data folder: IndexedDB lives inside the browser profile, out of the page's reach.
  }),
  saveFile: async (req: SaveFileRequest): Promise<SaveFileResult> =>
    download(req.bytes, withExtension(req.suggestedName, req.kind), MIME_TYPES[req.kind]),
  ...streamedSave,
  openFiles: (req: OpenFilesRequest): Promise<OpenedFile[]> => chooseFiles(req),
  openFolder: (req: OpenFolderRequest): Promise<ChosenFile[]> => chooseFolder(req),
  readChosenFile,
  printToPdf: async (): Promise<SaveFileResult> => {
    // The browser's print dialog offers "Save as PDF"; the page cannot know whether it was used.
    window.print();
    return { saved: false };
  },
  getDiagnostics: async (req: LanguageRequest): Promise<string> => diagnostics(req),
  copyDiagnostics: async (req: LanguageRequest): Promise<void> => navigator.clipboard.writeText(diagnostics(req)),
  // A browser's menus and date fields are the browser's, in its own language.
  setShellLanguage: async (): Promise<void> => undefined,
  // A page has no OS keychain: its keys are sealed with a passphrase the person chooses instead.
  // No backups folder in a browser: the Settings page reminds the person to download one instead.
  writeBackup: async (): Promise<{ fileName: string }> => { throw new Error('automatic backups need the desktop app'); },
  listBackups: async (): Promise<BackupInfo[]> => [],
  readBackup: async (): Promise<Uint8Array> => { throw new Error('automatic backups need the desktop app'); },
  secretStorageAvailable: async (): Promise<boolean> => false,
  sealSecret: async (_req: SecretRequest): Promise<Uint8Array> => { throw new Error(`${SECRET_STORAGE_UNAVAILABLE}: no OS keychain in a browser`); },
  unsealSecret: async (_req: SecretRequest): Promise<Uint8Array> => { throw new Error(`${SECRET_STORAGE_UNAVAILABLE}: no OS keychain in a browser`); },
  // A browser tab is never asked by the OS to open a file: nothing ever arrives.
  onOpenFileRequest: (_listener: (files: OpenFileRequest[]) => void) => () => undefined,
  // A page cannot watch a folder or write into one: the browser build keeps manual files (Settings
  // says so instead of offering the folders).
  getSyncFolders: async (): Promise<SyncFoldersState> => ({}),
  chooseSyncFolder: async (): Promise<SyncFoldersState> => { throw new Error(`${NOT_IN_THIS_SHELL}: synced folders need the desktop app`); },
  forgetSyncFolder: async (): Promise<SyncFoldersState> => ({}),
  writeOutboxFile: async () => { throw new Error(`${NOT_IN_THIS_SHELL}: synced folders need the desktop app`); },
  takeInboxFiles: async () => [],
  readInboxFile: async () => { throw new Error(`${NOT_IN_THIS_SHELL}: synced folders need the desktop app`); },
  settleInboxFile: async () => undefined,
  rescanInbox: async () => undefined,
  onSyncFoldersChanged: (_listener: () => void) => () => undefined,
  onQuitRequested: (_listener: () => Promise<void>) => () => undefined,
} satisfies DesktopApi;
