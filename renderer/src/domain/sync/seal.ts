/**
 * Seals: how a record only its author may change (domain/kinds.ts, ownership `author`) stays provably
 * the author's when another device relays it — a coordinator forwarding her team's work.
 *
 * The author signs *statements*: a statement lists the SHA-256 digests of up to 1 000 versions of its
 * records, signed once with its Ed25519 key. Each sealed record carries, as its `seal`, the id of the
 * statement that lists it. A digest covers the record's kind and synced content in canonical JSON
 * (sorted keys; without the local `seq`, the receiver's `updatedAt` and the seal itself). A relay
 * forwards the statements its records point to; the receiver checks each statement's signature once,
 * against the author's card, and each relayed record's digest against it.
 *
 * Why statements and not one signature per record: in Chromium an Ed25519 verification costs about
 * 130 µs (run side by side), a SHA-256 digest about 6 µs; 100 000 relayed records would take 13 s to
 * check one by one, 1 s by digest (docs/decisions/0009-identity-is-the-key-and-write-rules.md).
 *
 * The author seals its records when it exports them (db/sync/seal.ts); receivers keep the statements
 * and relays forward them. A bundle's own records are vouched for by the bundle's signature: only
 * relayed records are checked (`withVerifiedSeals`).
 */
import { canonicalJson } from '../canonical';
import { AUTHORED_KINDS, type RecordKind } from '../kinds';
import { DEVICE_ID_PATTERN, UUID_PATTERN } from '../ids';
import { fromBase64, toBase64, verifierOf, type Signer } from './keys';
import type { SyncRecord } from './merge';
import type { BundleEntry } from './records';
import type { SignedCard } from './card';
import type { OpenedBundle } from './bundle';
import { isPlainObject } from './safety';

const SEALED = new Set<RecordKind>(AUTHORED_KINDS);
const encoder = new TextEncoder();

/** Record versions listed in one statement: small enough that relaying a few records costs little. */
export const STATEMENT_SIZE = 1000;
/** Digests or signatures computed side by side (WebCrypto runs them off the JavaScript thread). */
const PARALLEL = 256;

export interface Statement {
  /** UUID; what a sealed record's `seal` names. */
  id: string;
  /** The author's (key-derived) device id. */
  author: string;
  createdAt: string;
  /** SHA-256 of each listed record version (`digestOf`), base64, sorted. */
  digests: string[];
  /** The author's Ed25519 signature of `statementMessage`, base64. */
  signature: string;
}

export function isSealedKind(kind: RecordKind): boolean {
  return SEALED.has(kind);
}

/** The bytes a record version's digest covers. */
export function sealMessage(kind: RecordKind, record: SyncRecord): Uint8Array {
  const content: Record<string, unknown> = { ...record, seq: undefined, updatedAt: undefined, seal: undefined };
  return encoder.encode(`relais-seal-v1\n${kind}\n${canonicalJson(content)}`);
}

async function sha256Base64(bytes: Uint8Array): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** The digest a statement lists for one version of a record. */
export function digestOf(kind: RecordKind, record: SyncRecord): Promise<string> {
  return sha256Base64(sealMessage(kind, record));
}

async function digestsOf(entries: ReadonlyArray<{ kind: RecordKind; record: SyncRecord }>): Promise<string[]> {
  const digests: string[] = [];
  for (let i = 0; i < entries.length; i += PARALLEL) {
    digests.push(...await Promise.all(entries.slice(i, i + PARALLEL).map(({ kind, record }) => digestOf(kind, record))));
  }
  return digests;
}

/** The bytes the author signs for a statement. */
export function statementMessage(statement: Omit<Statement, 'signature'>): Uint8Array {
  return encoder.encode(['relais-statement-v1', statement.author, statement.id, statement.createdAt, ...statement.digests].join('\n'));
}

/**
 * The author's statements for these versions of its records (in groups of `STATEMENT_SIZE`), signed with
 * the author's `signer`, and the seal (statement id) of each record, in order.
 */
export async function makeStatements(
  author: string,
  entries: ReadonlyArray<{ kind: RecordKind; record: SyncRecord }>,
  signer: Pick<Signer, 'sign'>,
  newId: () => string,
  now = new Date(),
): Promise<{ statements: Statement[]; seals: string[] }> {
  const statements: Statement[] = [];
  const seals: string[] = [];
  for (let i = 0; i < entries.length; i += STATEMENT_SIZE) {
    const group = entries.slice(i, i + STATEMENT_SIZE);
    const unsigned = { id: newId(), author, createdAt: now.toISOString(), digests: [...new Set(await digestsOf(group))].sort() };
    statements.push({ ...unsigned, signature: toBase64(await signer.sign(statementMessage(unsigned))) });
    for (let j = 0; j < group.length; j++) seals.push(unsigned.id);
  }
  return { statements, seals };
}

