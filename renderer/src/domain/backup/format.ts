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

async function gzip(chunks: Uint8Array[]): Promise<Uint8Array> {
  const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflate, counting the bytes really produced (never the sizes a file declares). */
async function gunzip(bytes: Uint8Array): Promise<string> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BACKUP_INFLATED_BYTES) {
      await reader.cancel();
      throw new BackupError('tooLarge');
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Rows serialised a few thousand at a time: one string per batch, not one per row nor one for all. */
const LINES_PER_PART = 2000;

function bodyParts(content: BackupContent): Uint8Array[] {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [table, rows] of Object.entries(content.tables)) {
    for (let start = 0; start < rows.length; start += LINES_PER_PART) {
      const lines = rows.slice(start, start + LINES_PER_PART).map((row) => JSON.stringify({ table, row }));
      parts.push(encoder.encode(`${lines.join('\n')}\n`));
    }
  }
  return parts;
}

export interface EncodeOptions {
  app: string;
  createdAt: string;
  /** age X25519 recipients (`age1…`): this laptop's own, and any other. */
  recipients: string[];
  /** The recovery key, when the person set a recovery passphrase. */
  recovery?: RecoveryKey;
}

export async function encodeBackup(content: BackupContent, options: EncodeOptions): Promise<Uint8Array> {
  const recipients = [...options.recipients, ...(options.recovery ? [options.recovery.recipient] : [])];
  if (recipients.length === 0) throw new Error('a backup is always encrypted: give it a recipient');
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    app: options.app,
    createdAt: options.createdAt,
    schemaVersion: content.schemaVersion,
    counts: Object.fromEntries(Object.entries(content.tables).map(([table, rows]) => [table, rows.length])),
    ...(options.recovery ? { recovery: options.recovery } : {}),
  };
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const body = await encrypter.encrypt(await gzip(bodyParts(content)));
  const head = new TextEncoder().encode(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
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

export async function decodeBackup(bytes: Uint8Array, secrets: BackupSecrets): Promise<{ header: BackupHeader; content: BackupContent }> {
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
  const tables: Record<string, unknown[]> = {};
  const text = await gunzip(inner);
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let entry: { table?: unknown; row?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      throw new BackupError('corrupted', 'line');
    }
    if (typeof entry.table !== 'string' || entry.row === undefined) throw new BackupError('corrupted', 'line');
    (tables[entry.table] ??= []).push(entry.row);
  }
  if (Object.keys(tables).some((table) => !(table in header.counts))) throw new BackupError('corrupted', 'a table the header does not count');
  for (const [table, count] of Object.entries(header.counts)) {
    if ((tables[table]?.length ?? 0) !== count) throw new BackupError('corrupted', `count of ${table}`);
  }
  return { header, content: { schemaVersion: header.schemaVersion, tables } };
}
