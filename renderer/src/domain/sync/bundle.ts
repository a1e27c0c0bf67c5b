/**
 * The `.relais` bundle file: what a mediator carries to a coordinator on a USB stick.
 *
 *   file  = header | body
 *   header (14 bytes) = magic "\x89RELAIS\n" | container format (1 byte) | protection (1 byte)
 *                       | body length (uint32, big-endian: a shorter file is "truncated")
 *   body  = inner, or the age encryption of inner (X25519 recipient = a coordinator's card, or scrypt
 *           passphrase)
 *   inner = manifest length (uint32) | manifest JSON | signature length (uint16) | Ed25519 signature
 *           | payload
 *   payload = gzip of JSON lines, one `{"kind": …, "record": …}` per record
 *
 * The signature covers the manifest bytes, and the manifest holds the SHA-256 of the payload, so one
 * signature vouches for everything. The manifest sits inside the encryption: a lost stick reveals nothing.
 *
 * Opening validates everything before anything is written (design.md promise 5): magic, format, sizes
 * (absolute caps; inflated bytes are counted, declared sizes never trusted), decryption, signature,
 * payload hash, JSON safety, and every record (structure + domain validator).
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { isRecordKind, RECORD_KIND_DECLARATIONS, RECORD_KINDS, type RecordKind } from '../kinds';
import { DEVICE_ID_PATTERN, UUID_PATTERN } from '../ids';
import { BundleError } from './errors';
import { sha256Hex, verify, type Signer } from './keys';
import { isPlainObject, parseSafeObject } from './safety';
import { checkRecord, createStampCache, type BundleEntry, type ValidatorRegistry } from './records';
import type { SyncRecord } from './merge';

/** Bump when a reader of the previous format could misread the new one. */
export const BUNDLE_FORMAT = 1;
export const BUNDLE_MAGIC = new Uint8Array([0x89, 0x52, 0x45, 0x4c, 0x41, 0x49, 0x53, 0x0a]);
const HEADER_BYTES = BUNDLE_MAGIC.length + 1 + 1 + 4;

export const PROTECTIONS = ['none', 'recipient', 'passphrase'] as const;
export type Protection = (typeof PROTECTIONS)[number];
export type BundleKind = 'changes' | 'full';

export interface BundleLimits {
  /** Whole file (same cap as the desktop bridge). */
  maxFileBytes: number;
  maxManifestBytes: number;
  /** Bytes actually produced while inflating the payload (a compression bomb stops here). */
  maxInflatedBytes: number;
  maxRecords: number;
  /** One JSON line (one record). */
  maxRecordBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxManifestBytes: 256 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRecords: 2_000_000,
  maxRecordBytes: 1024 * 1024,
};

/** age's own default; tests lower it (scrypt is deliberately slow). */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

/**
 * The highest scrypt work factor (log2 N) a passphrase bundle may ask of us, checked in the age header
 * before any work. The reference `age` CLI accepts up to 22 (its `NewScryptIdentity` default, "15 s on
 * a modern machine"); the age-encryption library we decrypt with stops at 20, with no setting to go
 * further — and 2^20 already takes 1 GiB of memory in the Worker. So 20: a hostile file cannot make the
 * app grind (or run out of memory) for minutes, and what Relais and the age CLI write (18) opens.
 */
export const MAX_SCRYPT_WORK_FACTOR = 20;

export interface BundleSource {
  deviceId: string;
  /** Ed25519 public key, raw, base64. */
  signingKey: string;
  name: string;
  structure: string;
}

export interface BundleManifest {
  format: number;
  app: string;
  bundleId: string;
  kind: BundleKind;
  createdAt: string;
  /** When the previous export of the source ended (start of "changes since"), null for the first. */
  since: string | null;
  source: BundleSource;
  /** The source device's change counters covered (inclusive): lets receivers see missing bundles. */
  range: { from: number; to: number };
  counts: Partial<Record<RecordKind, number>>;
  recordCount: number;
  /** True when any record is personal data: then the bundle is always encrypted. */
  personalData: boolean;
  protection: Protection;
  payloadSha256: string;
}

export type ProtectionInput =
  | { type: 'none' }
  | { type: 'recipient'; recipient: string }
  | { type: 'passphrase'; passphrase: string; workFactor?: number };