/** A statement as read from a bundle: well formed, or null. */
export function statementOf(raw: unknown): Statement | null {
  if (!isPlainObject(raw)) return null;
  const { id, author, createdAt, digests, signature } = raw;
  const ok = typeof id === 'string' && UUID_PATTERN.test(id)
    && typeof author === 'string' && DEVICE_ID_PATTERN.test(author)
    && typeof createdAt === 'string' && createdAt.length <= 40 && Number.isFinite(Date.parse(createdAt))
    && Array.isArray(digests) && digests.length <= STATEMENT_SIZE && digests.every((d) => typeof d === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(d))
    && typeof signature === 'string' && /^[A-Za-z0-9+/]{86}==$/.test(signature);
  return ok ? { id, author, createdAt, digests: [...digests] as string[], signature } : null;
}

/**
 * For each relayed record of a sealed kind — authored by neither the sender nor a legacy id its card
 * claims — the device id of its author, when the record's digest is listed in the statement its seal
 * names, that statement is the author's, and the statement's signature checks out against the card the
 * bundle carries for that author (the sender's or one of `authors`) and that card claims the record's
 * author id. Records that do not check out are simply absent: the importer treats them as the
 * sender's own claim (and refuses them, or asks a person about an erasure or a deletion).
 */
export async function verifyRelayedSeals(
  entries: readonly BundleEntry[],
  sender: SignedCard,
  authors: readonly SignedCard[],
  statements: readonly Statement[],
): Promise<Map<string, string>> {
  const senderIds = new Set([sender.deviceId, ...sender.legacyDeviceIds]);
  const cardOfId = new Map<string, SignedCard>();
  for (const card of [sender, ...authors]) {
    for (const id of [card.deviceId, ...card.legacyDeviceIds]) if (!cardOfId.has(id)) cardOfId.set(id, card);
  }
  const relayed = entries.filter(({ kind, record }) => isSealedKind(kind) && !senderIds.has(record.authorDevice)
    && cardOfId.has(record.authorDevice) && typeof record.seal === 'string');
  const sealedBy = new Map<string, string>();
  if (relayed.length === 0) return sealedBy;
  const valid = await checkedStatements(statements, cardOfId);
  const candidates = relayed.filter(({ record }) => valid.get(record.seal as string)?.author === cardOfId.get(record.authorDevice)!.deviceId);
  const digests = await digestsOf(candidates);
  candidates.forEach(({ record }, i) => {
    const statement = valid.get(record.seal as string)!;
    if (statement.digests.has(digests[i])) sealedBy.set(record.id, statement.author);
  });
  return sealedBy;
}

/** The statements whose signature checks out against their author's card, by id, with their digests as a set. */
async function checkedStatements(statements: readonly Statement[], cardOfId: ReadonlyMap<string, SignedCard>): Promise<Map<string, { author: string; digests: Set<string> }>> {
  const verifiers = new Map<string, ReturnType<typeof verifierOf>>();
  const checks = await Promise.all(statements.map(async (statement) => {
    const card = cardOfId.get(statement.author);
    if (!card || card.deviceId !== statement.author) return false;
    let verify = verifiers.get(card.deviceId);
    if (!verify) verifiers.set(card.deviceId, (verify = verifierOf(card.signingKey)));
    try {
      return await verify(fromBase64(statement.signature), statementMessage(statement));
    } catch {
      return false;
    }
  }));
  const valid = new Map<string, { author: string; digests: Set<string> }>();
  statements.forEach((statement, i) => { if (checks[i]) valid.set(statement.id, { author: statement.author, digests: new Set(statement.digests) }); });
  return valid;
}

/**
 * The opened bundle with its relayed records' seals checked (run after the records already held are
 * left out, so a re-import checks nothing it does not need).
 */
export async function withVerifiedSeals(opened: OpenedBundle): Promise<OpenedBundle> {
  if (opened.alreadyImported) return opened;
  const entries = [...opened.entries, ...opened.quarantined];
  return { ...opened, sealedBy: await verifyRelayedSeals(entries, opened.manifest.source, opened.manifest.authors, opened.statements) };
}
