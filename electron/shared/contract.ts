/**
 * The bridge contract between the renderer and the Electron main process.
 *
 * Pure TypeScript with no Electron (or Node) import: the main process, the preload bundle and the
 * renderer all read it. The renderer imports *types only* from here (values are mirrored there with
 * `typeof` checks so drift is a compile error without pulling this module into the page bundle).
 *
 * Rule of the bridge: the renderer never names a file-system path. Main owns dialogs and paths and
 * only ever returns base names.
 */

export const FILE_KINDS = ['bundle', 'card', 'backup', 'pdf', 'json', 'csv', 'xlsx', 'text'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * Extensions per kind (without the dot). `bundle` is a sync bundle, `card` a person's shareable
 * identity card (public keys), `backup` a whole database, encrypted (renderer/src/domain/backup/format.ts): a
 * restore also takes a full bundle, hence `relais` second (saving a backup keeps the first). Main uses them for
 * dialog filters, the browser for `accept`.
 */
export const FILE_EXTENSIONS = {
  bundle: ['relais'],
  card: ['relaiscard'],
  backup: ['relaisbackup', 'relais'],
  pdf: ['pdf'],
  json: ['json'],
  csv: ['csv'],
  xlsx: ['xlsx'],
  text: ['txt'],
} as const satisfies Record<FileKind, readonly string[]>;

/** 512 MiB, written as a literal so its type is exact and the renderer can mirror it type-safely. */
export const MAX_FILE_BYTES = 536_870_912;
/**
 * Largest file a streamed save may write (4 GiB): exports of any realistic database fit, and a page
 * gone wrong cannot fill the disk.
 */
export const MAX_STREAMED_FILE_BYTES = 4_294_967_296;
/** How many streamed saves may be open at once (one export at a time, with room for a slow cancel). */
export const MAX_OPEN_SAVE_STREAMS = 4;
/** A streamed save is named by a random token main hands out: 32 hex digits, never a path. */
export const SAVE_STREAM_PATTERN = /^[0-9a-f]{32}$/;

/** Longest file name we accept or return (most file systems stop at 255 bytes). */
export const MAX_NAME_LENGTH = 200;
/** How many files one open dialog may return (a drop on the window obeys the same limit). */
export const MAX_OPEN_FILES = 100;
/**
 * How many files of a folder "import a folder" takes (a region's 300 mediators, a few bundles each):
 * they are read one at a time when the import comes to them (`readChosenFile`), each within
 * MAX_FILE_BYTES, never all at once.
 */
export const MAX_FOLDER_FILES = 1000;
/** Largest secret the OS may seal or unseal for the page: a key, never a file. */
export const MAX_SECRET_BYTES = 4096;

export interface AppInfo {
  version: string;
  platform: string;
  shell: 'electron' | 'browser';
  /**
   * Folder holding the renderer's IndexedDB (Electron only), as text to show a person: what to back up.
   * Display only. No bridge call accepts a path — every request field is a kind, a flag, bytes or a
   * plain file name that refuses separators — so the page cannot hand this back to make the shell read
   * or write there (contract.test.ts tries it on every call).
   */
  dataFolderForDisplay?: string;
}
export interface SaveFileRequest {
  suggestedName: string;
  kind: FileKind;
  bytes: Uint8Array;
}
export interface SaveFileResult {
  saved: boolean;
  fileName?: string;
}
export interface BeginSaveRequest {
  suggestedName: string;
  kind: FileKind;
}
/** `stream` names the save to write to; absent when the person cancelled the dialog. */
export interface BeginSaveResult {
  stream?: string;
}
export interface WriteSaveRequest {
  stream: string;
  bytes: Uint8Array;
}
export interface SaveStreamRequest {
  stream: string;
}
export interface OpenFilesRequest {
  kind: FileKind;
  multiple: boolean;
}
/** A folder of files of one kind (a coordinator's USB stick of bundles): the folder is main's, never the page's. */
export interface OpenFolderRequest {
  kind: FileKind;
}
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}
/**
 * A file of a chosen folder, not read yet: its base name, its size when chosen, and the token that
 * reads it (Electron: the path stays in main; browser: the page's File).
 */