/** What sealing needs: the manifest's descriptive fields (the rest is computed), records and keys. */
export type SealInput = Pick<BundleManifest, 'app' | 'bundleId' | 'kind' | 'createdAt' | 'since' | 'source' | 'range'> & {
  entries: BundleEntry[];
  /** Signs the manifest; its public key must be `source.signingKey`. */
  signer: Signer;
  protection: ProtectionInput;
};

/**
 * Personal data, decided once for every bundle, by the declaration of each kind (domain/kinds.ts): a
 * followed person, an activity linked to followed persons. An erased record carries no payload, so it
 * is not personal data. Free-text notes are covered by the warning near every free-text field (users
 * must not type sensitive data there).
 */
export function isPersonalData(entry: BundleEntry): boolean {
  return !entry.record.erased && RECORD_KIND_DECLARATIONS[entry.kind].personalData(entry.record);
}

function containsPersonalData(entries: readonly BundleEntry[]): boolean {
  return entries.some(isPersonalData);
}

// ---------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------

/**
 * One JSON line of the payload; `seq` is a local counter, meaningless elsewhere. Set to undefined (which
 * JSON leaves out) rather than deleted: `delete` turns the copy into a slow dictionary object.
 */
function encodeLine({ kind, record }: BundleEntry): string {
  return JSON.stringify({ kind, record: { ...record, seq: undefined } });
}

/** Read a stream to its end, keeping its chunks (the compressed payload: ~13 % of the JSON). */
async function collectChunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/** What a finished payload carries into the manifest. */
export interface SealedPayload {
  bytes: Uint8Array;
  counts: Partial<Record<RecordKind, number>>;
  recordCount: number;
  personalData: boolean;
}

/**
 * The payload, written batch by batch: each batch of records becomes JSON lines that go straight into
 * the browser's native gzip (`CompressionStream`), so the whole JSON of a 100k-record export never sits
 * in memory as one string (it weighs ~150 MB; only its compressed form, ~13 % of that, is kept).
 */
export class PayloadWriter {
  private readonly compressor = new CompressionStream('gzip');
  private readonly writer = this.compressor.writable.getWriter();
  private readonly output = collectChunks(this.compressor.readable);
  private readonly encoder = new TextEncoder();
  private readonly counts: Partial<Record<RecordKind, number>> = {};
  private recordCount = 0;
  private personalData = false;

  constructor() {
    this.output.catch(() => undefined); // an aborted writer rejects it: reported by `abort`'s caller
  }

  /** Serialise and compress one batch (a chunk read from a table). */
  async add(entries: readonly BundleEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const lines: string[] = [];
    for (const entry of entries) {
      lines.push(encodeLine(entry));
      this.counts[entry.kind] = (this.counts[entry.kind] ?? 0) + 1;
      if (!this.personalData && isPersonalData(entry)) this.personalData = true;
    }
    this.recordCount += entries.length;
    lines.push(''); // every line ends with \n: batches concatenate cleanly
    await this.writer.write(this.encoder.encode(lines.join('\n')));
  }

  async finish(): Promise<SealedPayload> {
    await this.writer.close();
    const bytes = concat(await this.output);
    return { bytes, counts: { ...this.counts }, recordCount: this.recordCount, personalData: this.personalData };
  }

  /** Give up (a read failed): frees the compressor. */
  async abort(reason: unknown): Promise<void> {
    await this.writer.abort(reason).catch(() => undefined);
  }
}

function countByKind(entries: readonly BundleEntry[]): Partial<Record<RecordKind, number>> {
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const { kind } of entries) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function uint16(value: number): Uint8Array {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, value);
  return bytes;
}

