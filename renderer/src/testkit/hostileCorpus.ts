/**
 * Test support: a corpus of hostile bundles generated on the fly (never committed as binaries), each
 * with the error code a receiver must answer. Used by db/sync/sync.test.ts and domain/sync/bundle.test.ts;
 * pure, so it also runs in a browser if an e2e test ever needs it.
 */
import { gzipSync } from 'fflate';
import { formatStamp } from '../domain/hlc';
import { recordId, uuidv7 } from '../domain/ids';
import { BUNDLE_FORMAT, frame, sealBundle, type BundleManifest, type OpenSecrets, type ProtectionInput } from '../domain/sync/bundle';
import { signCard, type SignedCard } from '../domain/sync/card';
import type { BundleErrorCode } from '../domain/sync/errors';
import { deviceIdOfKey } from '../domain/sync/identity';
import { sha256Hex } from '../domain/sync/keys';
import { testDeviceKeys, type TestKeys } from './keys';

/** What a sender needs to sign and to hand out its card: the app's DeviceKeys or test keys. */
export type SenderKeys = Pick<TestKeys, 'signer' | 'signingPublicKey' | 'ageRecipient'>;
import type { SyncRecord } from '../domain/sync/merge';
import type { BundleEntry } from '../domain/sync/records';

/** A device id for records whose author does not matter to the test (well formed, nobody's key). */
export const SENDER_DEVICE = 'a1'.repeat(16);

const DEFAULT_STAMP_MILLIS = Date.parse('2025-03-03T09:00:00.000Z');

/** A live record from `device`, every data field (and `deleted`) stamped at one moment. */
export function stampedRecord(data: Record<string, unknown>, stampMillis: number, counter: number, device = SENDER_DEVICE): SyncRecord {
  const stamp = formatStamp(stampMillis, counter, device);
  const created = new Date(stampMillis).toISOString();
  const versions: Record<string, string> = { deleted: stamp };
  for (const field of Object.keys(data)) versions[field] = stamp;
  return {
    ...data,
    id: recordId(device, stampMillis), createdAt: created, updatedAt: created, authorDevice: device,
    versions, deleted: 0, erased: 0,
  };
}

export const VILLAGE_DATA = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' };
export const PERSON_DATA = { code: 'B-42', genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', dejaAccompagne: false };

export function villageRecord(overrides: Partial<SyncRecord> = {}, stampMillis = DEFAULT_STAMP_MILLIS, device = SENDER_DEVICE): SyncRecord {
  return { ...stampedRecord(VILLAGE_DATA, stampMillis, 0, device), ...overrides };
}

export function beneficiaryRecord(stampMillis = DEFAULT_STAMP_MILLIS, device = SENDER_DEVICE): SyncRecord {
  return stampedRecord(PERSON_DATA, stampMillis, 1, device);
}

/** The signed card of a test sender (the card every bundle carries), and its device id. */
export async function testCard(keys: SenderKeys, name = 'Aïcha Benali', extra: Partial<Pick<SignedCard, 'legacyDeviceIds' | 'role'>> = {}): Promise<SignedCard> {
  return signCard({
    name, structure: 'Médiathèque de Lormes', role: extra.role ?? 'mediateur', ageRecipient: keys.ageRecipient,
    signingKey: keys.signingPublicKey, legacyDeviceIds: extra.legacyDeviceIds ?? [], createdAt: new Date(DEFAULT_STAMP_MILLIS).toISOString(),
  }, keys.signer);
}

export function deviceOf(keys: Pick<SenderKeys, 'signingPublicKey'>): string {
  return deviceIdOfKey(keys.signingPublicKey);
}

export async function sealTestBundle(
  keys: SenderKeys, entries: BundleEntry[], protection: ProtectionInput,
  extra: { source?: SignedCard; authors?: SignedCard[]; recipientCard?: { deviceId: string; name: string }; bundleId?: string; range?: { from: number; to: number } } = {},
): Promise<Uint8Array> {
  const { bytes } = await sealBundle({
    app: 'test', bundleId: extra.bundleId ?? uuidv7(), kind: 'changes', createdAt: new Date().toISOString(), since: null,
    source: extra.source ?? await testCard(keys), authors: extra.authors,
    recipientCard: extra.recipientCard ?? (protection.type === 'recipient' ? { deviceId: 'b2'.repeat(16), name: 'Bérénice Martin' } : undefined),
    range: extra.range ?? { from: 1, to: entries.length }, entries, signer: keys.signer, protection,
  });
  return bytes;
}

function uint32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** Assemble an unencrypted bundle by hand, so tests can lie in any part of it. */
export async function forgeBundle(options: {
  keys: SenderKeys;
  payloadText?: string;
  payload?: Uint8Array;
  manifest?: (m: BundleManifest) => Record<string, unknown>;
  signWith?: SenderKeys;
  manifestText?: (json: string) => string;
  format?: number;
  manifestLengthOverride?: number;
}): Promise<Uint8Array> {
  const payload = options.payload ?? gzipSync(new TextEncoder().encode(options.payloadText ?? ''));
  const lines = (options.payloadText ?? '').split('\n').filter(Boolean).length;
  const base: BundleManifest = {
    format: BUNDLE_FORMAT, app: 'test', bundleId: uuidv7(), kind: 'changes', createdAt: new Date().toISOString(), since: null,
    source: await testCard(options.keys, 'Aïcha'), recipient: { type: 'none' }, authors: [],
    range: { from: 1, to: 1 }, counts: { village: lines }, recordCount: lines, statementCount: 0, personalData: false, protection: 'none',
    payloadSha256: await sha256Hex(payload),
  };
  const manifestObject = options.manifest ? options.manifest(base) : base;
  let json = JSON.stringify(manifestObject);
  if (options.manifestText) json = options.manifestText(json);
  const manifestBytes = new TextEncoder().encode(json);
  const signature = await (options.signWith ?? options.keys).signer.sign(manifestBytes);
  const inner = new Uint8Array([
    ...uint32(options.manifestLengthOverride ?? manifestBytes.length), ...manifestBytes, 0, 64, ...signature, ...payload,
  ]);
  return frame('none', inner, options.format);
}

export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  secrets: OpenSecrets;
  expected: BundleErrorCode;
}

