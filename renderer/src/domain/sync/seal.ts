/**
 * Seals: the author's signature on a record it alone may change (domain/kinds.ts, ownership
 * `author`), so that a device relaying the record — a coordinator forwarding her team's work — can
 * prove it is the author's, unaltered. A seal is an Ed25519 signature by the author's key over the
 * record's synced content in canonical JSON (sorted keys; without the local `seq`, the receiver's
 * `updatedAt` and the seal itself), prefixed with the record's kind.
 *
 * The author seals its records when it exports them (db/sync/seal.ts) and keeps the seal with the
 * record; receivers store it as it came and relays forward it. Only a relayed record's seal is
 * checked (`verifyRelayedSeals`): a bundle's own records are vouched for by the bundle's signature.
 * Ed25519 signatures are deterministic, so one version of a record always has the same seal.
 */
import { canonicalJson } from '../canonical';
import type { RecordKind } from '../kinds';
import { AUTHORED_KINDS } from '../kinds';
import { fromBase64, toBase64, verifierOf } from './keys';
import type { SyncRecord } from './merge';
import type { BundleEntry } from './records';
import type { SignedCard } from './card';
import type { OpenedBundle } from './bundle';

const SEALED = new Set<RecordKind>(AUTHORED_KINDS);
const encoder = new TextEncoder();

export function isSealedKind(kind: RecordKind): boolean {
  return SEALED.has(kind);
}

/** The bytes an author signs for one version of a record. */
export function sealMessage(kind: RecordKind, record: SyncRecord): Uint8Array {
  const content: Record<string, unknown> = { ...record, seq: undefined, updatedAt: undefined, seal: undefined };
  return encoder.encode(`relais-seal-v1\n${kind}\n${canonicalJson(content)}`);
}

/** Seal records with `sign` (the author's signing function), in batches run side by side. */
export async function sealRecords(
  entries: ReadonlyArray<{ kind: RecordKind; record: SyncRecord }>,
  sign: (message: Uint8Array) => Promise<Uint8Array>,
): Promise<string[]> {
  const seals: string[] = [];
  for (let i = 0; i < entries.length; i += PARALLEL) {
    const batch = entries.slice(i, i + PARALLEL);
    seals.push(...await Promise.all(batch.map(async ({ kind, record }) => toBase64(await sign(sealMessage(kind, record))))));
  }
  return seals;
}

/** Verifications (or signatures) in flight at once: WebCrypto runs them off the JavaScript thread. */
const PARALLEL = 256;

/** Does `record` carry a seal by the key `verify` checks (`verifierOf`, one per author)? */
export async function isValidSeal(kind: RecordKind, record: SyncRecord, verify: (signature: Uint8Array, message: Uint8Array) => Promise<boolean>): Promise<boolean> {
  if (typeof record.seal !== 'string' || record.seal.length !== 88) return false;
  let signature: Uint8Array;
  try {
    signature = fromBase64(record.seal);
  } catch {
    return false;
  }
  return verify(signature, sealMessage(kind, record));
}

/**
 * For each relayed record of a sealed kind — authored by neither the sender nor the legacy ids its card
 * claims — the device id of the author whose key sealed it, when the seal checks out against a card
 * the bundle carries (the sender's or one in `authors`) that claims the record's author id. Records
 * whose seal does not check out are simply absent: the importer treats them as the sender's own
 * claim (and refuses them, or asks a person about an erasure or a deletion).
 */
export async function verifyRelayedSeals(
  entries: readonly BundleEntry[],
  sender: SignedCard,
  authors: readonly SignedCard[],
): Promise<Map<string, string>> {
  const senderIds = new Set([sender.deviceId, ...sender.legacyDeviceIds]);
  const cardOfId = new Map<string, SignedCard>();
  const verifiers = new Map<string, ReturnType<typeof verifierOf>>();
  for (const card of [sender, ...authors]) {
    verifiers.set(card.deviceId, verifierOf(card.signingKey));
    for (const id of [card.deviceId, ...card.legacyDeviceIds]) if (!cardOfId.has(id)) cardOfId.set(id, card);
  }
  const relayed = entries.filter(({ kind, record }) => isSealedKind(kind) && !senderIds.has(record.authorDevice)
    && cardOfId.has(record.authorDevice) && record.seal !== undefined);
  const sealedBy = new Map<string, string>();
  for (let i = 0; i < relayed.length; i += PARALLEL) {
    const batch = relayed.slice(i, i + PARALLEL);
    const checks = await Promise.all(batch.map(({ kind, record }) => isValidSeal(kind, record, verifiers.get(cardOfId.get(record.authorDevice)!.deviceId)!)));
    checks.forEach((ok, j) => { if (ok) sealedBy.set(batch[j].record.id, cardOfId.get(batch[j].record.authorDevice)!.deviceId); });
  }
  return sealedBy;
}

/**
 * The opened bundle with its relayed records' seals checked (run after the records already held are
 * left out, so a re-import verifies nothing it does not need).
 */
export async function withVerifiedSeals(opened: OpenedBundle): Promise<OpenedBundle> {
  if (opened.alreadyImported) return opened;
  const entries = [...opened.entries, ...opened.quarantined];
  return { ...opened, sealedBy: await verifyRelayedSeals(entries, opened.manifest.source, opened.manifest.authors) };
}
