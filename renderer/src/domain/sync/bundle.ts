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
 *   payload = gzip of JSON lines, one `{"kind": …, "record": …}` per record, then one
 *             `{"statement": …}` per statement of the authors whose records it carries (./seal.ts)
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
import { BundleError, type RecordIssue } from './errors';
import { sha256Hex, verify, type Signer } from './keys';
import { isPlainObject, parseSafeObject } from './safety';
import { checkRecord, createStampCache, shareStamps, type BundleEntry, type ValidatorRegistry } from './records';
import { cardOf, isAuthenticCard, type SignedCard } from './card';
import { statementOf, type Statement } from './seal';
import { deviceIdOfKey } from './identity';
import type { SyncRecord } from './merge';

/**
 * Bump when a reader of the previous format could misread the new one. Format 2: the manifest carries
 * the sender's signed card (its device id is its key's), the intended recipient, and the cards of the
 * authors whose sealed records it relays. Format 1 (device ids not bound to keys) is refused.
 */
export const BUNDLE_FORMAT = 2;
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
/**
 * Whom the sender made the bundle for, signed with the rest: a bundle decrypted here that names
 * another card was re-encrypted by someone, and the preview says so.
 */
export type BundleRecipient =
  | { type: 'card'; deviceId: string; name: string }
  | { type: 'passphrase' }
  | { type: 'none' };

/** At most this many relayed authors' cards in one manifest (a team, not a country). */
const MAX_AUTHORS = 200;

/**
 * The highest scrypt work factor (log2 N) a passphrase bundle may ask of us, checked in the age header
 * before any work. The reference `age` CLI accepts up to 22 (its `NewScryptIdentity` default, "15 s on
 * a modern machine"); the age-encryption library we decrypt with stops at 20, with no setting to go
 * further — and 2^20 already takes 1 GiB of memory in the Worker. So 20: a hostile file cannot make the
 * app grind (or run out of memory) for minutes, and what Relais and the age CLI write (18) opens.
 */
export const MAX_SCRYPT_WORK_FACTOR = 20;

export interface BundleManifest {
  format: number;
  app: string;
  bundleId: string;
  kind: BundleKind;
  createdAt: string;
  /** When the previous export of the source ended (start of "changes since"), null for the first. */
  since: string | null;
  /** The sender's card, signed by its key: `source.signingKey` signed this manifest. */
  source: SignedCard;
  recipient: BundleRecipient;
  /** Cards of the other authors whose sealed records this bundle relays (their seals are checked against them). */
  authors: SignedCard[];
  /** The source device's change counters covered (inclusive): lets receivers see missing bundles. */
  range: { from: number; to: number };
  counts: Partial<Record<RecordKind, number>>;
  recordCount: number;
  /** Statements (./seal.ts) after the records: the authors' signed digests of the sealed records carried. */
  statementCount: number;
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
  statements?: Statement[];
  /** Signs the manifest; its public key must be `source.signingKey`. */
  signer: Signer;
  protection: ProtectionInput;
  /** The card the bundle is encrypted to (required with a `recipient` protection). */
  recipientCard?: { deviceId: string; name: string };
  authors?: SignedCard[];
};

function recipientOf(input: Omit<SealInput, 'entries' | 'statements'>): BundleRecipient {
  const { protection, recipientCard } = input;
  if (protection.type === 'recipient') {
    if (!recipientCard) throw new Error('a bundle encrypted to a card must name that card');
    return { type: 'card', deviceId: recipientCard.deviceId, name: recipientCard.name };
  }
  return { type: protection.type };
}

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
  statementCount: number;
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
  private statementCount = 0;
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

  /** The statements of the sealed records written (after every record). */
  async addStatements(statements: readonly Statement[]): Promise<void> {
    if (statements.length === 0) return;
    const lines = statements.map((statement) => JSON.stringify({ statement }));
    this.statementCount += statements.length;
    lines.push('');
    await this.writer.write(this.encoder.encode(lines.join('\n')));
  }

  async finish(): Promise<SealedPayload> {
    await this.writer.close();
    const bytes = concat(await this.output);
    return { bytes, counts: { ...this.counts }, recordCount: this.recordCount, statementCount: this.statementCount, personalData: this.personalData };
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
  const { entries, statements = [], ...rest } = input;
  if (containsPersonalData(entries) && input.protection.type === 'none') {
    throw new Error('a bundle holding personal data must be encrypted');
  }
  const writer = new PayloadWriter();
  for (let i = 0; i < entries.length; i += SEAL_BATCH) await writer.add(entries.slice(i, i + SEAL_BATCH));
  await writer.addStatements(statements);
  return sealPayload(rest, await writer.finish());
}

/**
 * Sign and encrypt an already written payload (the streaming export writes it table by table). The
 * manifest holds the SHA-256 of the compressed payload: small, hashed in one go, covered by the signature.
 */