function line(record: SyncRecord, kind = 'village'): string {
  return JSON.stringify({ kind, record });
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] ^= 0xff;
  return copy;
}

/**
 * Every case a receiver holding `receiverIdentity` must refuse. `sender` signs; the passphrase cases use
 * `passphrase` (with a low scrypt work factor: the tests are about answers, not about scrypt's cost).
 */
export async function buildHostileCorpus(sender: SenderKeys, receiver: { identity: CryptoKey | string; recipient: string }): Promise<HostileCase[]> {
  const stranger = await testDeviceKeys();
  const good = [{ kind: 'village' as const, record: villageRecord() }, { kind: 'beneficiary' as const, record: beneficiaryRecord() }];
  const toReceiver = await sealTestBundle(sender, good, { type: 'recipient', recipient: receiver.recipient });
  const withPassphrase = await sealTestBundle(sender, good, { type: 'passphrase', passphrase: 'correct horse battery', workFactor: 4 });
  const toStranger = await sealTestBundle(sender, good, { type: 'recipient', recipient: stranger.ageRecipient });
  const me = { identity: receiver.identity };
  const validLine = line(villageRecord());
  const statementLine = JSON.stringify({ statement: { id: uuidv7(), author: SENDER_DEVICE, createdAt: new Date().toISOString(), digests: ['A'.repeat(43) + '='], signature: 'A'.repeat(86) + '==' } });
  const clear = await forgeBundle({ keys: sender, payloadText: validLine });
  const macAt = new TextDecoder('latin1').decode(toReceiver).indexOf('\n--- ') + 8;
  const zeros = gzipSync(new TextEncoder().encode('\n'.repeat(24 * 1024 * 1024)), { level: 9 });
  return [
    { name: 'truncated file', bytes: toReceiver.slice(0, toReceiver.length - 40), secrets: me, expected: 'truncated' },
    { name: 'truncated header', bytes: toReceiver.slice(0, 11), secrets: me, expected: 'truncated' },
    { name: 'flipped byte in the encrypted body', bytes: flip(toReceiver, Math.floor(toReceiver.length * 0.7)), secrets: me, expected: 'corrupted' },
    { name: 'flipped byte in the age header MAC', bytes: flip(toReceiver, macAt), secrets: me, expected: 'corrupted' },
    { name: 'flipped byte in a clear payload', bytes: flip(clear, clear.length - 5), secrets: {}, expected: 'corrupted' },
    { name: 'wrong passphrase', bytes: withPassphrase, secrets: { passphrase: 'wrong horse' }, expected: 'wrongPassphrase' },
    { name: 'passphrase missing', bytes: withPassphrase, secrets: me, expected: 'needsPassphrase' },
    { name: 'encrypted for another coordinator', bytes: toStranger, secrets: me, expected: 'notForThisUser' },
    { name: 'no key on this device', bytes: toReceiver, secrets: {}, expected: 'wrongKey' },
    { name: 'signed by someone else than the key it shows', bytes: await forgeBundle({ keys: sender, signWith: stranger, payloadText: validLine }), secrets: {}, expected: 'badSignature' },
    { name: 'manifest edited after signing', bytes: await editedAfterSigning(sender, validLine), secrets: {}, expected: 'badSignature' },
    { name: 'payload swapped (hash mismatch)', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, payloadSha256: '0'.repeat(64) }) }), secrets: {}, expected: 'corrupted' },
    { name: 'newer container format', bytes: await forgeBundle({ keys: sender, payloadText: validLine, format: BUNDLE_FORMAT + 1 }), secrets: {}, expected: 'newerFormat' },
    { name: 'newer manifest format', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, format: BUNDLE_FORMAT + 1 }) }), secrets: {}, expected: 'newerFormat' },
    { name: 'format 1 (device id not bound to the key)', bytes: await forgeBundle({ keys: sender, payloadText: validLine, format: 1 }), secrets: {}, expected: 'olderFormat' },
    { name: 'format 1 manifest inside a format 2 header', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, format: 1 }) }), secrets: {}, expected: 'olderFormat' },
    { name: 'claims a device id with another key', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, source: { ...m.source, deviceId: 'b2'.repeat(16) } }) }), secrets: {}, expected: 'deviceIdMismatch' },
    { name: 'sender card signed by someone else', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, source: { ...m.source, name: 'Quelqu’un d’autre' } }) }), secrets: {}, expected: 'badSignature' },
    { name: 'recipient that does not match the protection', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, recipient: { type: 'passphrase' } }) }), secrets: {}, expected: 'corrupted' },
    { name: 'followed person in a clear bundle', bytes: await forgeBundle({ keys: sender, payloadText: line(beneficiaryRecord(), 'beneficiary'), manifest: (m) => ({ ...m, counts: { beneficiary: 1 } }) }), secrets: {}, expected: 'personalDataInClear' },
    { name: 'clear bundle declaring personal data', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, personalData: true }) }), secrets: {}, expected: 'personalDataInClear' },
    { name: 'a statement before the records', bytes: await forgeBundle({ keys: sender, payloadText: `${statementLine}\n${validLine}`, manifest: (m) => ({ ...m, recordCount: 1, statementCount: 1 }) }), secrets: {}, expected: 'corrupted' },
    { name: 'more statements than declared', bytes: await forgeBundle({ keys: sender, payloadText: `${validLine}\n${statementLine}`, manifest: (m) => ({ ...m, recordCount: 1, counts: { village: 1 } }) }), secrets: {}, expected: 'tooLarge' },
    { name: 'a malformed statement', bytes: await forgeBundle({ keys: sender, payloadText: `${validLine}\n{"statement":{"id":"x"}}`, manifest: (m) => ({ ...m, recordCount: 1, statementCount: 1 }) }), secrets: {}, expected: 'corrupted' },
    { name: 'the same record twice', bytes: await forgeBundle({ keys: sender, payloadText: `${validLine}\n${validLine}`, manifest: (m) => ({ ...m, recordCount: 2, counts: { village: 2 } }) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'unknown fields on a followed person (nom, telephone, adresse)', bytes: await sealTestBundle(sender, [{ kind: 'beneficiary', record: personWithIdentity() }], { type: 'recipient', recipient: receiver.recipient }), secrets: me, expected: 'invalidRecords' },
    { name: 'unknown field stamped but empty', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ versions: { ...villageRecord().versions, telephone: villageRecord().versions.deleted } })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'text over its bound', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ notes: 'x'.repeat(6000), versions: { ...villageRecord().versions, notes: villageRecord().versions.deleted } })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'number out of range', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ population: 1e300, versions: { ...villageRecord().versions, population: villageRecord().versions.deleted } })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'not a bundle (text)', bytes: new TextEncoder().encode('Bonjour, voici mes activités'), secrets: {}, expected: 'notABundle' },
    { name: 'not a bundle (PDF)', bytes: new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), secrets: {}, expected: 'notABundle' },
    { name: 'empty file', bytes: new Uint8Array(0), secrets: {}, expected: 'notABundle' },
    { name: 'compression bomb', bytes: await forgeBundle({ keys: sender, payload: zeros, manifest: (m) => ({ ...m, recordCount: 1, counts: { village: 1 } }) }), secrets: {}, expected: 'tooLarge' },
    { name: 'invalid record (commune)', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ commune: { codeInsee: 'abc', nom: '', codePostal: '1' } })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'invalid record (unstamped field)', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ population: 12 })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'invalid record (bad id)', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ id: '../../etc/passwd' })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'invalid record (bad stamp)', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ versions: { commune: 'tomorrow', departement: 'x', deleted: 'y' } })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'erased record still holding data', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord({ erased: 1, deleted: 1 })) }), secrets: {}, expected: 'invalidRecords' },
    { name: 'unknown record kind', bytes: await forgeBundle({ keys: sender, payloadText: line(villageRecord(), 'password') }), secrets: {}, expected: 'invalidRecords' },
    { name: '__proto__ key in a record', bytes: await forgeBundle({ keys: sender, payloadText: validLine.replace('"departement"', '"__proto__":{"isAdmin":true},"departement"') }), secrets: {}, expected: 'unsafeKeys' },
    { name: 'constructor key nested in a record', bytes: await forgeBundle({ keys: sender, payloadText: validLine.replace('"nom"', '"constructor":{"prototype":1},"nom"') }), secrets: {}, expected: 'unsafeKeys' },
    { name: '__proto__ key in the manifest', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifestText: (j) => j.replace('"app"', '"__proto__":{"x":1},"app"') }), secrets: {}, expected: 'unsafeKeys' },
    { name: 'absurd record count', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifest: (m) => ({ ...m, recordCount: 1e12 }) }), secrets: {}, expected: 'tooLarge' },
    { name: 'absurd manifest length', bytes: await forgeBundle({ keys: sender, payloadText: validLine, manifestLengthOverride: 0xfffffff0 }), secrets: {}, expected: 'tooLarge' },
    { name: 'more records than declared', bytes: await forgeBundle({ keys: sender, payloadText: `${validLine}\n${line(villageRecord())}`, manifest: (m) => ({ ...m, recordCount: 1, counts: { village: 1 } }) }), secrets: {}, expected: 'tooLarge' },
    { name: 'trailing garbage after the body', bytes: new Uint8Array([...(await forgeBundle({ keys: sender, payloadText: validLine })), 1, 2, 3]), secrets: {}, expected: 'corrupted' },
  ];
}