export interface ChosenFile {
  name: string;
  size: number;
  token: string;
}
export interface ChosenFileRequest {
  token: string;
}
export interface PrintToPdfRequest {
  suggestedName: string;
}

/** An automatic backup's file name in `<userData>/backups` (electron/main/backups.ts names them). */
export const BACKUP_NAME_PATTERN = /^relais-(\d{4}-\d{2}-\d{2})-(\d{6})\.relaisbackup$/;

/** An automatic backup as the page sees it: its name (no path), size and time. */
export interface BackupInfo {
  name: string;
  bytes: number;
  createdAt: string;
}
export interface WriteBackupRequest {
  bytes: Uint8Array;
}
export interface ReadBackupRequest {
  name: string;
}

/** The kinds the installers associate with Relais, so that a double-click opens them in the app. */
export const OPENABLE_KINDS = ['bundle', 'card'] as const satisfies readonly FileKind[];
export type OpenableKind = (typeof OPENABLE_KINDS)[number];

/**
 * A file the operating system asked Relais to open (double-click, "Open with", a second launch with a
 * file): its kind, base name and bytes, read by main with the open dialog's size limit. Never its path.
 */
export interface OpenFileRequest extends OpenedFile {
  kind: OpenableKind;
}

/**
 * Synced folders (Electron only): an outbox where Relais puts the bundles it sends, an inbox it watches
 * for bundles others send, both kept in sync by Syncthing, Nextcloud, a network share or carried on a USB
 * stick. Main keeps their paths; the page knows a folder by an opaque handle and a display name only.
 */
export const SYNC_FOLDER_ROLES = ['inbox', 'outbox'] as const;
export type SyncFolderRole = (typeof SYNC_FOLDER_ROLES)[number];
/** A folder's handle and an inbox file's token: 32 random hex digits main hands out, never a path. */
export const OPAQUE_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

export interface SyncFolderInfo {
  handle: string;
  /** The folder's last two names ("CLE-USB / relais"): enough to recognise it, not a path. */
  displayName: string;
  /** False while the folder is not there (a USB stick unplugged, a share unreachable). */
  available: boolean;
}
export type SyncFoldersState = Partial<Record<SyncFolderRole, SyncFolderInfo>>;
export interface SyncFolderRequest {
  role: SyncFolderRole;
}
export interface WriteOutboxRequest {
  handle: string;
  suggestedName: string;
  bytes: Uint8Array;
}
export interface WriteOutboxResult {
  fileName: string;
}
/** A bundle waiting in the inbox, stable (it stopped changing) and hashed by main; read by its token. */
export interface InboxFile {
  token: string;
  name: string;
  /** SHA-256 of its bytes, hex: a file seen before is recognised by it, whatever its name. */
  sha256: string;
  size: number;
}
export interface InboxFileRequest {
  token: string;
}
export const INBOX_OUTCOMES = ['done', 'retry'] as const;
export type InboxOutcome = (typeof INBOX_OUTCOMES)[number];
export interface SettleInboxRequest {
  token: string;
  /** `done`: decided (imported, skipped, held or refused); `retry`: try again later (truncated, still arriving). */
  outcome: InboxOutcome;
}

/**
 * The languages the shell speaks (electron/main/strings.ts): diagnostics are written in the one the
 * person reads the app in, and the shell's menus, dialogs and date fields follow it (setShellLanguage).
 */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** One of the languages the shell speaks (the page may speak more: renderer/src/i18n/languages.ts). */
export function isShellLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
export interface LanguageRequest {
  language: Language;
}

/**
 * Every call the renderer makes to main (ipcRenderer.invoke), by name: what it sends, what it gets.
 * Channels, validators and handlers are all keyed by these names, so the type-checker pairs them.
 */