export async function sealPayload(input: Omit<SealInput, 'entries' | 'statements'>, payload: SealedPayload): Promise<{ bytes: Uint8Array; manifest: BundleManifest }> {
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
    recipient: recipientOf(input),
    authors: input.authors ?? [],
    range: input.range,
    counts: payload.counts,
    recordCount: payload.recordCount,
    statementCount: payload.statementCount,
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
  if (format === 1) throw new BundleError('olderFormat', 'format 1');
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

/** A card inside a manifest: well formed, or the manifest is damaged (a forged one fails its signature later). */
function manifestCard(raw: unknown): SignedCard {
  try {
    return cardOf(raw);
  } catch {
    throw new BundleError('corrupted', 'manifest card', 'manifest');
  }
}

/** The recipient, consistent with the protection the header and the signature agree on. */
function isRecipient(value: unknown, protection: unknown): value is BundleRecipient {
  if (!isPlainObject(value)) return false;
  if (value.type === 'card') {
    return protection === 'recipient' && typeof value.deviceId === 'string' && DEVICE_ID_PATTERN.test(value.deviceId)
      && isShortText(value.name, 80);
  }
  return (value.type === 'passphrase' || value.type === 'none') && value.type === protection;
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
  if (isCount(m.format) && m.format < BUNDLE_FORMAT) throw new BundleError('olderFormat', `manifest format ${m.format}`);
  const range = m.range as Record<string, unknown> | undefined;
  const ok = m.format === BUNDLE_FORMAT
    && isShortText(m.app, 40)
    && typeof m.bundleId === 'string' && UUID_PATTERN.test(m.bundleId)
    && (m.kind === 'changes' || m.kind === 'full')
    && isShortText(m.createdAt, 40) && Number.isFinite(Date.parse(m.createdAt as string))
    && (m.since === null || (isShortText(m.since, 40) && Number.isFinite(Date.parse(m.since as string))))
    && isRecipient(m.recipient, m.protection)
    && Array.isArray(m.authors) && m.authors.length <= MAX_AUTHORS
    && isPlainObject(range) && isCount(range.from) && isCount(range.to)
    && isPlainObject(m.counts) && Object.entries(m.counts).every(([k, v]) => isRecordKind(k) && isCount(v))
    && isCount(m.recordCount) && isCount(m.statementCount)
    && typeof m.personalData === 'boolean'
    && (PROTECTIONS as readonly unknown[]).includes(m.protection)
    && typeof m.payloadSha256 === 'string' && /^[0-9a-f]{64}$/.test(m.payloadSha256);
  if (!ok) throw new BundleError('corrupted', 'manifest fields', 'manifest');
  if ((m.recordCount as number) > limits.maxRecords) throw new BundleError('tooLarge', `${m.recordCount as number} records`, 'recordCount');
  // A bundle carries only the statements its records point to: never more than records.
  if ((m.statementCount as number) > (m.recordCount as number)) throw new BundleError('corrupted', 'more statements than records', 'manifest');
  const source = manifestCard(m.source);
  const authors = (m.authors as unknown[]).map(manifestCard);
  if (new Set(authors.map((card) => card.deviceId)).size !== authors.length) throw new BundleError('corrupted', 'repeated author', 'manifest');
  return { ...(m as unknown as BundleManifest), source, authors };
}

/**
 * Identity = key: the manifest's signer is its card's key, whose hash is the card's device id; every
 * card the bundle carries is signed by its own key. A bundle claiming a device id with another key is
 * refused with its own code.
 */
async function checkCards(manifest: BundleManifest): Promise<void> {
  for (const card of [manifest.source, ...manifest.authors]) {
    if (deviceIdOfKey(card.signingKey) !== card.deviceId) throw new BundleError('deviceIdMismatch', card.deviceId);
    if (!(await isAuthenticCard(card))) throw new BundleError('badSignature', `card of ${card.deviceId}`, 'mismatch');
  }
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
  /** The authors' statements the bundle carries (./seal.ts): well formed, signatures not yet checked. */
  statements: Statement[];
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
  /**
   * Relayed records whose author's seal checked out (`verifyRelayedSeals`, domain/sync/seal.ts): record id
   * → the author's device id. Set where the bundle is opened, after the records already held are left out.
   */
  sealedBy?: Map<string, string>;
}

export interface OpenOptions {
  validators: ValidatorRegistry;
  /** Receiver's wall clock (ms); stamps beyond now + 24 h are quarantined. */
  now?: number;
  limits?: BundleLimits;
  /**
   * Does the receiver's import history hold this bundle — this signer's bundle id, with this content
   * (`bundleKey`)? Asked right after the signature and the payload hash are checked, so a bundle imported
   * before is recognised without inflating its records.
   */
  isKnownBundle?: (key: string) => boolean | Promise<boolean>;
}

/**
 * A bundle's identity in the import history: its signer's device id, its bundle id and its payload
 * hash. A bundle id belongs to its signer: a forged bundle reusing a real one's id under another key,
 * or with other content, is another bundle and cannot make the real one look imported.
 */
export function bundleKey(manifest: Pick<BundleManifest, 'source' | 'bundleId' | 'payloadSha256'>): string {
  return bundleKeyOf(manifest.source.deviceId, manifest.bundleId, manifest.payloadSha256);
}

export function bundleKeyOf(signerDevice: string, bundleId: string, payloadSha256: string): string {
  return `${signerDevice}/${bundleId}/${payloadSha256}`;
}

/** Up to this many invalid records are described in the error (enough to understand, not a flood). */
const MAX_REPORTED_INVALID = 5;

async function parseEntries(payload: Uint8Array, manifest: BundleManifest, options: OpenOptions, limits: BundleLimits):
  Promise<{ entries: BundleEntry[]; quarantined: QuarantinedEntry[]; statements: Statement[] }> {
  const now = options.now ?? Date.now();
  const entries: BundleEntry[] = [];
  const quarantined: QuarantinedEntry[] = [];
  const statements: Statement[] = [];
  const invalid: string[] = [];
  const issues: RecordIssue[] = [];
  const seen = new Set<string>();
  let count = 0;
  const stamps = createStampCache(); // records of one bundle share few stamps: parse each once
  const sharedStamps = new Map<string, string>(); // … and hold each once (see `shareStamps`)
  const refuse = (text: string, found: RecordIssue[] = []) => {
    if (invalid.length < MAX_REPORTED_INVALID) {
      invalid.push(text);
      issues.push(...found.slice(0, MAX_REPORTED_INVALID));
    } else invalid.push('');
  };
  await inflateLines(payload, limits, (line) => {
    if (line.length === 0) return;
    const item = parseSafeObject(line, `line ${count + statements.length + 1}`); // refuses __proto__ & co. at any depth
    if (Object.hasOwn(item, 'statement')) {
      // After every record; no more than declared; well formed (signatures are checked where needed).
      const statement = statementOf(item.statement);
      if (!statement || count !== manifest.recordCount) throw new BundleError('corrupted', 'statement', 'recordLine');
      if (statements.length >= manifest.statementCount) throw new BundleError('tooLarge', 'more statements than declared', 'moreRecords');
      statements.push(statement);
      return;
    }
    count += 1;
    if (statements.length > 0) throw new BundleError('corrupted', 'record after a statement', 'recordLine');
    if (count > limits.maxRecords || count > manifest.recordCount) throw new BundleError('tooLarge', 'more records than declared', 'moreRecords');
    const kind = item.kind;
    if (!isRecordKind(kind)) {
      refuse(`#${count}: kind`);
      return;
    }
    const check = checkRecord(kind, item.record, options.validators, now, stamps);
    if (check.status === 'invalid') {
      const found = (check.issues ?? []).map((i) => ({ kind, ...i }));
      refuse(`${kind} #${count}: ${check.reason} ${found.map((i) => `${i.field}:${i.code}`).join(',')}`.trim(), found);
      return;
    }
    const record = item.record as SyncRecord;
    if (seen.has(record.id)) {
      refuse(`${kind} #${count}: repeated id`, [{ kind, field: 'id', code: 'repeatedId' }]);
      return;
    }
    seen.add(record.id);
    shareStamps(record, sharedStamps);
    if (record.seq !== undefined) delete record.seq; // never in our bundles; a forged one could carry it
    // A clear bundle never carries personal data, whatever its manifest says (as the writer refuses to).
    if (manifest.protection === 'none' && isPersonalData({ kind, record })) throw new BundleError('personalDataInClear', kind);
    if (check.status === 'future') quarantined.push({ kind, record, stamp: check.stamp });
    else entries.push({ kind, record });
  });
  if (invalid.length > 0) {
    throw new BundleError('invalidRecords', `${invalid.length} invalid: ${invalid.filter(Boolean).join('; ')}`, undefined, issues);
  }
  if (count !== manifest.recordCount) throw new BundleError('corrupted', `${count} records, ${manifest.recordCount} declared`, 'counts');
  if (statements.length !== manifest.statementCount) throw new BundleError('corrupted', `${statements.length} statements, ${manifest.statementCount} declared`, 'counts');
  return { entries, quarantined, statements };
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
  await checkCards(manifest);
  // The protection is signed too: a clear copy of an encrypted bundle cannot pass for the original.
  if (manifest.protection !== header.protection) throw new BundleError('badSignature', 'protection changed', 'protectionChanged');
  if (manifest.protection === 'none' && manifest.personalData) throw new BundleError('personalDataInClear', 'manifest');
  if ((await sha256Hex(payload)) !== manifest.payloadSha256) throw new BundleError('corrupted', 'payload hash', 'payloadHash');
  if (options.isKnownBundle && (await options.isKnownBundle(bundleKey(manifest)))) {
    return { manifest, entries: [], quarantined: [], statements: [], alreadyImported: true };
  }
  const { entries, quarantined, statements } = await parseEntries(payload, manifest, options, limits);
  const actual = countByKind([...entries, ...quarantined]);
  for (const kind of RECORD_KINDS) {
    if ((actual[kind] ?? 0) !== (manifest.counts[kind] ?? 0)) throw new BundleError('corrupted', `count of ${kind}`, 'counts');
  }
  return { manifest, entries, quarantined, statements };
}