async function encrypt(inner: Uint8Array, protection: ProtectionInput): Promise<Uint8Array> {
  if (protection.type === 'none') return inner;
  const encrypter = new Encrypter();
  if (protection.type === 'recipient') encrypter.addRecipient(protection.recipient);
  else {
    encrypter.setScryptWorkFactor(protection.workFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
    encrypter.setPassphrase(protection.passphrase);
  }
  return encrypter.encrypt(inner);
}

export function frame(protection: Protection, body: Uint8Array, format = BUNDLE_FORMAT): Uint8Array {
  return concat([BUNDLE_MAGIC, new Uint8Array([format, PROTECTIONS.indexOf(protection)]), uint32(body.length), body]);
}

/** Records are serialised in batches of this size when a whole list is sealed at once. */
const SEAL_BATCH = 2000;

/** Build, sign and (when asked or needed) encrypt a bundle. Personal data is never written in clear. */
export async function sealBundle(input: SealInput): Promise<{ bytes: Uint8Array; manifest: BundleManifest }> {
  const { entries, ...rest } = input;
  if (containsPersonalData(entries) && input.protection.type === 'none') {
    throw new Error('a bundle holding personal data must be encrypted');
  }
  const writer = new PayloadWriter();
  for (let i = 0; i < entries.length; i += SEAL_BATCH) await writer.add(entries.slice(i, i + SEAL_BATCH));
  return sealPayload(rest, await writer.finish());
}

/**
 * Sign and encrypt an already written payload (the streaming export writes it table by table). The
 * manifest holds the SHA-256 of the compressed payload: small, hashed in one go, covered by the signature.
 */
export async function sealPayload(input: Omit<SealInput, 'entries'>, payload: SealedPayload): Promise<{ bytes: Uint8Array; manifest: BundleManifest }> {
  if (payload.personalData && input.protection.type === 'none') {
    throw new Error('a bundle holding personal data must be encrypted');
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    app: input.app,
    bundleId: input.bundleId,
    kind: input.kind,
    createdAt: input.createdAt,
    since: input.since,
    source: input.source,
    range: input.range,
    counts: payload.counts,
    recordCount: payload.recordCount,
    personalData: payload.personalData,
    protection: input.protection.type,
    payloadSha256: await sha256Hex(payload.bytes),
  };
  if (input.source.signingKey !== input.signer.publicKey) throw new Error('a bundle is signed by its source\'s key');
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const signature = await input.signer.sign(manifestBytes);
  const inner = concat([uint32(manifestBytes.length), manifestBytes, uint16(signature.length), signature, payload.bytes]);
  const body = await encrypt(inner, input.protection);
  return { bytes: frame(input.protection.type, body), manifest };
}

// ---------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------

export interface BundleHeader {
  format: number;
  protection: Protection;
}

/**
 * How a file says it is protected, from its clear header alone, or undefined when it is not a bundle
 * (opening it then says why): lets the screen unseal this device's keys only for a bundle sent to them.
 */
export function bundleProtection(bytes: Uint8Array): Protection | undefined {
  try {
    return peekBundle(bytes).protection;
  } catch {
    return undefined;
  }
}

/** Read the clear header: enough to know whether to ask for a passphrase. Checks format and sizes. */
function peekBundle(bytes: Uint8Array, limits: BundleLimits = DEFAULT_LIMITS): BundleHeader {
  if (bytes.length > limits.maxFileBytes) throw new BundleError('tooLarge', `file of ${bytes.length} bytes`, 'file');
  if (bytes.length < BUNDLE_MAGIC.length || BUNDLE_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new BundleError('notABundle');
  }
  if (bytes.length < HEADER_BYTES) throw new BundleError('truncated', 'header', 'header');
  const format = bytes[BUNDLE_MAGIC.length];
  if (format > BUNDLE_FORMAT) throw new BundleError('newerFormat', `format ${format}`, 'container');
  if (format < 1) throw new BundleError('corrupted', `format ${format}`, 'format');
  const protection = PROTECTIONS[bytes[BUNDLE_MAGIC.length + 1]];
  if (!protection) throw new BundleError('corrupted', 'protection byte', 'protection');
  const declared = new DataView(bytes.buffer, bytes.byteOffset + BUNDLE_MAGIC.length + 2, 4).getUint32(0);
  const actual = bytes.length - HEADER_BYTES;
  if (actual < declared) throw new BundleError('truncated', `${actual} of ${declared} bytes`, 'body');
  if (actual > declared) throw new BundleError('corrupted', 'trailing bytes', 'trailingBytes');
  return { format, protection };
}

export interface OpenSecrets {
  /**
   * This device's age identity (for bundles encrypted to our card): its non-extractable X25519 key in
   * the app, an `AGE-SECRET-KEY-1…` string in tests and tools.
   */
  identity?: CryptoKey | string;
  passphrase?: string;
}

/** The work factors the scrypt stanzas of an age header ask for (its text lines, before `---`). */
export function scryptWorkFactors(body: Uint8Array): number[] {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 4096));
  const end = head.indexOf('\n---');
  const factors: number[] = [];
  for (const line of (end === -1 ? head : head.slice(0, end)).split('\n')) {
    const args = line.split(' ');
    if (args[0] === '->' && args[1] === 'scrypt' && /^[0-9]+$/.test(args[3] ?? '')) factors.push(Number(args[3]));
  }
  return factors;
}