export interface BridgeCalls {
  getAppInfo(): Promise<AppInfo>;
  /** Electron: save dialog in main + atomic write; browser: download. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * A file written in pieces, for exports too large to hand over at once: `beginSave` asks where (save
   * dialog), `writeSave` appends, `finishSave` puts the file in place atomically (nothing is at the
   * chosen path before), `abortSave` throws the pieces away. Browser: pieces gathered, then a download.
   */
  beginSave(req: BeginSaveRequest): Promise<BeginSaveResult>;
  writeSave(req: WriteSaveRequest): Promise<void>;
  finishSave(req: SaveStreamRequest): Promise<SaveFileResult>;
  abortSave(req: SaveStreamRequest): Promise<void>;
  /** Electron: open dialog in main, size-limited read; browser: <input type=file>. Cancel gives []. */
  openFiles(req: OpenFilesRequest): Promise<OpenedFile[]>;
  /**
   * Electron: folder dialog in main, then the files of `kind` directly inside that folder (by
   * extension, sorted by name, at most MAX_FOLDER_FILES), named and sized but not read: each is read
   * by `readChosenFile` when its turn comes, so a region's folder never crosses the bridge, nor sits in
   * the page, all at once. Browser: <input webkitdirectory>. Base names only. Cancel gives []. A new
   * choice forgets the tokens of the one before.
   */
  openFolder(req: OpenFolderRequest): Promise<ChosenFile[]>;
  /**
   * One chosen file's bytes (at most MAX_FILE_BYTES). Fails with RELAIS_CHOSEN_FILE_CHANGED when it
   * is not the file chosen any more (gone, or another size or date since), RELAIS_INVALID_ARGUMENT for
   * a token not handed out by the last choice.
   */
  readChosenFile(req: ChosenFileRequest): Promise<Uint8Array>;
  /** Electron: webContents.printToPDF + save; browser: window.print(). */
  printToPdf(req: PrintToPdfRequest): Promise<SaveFileResult>;
  /**
   * Versions, OS, data folder and the last log lines, as text a person can read and send to support.
   * It holds no record and no key (the log cannot: see electron/main/log.ts).
   */
  getDiagnostics(req: LanguageRequest): Promise<string>;
  /** Put the same text on the clipboard (Electron: main's clipboard; the page has no clipboard permission). */
  copyDiagnostics(req: LanguageRequest): Promise<void>;
  /**
   * The page's language (at start and at each change): the shell's menus and dialogs follow it at once,
   * its date fields from the next start (electron/main/shellLanguage.ts). Nothing in a browser, whose
   * own language is the browser's.
   */
  setShellLanguage(req: LanguageRequest): Promise<void>;
  /** The files the OS asked us to open since the last call (used by the preload's onOpenFileRequest). */
  takeOpenFileRequests(): Promise<OpenFileRequest[]>;
  /**
   * Automatic backups (Electron): main writes the bytes the page made into `<userData>/backups`,
   * atomically, and rotates (7 daily, 4 weekly); lists them; reads one back by name. Browser: none.
   */
  writeBackup(req: WriteBackupRequest): Promise<{ fileName: string }>;
  listBackups(): Promise<BackupInfo[]>;
  readBackup(req: ReadBackupRequest): Promise<Uint8Array>;
  /**
   * Can the OS seal secrets for this user (Electron safeStorage: Keychain, DPAPI, libsecret/kwallet)?
   * False in a browser, and on Linux when no keyring answers (Chromium then falls back to a fixed
   * password, which protects nothing).
   */
  secretStorageAvailable(): Promise<boolean>;
  /**
   * Seal opaque bytes with the OS (safeStorage): only this user on this machine can unseal them. Main
   * never learns what they are; the renderer stores what comes back.
   */
  sealSecret(req: SecretRequest): Promise<Uint8Array>;
  /** Unseal bytes `sealSecret` gave; fails with RELAIS_SECRET_UNREADABLE when the OS no longer can. */
  unsealSecret(req: SecretRequest): Promise<Uint8Array>;
  /** The inbox and outbox chosen (Electron); {} in a browser, which keeps manual files. */
  getSyncFolders(): Promise<SyncFoldersState>;
  /** The OS folder dialog for the inbox or the outbox; the state after (unchanged if cancelled). */
  chooseSyncFolder(req: SyncFolderRequest): Promise<SyncFoldersState>;
  forgetSyncFolder(req: SyncFolderRequest): Promise<SyncFoldersState>;
  /**
   * Put a bundle in the outbox named by `handle`: atomically, never over another file (a taken name gets
   * a `-2`…). Fails with RELAIS_FOLDER_ABSENT when the folder is not there, RELAIS_FOLDER_CHANGED when
   * the outbox is not that folder any more.
   */
  writeOutboxFile(req: WriteOutboxRequest): Promise<WriteOutboxResult>;
  /** The inbox files stable and not settled yet (onSyncFoldersChanged says when to ask). */
  takeInboxFiles(): Promise<InboxFile[]>;
  /** One waiting file's bytes; RELAIS_INBOX_FILE_CHANGED if they are not those hashed any more. */
  readInboxFile(req: InboxFileRequest): Promise<Uint8Array>;
  settleInboxFile(req: SettleInboxRequest): Promise<void>;
  /** Look at the inbox now. */
  rescanInbox(): Promise<void>;
  /** The page finished what it does before quitting (the outbox's last write): main may quit. */
  quitReady(): Promise<void>;
}