/** A followed person who also carries a name, a phone and an address: exactly what must never be stored. */
export function personWithIdentity(): SyncRecord {
  const person = beneficiaryRecord();
  const stamp = person.versions.code;
  return {
    ...person, nom: 'Dupont', telephone: '06 12 34 56 78', adresse: '3 rue des Lilas',
    versions: { ...person.versions, nom: stamp, telephone: stamp, adresse: stamp },
  };
}

async function editedAfterSigning(sender: SenderKeys, payloadText: string): Promise<Uint8Array> {
  // Sign a manifest, then change a byte of it (the author's name) keeping the old signature.
  const honest = await forgeBundle({ keys: sender, payloadText });
  const text = new TextDecoder('latin1').decode(honest);
  const at = text.indexOf('"name":"A') + 8;
  const copy = honest.slice();
  copy[at] = 'E'.charCodeAt(0);
  return copy;
}

/** A clear bundle whose record carries a stamp `days` ahead of `now` (a sender's clock badly set). */
export async function futureBundle(sender: SenderKeys, now: number, days: number): Promise<{ bytes: Uint8Array; record: SyncRecord }> {
  const record = villageRecord({}, now + days * 24 * 60 * 60 * 1000, deviceOf(sender));
  return { bytes: await sealTestBundle(sender, [{ kind: 'village', record }], { type: 'none' }), record };
}