async function decrypt(body: Uint8Array, protection: Protection, secrets: OpenSecrets): Promise<Uint8Array> {
  if (protection === 'none') return body;
  const decrypter = new Decrypter();
  if (protection === 'passphrase') {
    // Refused from the header, before asking for the passphrase: the work would be done for nothing.
    const factor = Math.max(0, ...scryptWorkFactors(body));
    if (factor > MAX_SCRYPT_WORK_FACTOR) throw new BundleError('workFactorTooHigh', `log2 N = ${factor}`);
    if (!secrets.passphrase) throw new BundleError('needsPassphrase');
    decrypter.addPassphrase(secrets.passphrase);
  } else {
    if (!secrets.identity) throw new BundleError('wrongKey', 'no identity on this device', 'noIdentity');
    try {
      decrypter.addIdentity(secrets.identity);
    } catch {
      throw new BundleError('wrongKey', 'invalid identity', 'invalidIdentity');
    }
  }
  try {
    return await decrypter.decrypt(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('no identity matched')) {
      throw new BundleError(protection === 'passphrase' ? 'wrongPassphrase' : 'notForThisUser');
    }
    if (message.includes('work factor')) throw new BundleError('workFactorTooHigh', message);
    throw new BundleError('corrupted', message, 'encryption');
  }
}

interface InnerParts {
  manifestBytes: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
}

