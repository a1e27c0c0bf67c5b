/**
 * The backup file (`.relaisbackup`), pure: a copy of a whole database, encrypted, that only this laptop
 * (its own age key) or a person knowing the recovery passphrase can open. See docs/bundle-format.md,
 * "Backups".
 *
 * Why not a sync bundle: a bundle carries what its signer may change and is judged by the trust rules on
 * arrival; a backup must give back everything the laptop held (others' records, the conflict log, held
 * changes, enrolled cards, the profile) exactly as it was.
 *
 * Why a recovery key rather than two age stanzas: age allows several X25519 recipients in one file, but
 * a passphrase (scrypt) stanza must be alone. So the passphrase seals a random X25519 identity (the
 * recovery key, in the clear header), and the body is encrypted to the device's recipient AND to the
 * recovery key's: one body, two ways in.
 *
 *   "RELAIS-BACKUP 1\n" | header JSON | "\n" | age file of gzip(JSON lines)
 *
 * Body lines: `{"table": name, "row": …}`, one per row, table after table.
 */
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { Gunzip } from 'fflate';
import { fromBase64, toBase64 } from '../sync/keys';

export const BACKUP_MAGIC = 'RELAIS-BACKUP 1\n';
export const BACKUP_FORMAT = 1;
/** scrypt's cost for the recovery passphrase: about a second here, the same as passphrase bundles. */
const RECOVERY_WORK_FACTOR = 18;
/** A header is small (counts, a sealed key): anything longer is not one of ours. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Largest inflated body read back: a gzip bomb stops here. */
export const MAX_BACKUP_INFLATED_BYTES = 2 * 1024 * 1024 * 1024;

export interface BackupHeader {
  format: number;
  app: string;
  createdAt: string;
  /** The database's schema version when it was saved. */
  schemaVersion: number;
  /** Rows per table: shown before restoring (no personal data: numbers only). */
  counts: Record<string, number>;
  /** The recovery key, sealed with the recovery passphrase (age scrypt), when one was set. */
  recovery?: { recipient: string; sealedIdentity: string };
}

export interface BackupContent {
  schemaVersion: number;
  tables: Record<string, unknown[]>;
}

/**
 * Why a restore was refused. The last three are said of a full bundle restored instead of a backup
 * (db/restore.ts): a bundle of changes only (use Import), a passphrase bundle opened without one, a
 * bundle encrypted to another laptop's card.
 */
export type BackupErrorCode = 'notABackup' | 'newerFormat' | 'needsPassphrase' | 'wrongPassphrase' | 'notForThisLaptop' | 'corrupted' | 'tooLarge'
  | 'partialBundle' | 'bundleNeedsPassphrase' | 'bundleNotForThisLaptop';

export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BackupError';
  }
}

/** A recovery key: its recipient (to encrypt backups to) and its identity sealed with the passphrase. */
export interface RecoveryKey {
  recipient: string;
  sealedIdentity: string;
}

export async function makeRecoveryKey(passphrase: string, workFactor = RECOVERY_WORK_FACTOR): Promise<RecoveryKey> {
  const identity = await generateIdentity();
  const encrypter = new Encrypter();
  encrypter.setScryptWorkFactor(workFactor);
  encrypter.setPassphrase(passphrase);
  const sealed = await encrypter.encrypt(new TextEncoder().encode(identity));
  return { recipient: await identityToRecipient(identity), sealedIdentity: toBase64(sealed) };
}

async function unsealRecoveryIdentity(recovery: RecoveryKey, passphrase: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  try {
    return new TextDecoder().decode(await decrypter.decrypt(fromBase64(recovery.sealedIdentity)));
  } catch {
    throw new BackupError('wrongPassphrase');
  }
}

/** Rows serialised a few thousand at a time: one string per batch, not one per row nor one for all. */
const LINES_PER_PART = 2000;

/**
 * Rows of one table as body lines (UTF-8). The streamed backup (db/backup.ts) writes a chunk at a time
 * and keeps the bytes in a Blob, outside the JS heap, until they are compressed and encrypted.
 */
export function encodeRows(table: string, rows: readonly unknown[]): Uint8Array {
  return new TextEncoder().encode(rows.map((row) => `${JSON.stringify({ table, row })}\n`).join(''));
}