export interface SecretRequest {
  bytes: Uint8Array;
}
export type BridgeCall = keyof BridgeCalls;

/** The argument a call takes (void when none) and what it resolves to. */
export type RequestOf<K extends BridgeCall> = Parameters<BridgeCalls[K]> extends [infer A] ? A : void;
export type ResultOf<K extends BridgeCall> = Awaited<ReturnType<BridgeCalls[K]>>;

/** Every IPC channel in one table, so preload and main cannot disagree on a string. */
export const IPC_CHANNELS = {
  getAppInfo: 'relais:get-app-info',
  saveFile: 'relais:save-file',
  beginSave: 'relais:begin-save',
  writeSave: 'relais:write-save',
  finishSave: 'relais:finish-save',
  abortSave: 'relais:abort-save',
  openFiles: 'relais:open-files',
  openFolder: 'relais:open-folder',
  readChosenFile: 'relais:read-chosen-file',
  printToPdf: 'relais:print-to-pdf',
  getDiagnostics: 'relais:get-diagnostics',
  copyDiagnostics: 'relais:copy-diagnostics',
  setShellLanguage: 'relais:set-shell-language',
  takeOpenFileRequests: 'relais:take-open-file-requests',
  writeBackup: 'relais:write-backup',
  listBackups: 'relais:list-backups',
  readBackup: 'relais:read-backup',
  secretStorageAvailable: 'relais:secret-storage-available',
  sealSecret: 'relais:seal-secret',
  unsealSecret: 'relais:unseal-secret',
  getSyncFolders: 'relais:get-sync-folders',
  chooseSyncFolder: 'relais:choose-sync-folder',
  forgetSyncFolder: 'relais:forget-sync-folder',
  writeOutboxFile: 'relais:write-outbox-file',
  takeInboxFiles: 'relais:take-inbox-files',
  readInboxFile: 'relais:read-inbox-file',
  settleInboxFile: 'relais:settle-inbox-file',
  rescanInbox: 'relais:rescan-inbox',
  quitReady: 'relais:quit-ready',
} as const satisfies Record<BridgeCall, `relais:${string}`>;

/**
 * Main → renderer notices. They carry nothing: the renderer answers by calling back through the
 * checked `handle` choke point, so every byte it receives has passed the sender check.
 */