function splitInner(inner: Uint8Array, limits: BundleLimits): InnerParts {
  const view = new DataView(inner.buffer, inner.byteOffset, inner.byteLength);
  if (inner.length < 4) throw new BundleError('truncated', 'manifest length', 'inner');
  const manifestLength = view.getUint32(0);
  if (manifestLength > limits.maxManifestBytes) throw new BundleError('tooLarge', `manifest of ${manifestLength} bytes`, 'manifest');
  if (inner.length < 4 + manifestLength + 2) throw new BundleError('truncated', 'manifest', 'inner');
  const signatureLength = view.getUint16(4 + manifestLength);
  const signatureStart = 4 + manifestLength + 2;
  if (signatureLength !== 64) throw new BundleError('badSignature', `signature of ${signatureLength} bytes`, 'length');
  if (inner.length < signatureStart + signatureLength) throw new BundleError('truncated', 'signature', 'inner');
  return {
    manifestBytes: inner.subarray(4, 4 + manifestLength),
    signature: inner.subarray(signatureStart, signatureStart + signatureLength),
    payload: inner.subarray(signatureStart + signatureLength),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isShortText(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** Every manifest field has the expected type; anything else means a damaged or forged file. */
function readManifest(bytes: Uint8Array, limits: BundleLimits): BundleManifest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('corrupted', 'manifest encoding', 'manifest');
  }
  const m = parseSafeObject(text, 'manifest');
  if (isCount(m.format) && m.format > BUNDLE_FORMAT) throw new BundleError('newerFormat', `manifest format ${m.format}`, 'manifest');
  const source = m.source as Record<string, unknown> | undefined;
  const range = m.range as Record<string, unknown> | undefined;
  const ok = m.format === BUNDLE_FORMAT
    && isShortText(m.app, 40)
    && typeof m.bundleId === 'string' && UUID_PATTERN.test(m.bundleId)
    && (m.kind === 'changes' || m.kind === 'full')
    && isShortText(m.createdAt, 40) && Number.isFinite(Date.parse(m.createdAt as string))
    && (m.since === null || (isShortText(m.since, 40) && Number.isFinite(Date.parse(m.since as string))))
    && isPlainObject(source)
    && typeof source.deviceId === 'string' && DEVICE_ID_PATTERN.test(source.deviceId)
    && isShortText(source.signingKey, 100) && isShortText(source.name) && isShortText(source.structure)
    && isPlainObject(range) && isCount(range.from) && isCount(range.to)
    && isPlainObject(m.counts) && Object.entries(m.counts).every(([k, v]) => isRecordKind(k) && isCount(v))
    && isCount(m.recordCount)
    && typeof m.personalData === 'boolean'
    && (PROTECTIONS as readonly unknown[]).includes(m.protection)
    && typeof m.payloadSha256 === 'string' && /^[0-9a-f]{64}$/.test(m.payloadSha256);
  if (!ok) throw new BundleError('corrupted', 'manifest fields', 'manifest');
  if ((m.recordCount as number) > limits.maxRecords) throw new BundleError('tooLarge', `${m.recordCount as number} records`, 'recordCount');
  return m as unknown as BundleManifest;
}

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1000×, so ≤ ~16 MB out per push. */
const INFLATE_PUSH = 16 * 1024;

/** Feed the payload to the inflater in small pushes, each after the previous one was taken. */
async function feedInflater(writer: WritableStreamDefaultWriter<BufferSource>, payload: Uint8Array): Promise<void> {
  for (let offset = 0; offset < payload.length; offset += INFLATE_PUSH) {
    await writer.ready;
    // Our bytes live in an ordinary ArrayBuffer (never shared): the cast only narrows the type.
    const push = payload.subarray(offset, offset + INFLATE_PUSH) as Uint8Array<ArrayBuffer>;
    void writer.write(push).catch(() => undefined);
  }
  await writer.close();
}

/** A gzip stream that ends early is "truncated"; anything else the inflater refuses is "corrupted". */
function inflateError(error: unknown): BundleError {
  if (error instanceof BundleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return /truncat|unexpected end|incomplete/i.test(message)
    ? new BundleError('truncated', message, 'compression')
    : new BundleError('corrupted', message, 'compression');
}

/**
 * Inflate the payload with the native `DecompressionStream`, counting the bytes really produced as they
 * come out (declared sizes are never trusted: a compression bomb stops at the limit), and hand complete
 * lines to `onLine` as they arrive: neither a bomb nor a huge bundle ever sits in memory as one string.
 */
async function inflateLines(payload: Uint8Array, limits: BundleLimits, onLine: (line: string) => void): Promise<void> {
  if (payload.length === 0) throw new BundleError('truncated', 'empty payload', 'payload');
  const inflater = new DecompressionStream('gzip');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const feeding = feedInflater(writer, payload).catch(() => undefined); // its errors surface in `read`
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let inflated = 0;
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      inflated += value.length;
      if (inflated > limits.maxInflatedBytes) throw new BundleError('tooLarge', 'inflated payload', 'inflated');
      pending = emitLines(pending + decoder.decode(value, { stream: true }), onLine);
      if (pending.length > limits.maxRecordBytes) throw new BundleError('tooLarge', 'record', 'record');
    }
    pending += decoder.decode();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    throw inflateError(error);
  }
  await feeding;
  if (pending.length > 0) onLine(pending);
}

/** Hand every complete line of `text` to `onLine`; returns the unfinished tail. */
function emitLines(text: string, onLine: (line: string) => void): string {
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    onLine(text.slice(start, end));
    start = end + 1;
  }
  return text.slice(start);
}

export interface QuarantinedEntry extends BundleEntry {
  /** The stamp too far in the future. */
  stamp: string;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  entries: BundleEntry[];
  quarantined: QuarantinedEntry[];
  /**
   * True when the receiver already holds this bundle (`isKnownBundle`): its records were not even
   * inflated, `entries` and `quarantined` are empty, and importing it changes nothing.
   */
  alreadyImported?: boolean;
  /**
   * Records left out because this database already holds them (merging them changes nothing and logs
   * no conflict), counted as unchanged: set by `leaveOutHeldRecords` (db/sync/import/leaveOutHeld.ts)
   * where the bundle is opened, so that a re-import neither clones nor merges 100k records twice. `seq`
   * is the change counter when they were compared: the importer refuses the bundle if the database
   * went back since.
   */
  alreadyHeld?: { count: number; seq: number };
}