export interface EncodeOptions {
  app: string;
  createdAt: string;
  /** age X25519 recipients (`age1…`): this laptop's own, and any other. */
  recipients: string[];
  /** The recovery key, when the person set a recovery passphrase. */
  recovery?: RecoveryKey;
}

/** A backup of tables held in memory (tests, the recovery screen's export): see `encodeBackupBody`. */
export async function encodeBackup(content: BackupContent, options: EncodeOptions): Promise<Uint8Array> {
  const parts: Blob[] = [];
  for (const [table, rows] of Object.entries(content.tables)) {
    for (let start = 0; start < rows.length; start += LINES_PER_PART) parts.push(new Blob([encodeRows(table, rows.slice(start, start + LINES_PER_PART)) as Uint8Array<ArrayBuffer>]));
  }
  const counts = Object.fromEntries(Object.entries(content.tables).map(([table, rows]) => [table, rows.length]));
  return encodeBackupBody(new Blob(parts), { schemaVersion: content.schemaVersion, counts }, options);
}

/**
 * A backup from its body lines already written (`encodeRows`, gathered in a Blob) and the rows per table
 * they hold: gzip and age encryption run as streams, so only the encrypted bytes are ever whole in memory.
 */
export async function encodeBackupBody(
  body: Blob, { schemaVersion, counts }: { schemaVersion: number; counts: Record<string, number> }, options: EncodeOptions,
): Promise<Uint8Array> {
  const recipients = [...options.recipients, ...(options.recovery ? [options.recovery.recipient] : [])];
  if (recipients.length === 0) throw new Error('a backup is always encrypted: give it a recipient');
  const header: BackupHeader = {
    format: BACKUP_FORMAT, app: options.app, createdAt: options.createdAt, schemaVersion, counts,
    ...(options.recovery ? { recovery: options.recovery } : {}),
  };
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const compressed = body.stream().pipeThrough(new CompressionStream('gzip')) as ReadableStream<Uint8Array>;
  const encrypted = new Uint8Array(await new Response(await encrypter.encrypt(compressed)).arrayBuffer());
  const head = new TextEncoder().encode(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`);
  const bytes = new Uint8Array(head.length + encrypted.length);
  bytes.set(head);
  bytes.set(encrypted, head.length);
  return bytes;
}

function isHeader(value: unknown): value is BackupHeader {
  if (!value || typeof value !== 'object') return false;
  const h = value as Record<string, unknown>;
  const recovery = h.recovery as Record<string, unknown> | undefined;
  return typeof h.format === 'number' && typeof h.app === 'string' && typeof h.createdAt === 'string'
    && typeof h.schemaVersion === 'number' && !!h.counts && typeof h.counts === 'object'
    && Object.values(h.counts).every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
    && (recovery === undefined || (typeof recovery.recipient === 'string' && typeof recovery.sealedIdentity === 'string'));
}

/** The clear header of a backup and where its encrypted body starts; refuses what is not a backup. */
export function readBackupHeader(bytes: Uint8Array): { header: BackupHeader; bodyStart: number } {
  const magic = new TextEncoder().encode(BACKUP_MAGIC);
  if (bytes.length < magic.length || magic.some((byte, i) => bytes[i] !== byte)) throw new BackupError('notABackup');
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > MAX_HEADER_BYTES) throw new BackupError('corrupted', 'header');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(magic.length, end)));
  } catch {
    throw new BackupError('corrupted', 'header');
  }
  if (!isHeader(header)) throw new BackupError('corrupted', 'header');
  if (header.format > BACKUP_FORMAT) throw new BackupError('newerFormat');
  return { header, bodyStart: end + 1 };
}

/** How to open a backup: this laptop's age identity, or the recovery passphrase (or both: either works). */
export interface BackupSecrets {
  identity?: CryptoKey | string;
  passphrase?: string;
}

/** Compressed bytes handed to the inflater at a time: a few hundred rows come out of each. */
const INFLATE_SLICE = 64 * 1024;
/** Rows handed over at a time, all of one table. */
const ROWS_PER_BATCH = 2000;

/**
 * A backup opened (decrypted: the passphrase or key was right) whose body is read line by line by
 * `forEachBatch`, never whole: the compressed bytes are kept, inflated a slice at a time.
 */
export interface OpenedBackup {
  header: BackupHeader;
  /**
   * Every row, in batches of one table's rows, checked as they come: a line that is not `{table, row}`,
   * a table the header does not count, more bytes than `MAX_BACKUP_INFLATED_BYTES`, a damaged gzip
   * stream, or (after the last batch) counts that differ from the header's throw a BackupError. Between
   * two batches the work is synchronous, so a caller may await only IndexedDB writes in `onRows` and
   * stay inside one transaction: a throw then rolls every write back.
   */
  forEachBatch(onRows: (table: string, rows: unknown[]) => Promise<void>): Promise<void>;
}

export async function openBackup(bytes: Uint8Array, secrets: BackupSecrets): Promise<OpenedBackup> {
  const { header, bodyStart } = readBackupHeader(bytes);
  const decrypter = new Decrypter();
  if (secrets.identity) decrypter.addIdentity(secrets.identity);
  if (secrets.passphrase !== undefined) {
    if (!header.recovery) throw new BackupError('notForThisLaptop', 'no recovery passphrase was set for this backup');
    decrypter.addIdentity(await unsealRecoveryIdentity(header.recovery, secrets.passphrase));
  }
  if (!secrets.identity && secrets.passphrase === undefined) throw new BackupError('needsPassphrase');
  let inner: Uint8Array;
  try {
    inner = await decrypter.decrypt(bytes.subarray(bodyStart));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('no identity matched')) throw new BackupError(header.recovery ? 'needsPassphrase' : 'notForThisLaptop');
    throw new BackupError('corrupted', message);
  }
  return { header, forEachBatch: (onRows) => readBody(inner, header, onRows) };
}

/** Inflate `inner` a slice at a time (fflate: synchronous, so no await between IndexedDB writes), line by line. */
async function readBody(inner: Uint8Array, header: BackupHeader, onRows: (table: string, rows: unknown[]) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder();
  const seen: Record<string, number> = {};
  const ready: Array<{ table: string; rows: unknown[] }> = [];
  let batch: { table: string; rows: unknown[] } | undefined;
  let rest = '';
  let inflated = 0;
  const addLine = (line: string) => {
    if (line === '') return;
    let entry: { table?: unknown; row?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      throw new BackupError('corrupted', 'line');
    }
    const { table, row } = entry;
    if (typeof table !== 'string' || row === undefined) throw new BackupError('corrupted', 'line');
    if (!Object.hasOwn(header.counts, table)) throw new BackupError('corrupted', 'a table the header does not count');
    seen[table] = (seen[table] ?? 0) + 1;
    if (!batch || batch.table !== table || batch.rows.length >= ROWS_PER_BATCH) {
      if (batch) ready.push(batch);
      batch = { table, rows: [] };
    }
    batch.rows.push(row);
  };
  const gunzip = new Gunzip((chunk) => {
    inflated += chunk.length;
    if (inflated > MAX_BACKUP_INFLATED_BYTES) throw new BackupError('tooLarge');
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) addLine(line);
  });
  const push = (slice: Uint8Array, final: boolean) => {
    try {
      gunzip.push(slice, final);
    } catch (error) {
      throw error instanceof BackupError ? error : new BackupError('corrupted', `compression: ${String(error)}`);
    }
  };
  if (inner.length === 0) throw new BackupError('corrupted', 'empty body');
  for (let offset = 0; offset < inner.length; offset += INFLATE_SLICE) {
    push(inner.subarray(offset, offset + INFLATE_SLICE), offset + INFLATE_SLICE >= inner.length);
    for (let next = ready.shift(); next; next = ready.shift()) await onRows(next.table, next.rows);
  }
  addLine(rest + decoder.decode());
  if (batch) ready.push(batch);
  for (const next of ready) await onRows(next.table, next.rows);
  for (const [table, count] of Object.entries(header.counts)) {
    if ((seen[table] ?? 0) !== count) throw new BackupError('corrupted', `count of ${table}`);
  }
}

/** A whole backup in memory (tests, a backup of an older schema that is upgraded first). */
export async function decodeBackup(bytes: Uint8Array, secrets: BackupSecrets): Promise<{ header: BackupHeader; content: BackupContent }> {
  const opened = await openBackup(bytes, secrets);
  const tables: Record<string, unknown[]> = {};
  await opened.forEachBatch(async (table, rows) => {
    const into = (tables[table] ??= []);
    for (const row of rows) into.push(row);
  });
  return { header: opened.header, content: { schemaVersion: opened.header.schemaVersion, tables } };
}