export const IPC_EVENTS = {
  openFileRequest: 'relais:open-file-request',
  /** The synced folders changed: files wait in the inbox, or a folder came or went. */
  syncFoldersChanged: 'relais:sync-folders-changed',
  /** The app is quitting: the page does its last outbox write, then calls quitReady. */
  quitRequested: 'relais:quit-requested',
} as const;

/** What the page sees as `window.relais` (or the browser fallback): the calls, and one event. */
export interface DesktopApi extends Omit<BridgeCalls, 'takeOpenFileRequests' | 'quitReady'> {
  readonly shell: 'electron' | 'browser';
  /**
   * Files the OS asked us to open, handed to `listener` — those waiting since start-up at once.
   * Returns the unsubscribe function. In a browser nothing ever arrives.
   */
  onOpenFileRequest(listener: (files: OpenFileRequest[]) => void): () => void;
  /** Called when the synced folders changed (files wait, a folder came or went). In a browser, never. */
  onSyncFoldersChanged(listener: () => void): () => void;
  /**
   * Called once when the app quits; main waits (a bounded time) for the promises of every listener (the
   * outbox's last write, the last backup) before it quits. In a browser, never.
   */
  onQuitRequested(listener: () => Promise<void>): () => void;
}

/**
 * Error codes carried in error messages across IPC (Electron only forwards `message`), so the
 * renderer can tell the user *why* without parsing prose.
 */
export const BRIDGE_ERRORS = {
  invalidArgument: 'RELAIS_INVALID_ARGUMENT',
  untrustedSender: 'RELAIS_UNTRUSTED_SENDER',
  fileTooLarge: 'RELAIS_FILE_TOO_LARGE',
  tooManyFiles: 'RELAIS_TOO_MANY_FILES',
  secretStorageUnavailable: 'RELAIS_SECRET_STORAGE_UNAVAILABLE',
  secretUnreadable: 'RELAIS_SECRET_UNREADABLE',
  folderAbsent: 'RELAIS_FOLDER_ABSENT',
  folderChanged: 'RELAIS_FOLDER_CHANGED',
  inboxFileChanged: 'RELAIS_INBOX_FILE_CHANGED',
  chosenFileChanged: 'RELAIS_CHOSEN_FILE_CHANGED',
  notInThisShell: 'RELAIS_NOT_IN_THIS_SHELL',
} as const;
export type BridgeErrorCode = (typeof BRIDGE_ERRORS)[keyof typeof BRIDGE_ERRORS];

/** The bridge error code inside an error (or its message), if any. */
export function bridgeErrorCode(error: unknown): BridgeErrorCode | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return Object.values(BRIDGE_ERRORS).find((code) => message.includes(code));
}

export class BridgeArgumentError extends Error {
  constructor(detail: string) {
    super(`${BRIDGE_ERRORS.invalidArgument}: ${detail}`);
    this.name = 'BridgeArgumentError';
  }
}

// ---------------------------------------------------------------------------------------------
// Validators. Each takes the raw IPC argument list (anything a compromised page could send) and
// returns the typed argument or throws BridgeArgumentError. Hand-written: a handful of small requests
// do not justify a schema library in the main process.
// ---------------------------------------------------------------------------------------------

/**
 * The validator of one call, stamped with that call's name. The stamp is what makes a pairing
 * checkable: `handle('printToPdf', VALIDATORS.saveFile, ...)` is a type error (and throws at run time),
 * even though saveFile's request would structurally satisfy printToPdf's.
 */
export interface CallValidator<K extends BridgeCall> {
  (args: readonly unknown[]): RequestOf<K>;
  readonly forCall: K;
}

function validatorOf<K extends BridgeCall>(forCall: K, validate: (args: readonly unknown[]) => RequestOf<K>): CallValidator<K> {
  return Object.freeze(Object.assign((args: readonly unknown[]) => validate(args), { forCall }));
}