export interface OpenOptions {
  validators: ValidatorRegistry;
  /** Receiver's wall clock (ms); stamps beyond now + 24 h are quarantined. */
  now?: number;
  limits?: BundleLimits;
  /**
   * Does the receiver's import history hold this bundle id? Asked right after the signature and the
   * payload hash are checked, so a bundle imported before is recognised without inflating its records.
   */
  isKnownBundle?: (bundleId: string) => boolean | Promise<boolean>;
}

/** Up to this many invalid records are described in the error (enough to understand, not a flood). */
const MAX_REPORTED_INVALID = 5;

async function parseEntries(payload: Uint8Array, manifest: BundleManifest, options: OpenOptions, limits: BundleLimits):
  Promise<{ entries: BundleEntry[]; quarantined: QuarantinedEntry[] }> {
  const now = options.now ?? Date.now();
  const entries: BundleEntry[] = [];
  const quarantined: QuarantinedEntry[] = [];
  const invalid: string[] = [];
  let count = 0;
  const stamps = createStampCache(); // records of one bundle share few stamps: parse each once
  await inflateLines(payload, limits, (line) => {
    if (line.length === 0) return;
    count += 1;
    if (count > limits.maxRecords || count > manifest.recordCount) throw new BundleError('tooLarge', 'more records than declared', 'moreRecords');
    const item = parseSafeObject(line, `record ${count}`); // refuses __proto__ & co. at any depth
    const kind = item.kind;
    if (!isRecordKind(kind)) {
      invalid.push(`#${count}: kind`);
      return;
    }
    const check = checkRecord(kind, item.record, options.validators, now, stamps);
    if (check.status === 'invalid') {
      const issues = check.issues?.map((i) => `${i.field}:${i.code}`).join(',') ?? '';
      if (invalid.length < MAX_REPORTED_INVALID) invalid.push(`${kind} #${count}: ${check.reason} ${issues}`.trim());
      else invalid.push('');
      return;
    }
    const record = item.record as SyncRecord;
    if (record.seq !== undefined) delete record.seq; // never in our bundles; a forged one could carry it
    if (check.status === 'future') quarantined.push({ kind, record, stamp: check.stamp });
    else entries.push({ kind, record });
  });
  if (invalid.length > 0) {
    throw new BundleError('invalidRecords', `${invalid.length} invalid: ${invalid.filter(Boolean).join('; ')}`);
  }
  if (count !== manifest.recordCount) throw new BundleError('corrupted', `${count} records, ${manifest.recordCount} declared`, 'counts');
  return { entries, quarantined };
}

/**
 * Decrypt, verify and validate a bundle. Throws a BundleError (with its code) on any problem; returns
 * only fully checked records. Nothing here touches a database.
 */
export async function openBundle(bytes: Uint8Array, secrets: OpenSecrets, options: OpenOptions): Promise<OpenedBundle> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const header = peekBundle(bytes, limits);
  const inner = await decrypt(bytes.subarray(HEADER_BYTES), header.protection, secrets);
  const { manifestBytes, signature, payload } = splitInner(inner, limits);
  const manifest = readManifest(manifestBytes, limits);
  if (!(await verify(manifest.source.signingKey, signature, manifestBytes))) throw new BundleError('badSignature', 'does not verify', 'mismatch');
  // The protection is signed too: a clear copy of an encrypted bundle cannot pass for the original.
  if (manifest.protection !== header.protection) throw new BundleError('badSignature', 'protection changed', 'protectionChanged');
  if ((await sha256Hex(payload)) !== manifest.payloadSha256) throw new BundleError('corrupted', 'payload hash', 'payloadHash');
  if (options.isKnownBundle && (await options.isKnownBundle(manifest.bundleId))) {
    return { manifest, entries: [], quarantined: [], alreadyImported: true };
  }
  const { entries, quarantined } = await parseEntries(payload, manifest, options, limits);
  const actual = countByKind([...entries, ...quarantined]);
  for (const kind of RECORD_KINDS) {
    if ((actual[kind] ?? 0) !== (manifest.counts[kind] ?? 0)) throw new BundleError('corrupted', `count of ${kind}`, 'counts');
  }
  return { manifest, entries, quarantined };
}