/** Characters no portable file name may hold: separators (a path!), Windows reserved, controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARS = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

function fail(detail: string): never {
  throw new BridgeArgumentError(detail);
}

function onlyArgument(args: readonly unknown[]): Record<string, unknown> {
  if (args.length !== 1) fail(`expected exactly one argument, got ${args.length}`);
  const [value] = args;
  // Plain objects only: arrays, null and class instances are not requests.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('argument must be an object');
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail('argument must be a plain object');
  return value as Record<string, unknown>;
}

/** Unknown keys are refused so that nobody can smuggle e.g. a `path` the handler might later read. */
function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) fail(`unexpected field(s): ${extra.join(', ')}`);
}

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && (FILE_KINDS as readonly string[]).includes(value);
}

/** A file *name*, never a path: no separators, no dot-only names, bounded length. */
export function validateFileName(value: unknown): string {
  if (typeof value !== 'string') fail('suggestedName must be a string');
  if (value.trim().length === 0) fail('suggestedName is empty');
  if (value.length > MAX_NAME_LENGTH) fail(`suggestedName longer than ${MAX_NAME_LENGTH}`);
  if (FORBIDDEN_NAME_CHARS.test(value)) fail('suggestedName must be a plain file name, not a path');
  if (/^\.+$/.test(value)) fail('suggestedName cannot be only dots');
  return value;
}

function validateKind(value: unknown): FileKind {
  if (!isFileKind(value)) fail(`kind must be one of ${FILE_KINDS.join(', ')}`);
  return value;
}

function validateBytes(value: unknown): Uint8Array {
  // Exactly Uint8Array (Buffer is a subclass): other typed arrays or plain arrays are refused.
  if (!(value instanceof Uint8Array)) fail('bytes must be a Uint8Array');
  if (value.byteLength > MAX_FILE_BYTES) fail(`bytes larger than ${MAX_FILE_BYTES}`);
  return value;
}

function validateStream(value: unknown): string {
  if (typeof value !== 'string' || !SAVE_STREAM_PATTERN.test(value)) fail('stream must be a save stream token');
  return value;
}

function validateStreamRequest(args: readonly unknown[]): SaveStreamRequest {
  const value = onlyArgument(args);
  onlyKeys(value, ['stream']);
  return { stream: validateStream(value.stream) };
}

function noArguments(args: readonly unknown[]): void {
  if (args.length !== 0) fail('expected no argument');
}

function validateLanguageRequest(args: readonly unknown[]): LanguageRequest {
  const value = onlyArgument(args);
  onlyKeys(value, ['language']);
  const { language } = value;
  if (!isShellLanguage(language)) fail(`language must be one of ${LANGUAGES.join(', ')}`);
  return { language };
}

function validateSecretRequest(args: readonly unknown[]): SecretRequest {
  const value = onlyArgument(args);
  onlyKeys(value, ['bytes']);
  const { bytes } = value;
  if (!(bytes instanceof Uint8Array)) fail('bytes must be a Uint8Array');
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_SECRET_BYTES) fail(`bytes must hold 1 to ${MAX_SECRET_BYTES} bytes`);
  return { bytes };
}

function validateToken(value: unknown, field: string): string {
  if (typeof value !== 'string' || !OPAQUE_TOKEN_PATTERN.test(value)) fail(`${field} must be a token main handed out`);
  return value;
}

function validateFolderRequest(args: readonly unknown[]): SyncFolderRequest {
  const value = onlyArgument(args);
  onlyKeys(value, ['role']);
  const { role } = value;
  if (typeof role !== 'string' || !(SYNC_FOLDER_ROLES as readonly string[]).includes(role)) fail(`role must be one of ${SYNC_FOLDER_ROLES.join(', ')}`);
  return { role: role as SyncFolderRole };
}

/** A request naming one token main handed out (an inbox file, a chosen file). */
function validateTokenRequest(args: readonly unknown[]): { token: string } {
  const value = onlyArgument(args);
  onlyKeys(value, ['token']);
  return { token: validateToken(value.token, 'token') };
}

/** One validator per call, each stamped with its call: the only validators `handle` accepts. */
export const VALIDATORS: { readonly [K in BridgeCall]: CallValidator<K> } = {
  getAppInfo: validatorOf('getAppInfo', noArguments),
  saveFile: validatorOf('saveFile', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['suggestedName', 'kind', 'bytes']);
    return {
      suggestedName: validateFileName(value.suggestedName),
      kind: validateKind(value.kind),
      bytes: validateBytes(value.bytes),
    };
  }),
  beginSave: validatorOf('beginSave', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['suggestedName', 'kind']);
    return { suggestedName: validateFileName(value.suggestedName), kind: validateKind(value.kind) };
  }),
  writeSave: validatorOf('writeSave', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['stream', 'bytes']);
    return { stream: validateStream(value.stream), bytes: validateBytes(value.bytes) };
  }),
  finishSave: validatorOf('finishSave', validateStreamRequest),
  abortSave: validatorOf('abortSave', validateStreamRequest),
  openFiles: validatorOf('openFiles', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['kind', 'multiple']);
    if (typeof value.multiple !== 'boolean') fail('multiple must be a boolean');
    return { kind: validateKind(value.kind), multiple: value.multiple };
  }),
  openFolder: validatorOf('openFolder', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['kind']);
    return { kind: validateKind(value.kind) };
  }),
  readChosenFile: validatorOf('readChosenFile', validateTokenRequest),
  printToPdf: validatorOf('printToPdf', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['suggestedName']);
    return { suggestedName: validateFileName(value.suggestedName) };
  }),
  getDiagnostics: validatorOf('getDiagnostics', validateLanguageRequest),
  copyDiagnostics: validatorOf('copyDiagnostics', validateLanguageRequest),
  setShellLanguage: validatorOf('setShellLanguage', validateLanguageRequest),
  takeOpenFileRequests: validatorOf('takeOpenFileRequests', noArguments),
  writeBackup: validatorOf('writeBackup', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['bytes']);
    return { bytes: validateBytes(value.bytes) };
  }),
  listBackups: validatorOf('listBackups', noArguments),
  readBackup: validatorOf('readBackup', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['name']);
    if (typeof value.name !== 'string' || !BACKUP_NAME_PATTERN.test(value.name)) fail('name must be a backup name');
    return { name: value.name };
  }),
  secretStorageAvailable: validatorOf('secretStorageAvailable', noArguments),
  sealSecret: validatorOf('sealSecret', validateSecretRequest),
  unsealSecret: validatorOf('unsealSecret', validateSecretRequest),
  getSyncFolders: validatorOf('getSyncFolders', noArguments),
  chooseSyncFolder: validatorOf('chooseSyncFolder', validateFolderRequest),
  forgetSyncFolder: validatorOf('forgetSyncFolder', validateFolderRequest),
  writeOutboxFile: validatorOf('writeOutboxFile', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['handle', 'suggestedName', 'bytes']);
    return { handle: validateToken(value.handle, 'handle'), suggestedName: validateFileName(value.suggestedName), bytes: validateBytes(value.bytes) };
  }),
  takeInboxFiles: validatorOf('takeInboxFiles', noArguments),
  readInboxFile: validatorOf('readInboxFile', validateTokenRequest),
  settleInboxFile: validatorOf('settleInboxFile', (args) => {
    const value = onlyArgument(args);
    onlyKeys(value, ['token', 'outcome']);
    const { outcome } = value;
    if (typeof outcome !== 'string' || !(INBOX_OUTCOMES as readonly string[]).includes(outcome)) fail(`outcome must be one of ${INBOX_OUTCOMES.join(', ')}`);
    return { token: validateToken(value.token, 'token'), outcome: outcome as InboxOutcome };
  }),
  rescanInbox: validatorOf('rescanInbox', noArguments),
  quitReady: validatorOf('quitReady', noArguments),
};
