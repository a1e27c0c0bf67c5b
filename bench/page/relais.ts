/**
 * The Relais side of the benchmark: the app's real export and import (db/sync/ + domain/sync), called
 * the way the sync screen calls them. An import is `openBundle` (decrypt, verify signature and hash,
 * inflate, validate every record) followed by `importBundle` (merge and write in one transaction); both
 * are timed together and reported apart, so the figures show where the time goes.
 *
 * Trust (issue 9): the records are a coordinator's, written by eight mediators whose keys are made here
 * and who sealed their activities and followed people; the coordinator's database has their cards
 * enrolled and exports them as a relay, so every import checks every relayed seal (the costly case).
 * The receiver enrolled the coordinator's card. All of this is set up outside the timings.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import {
  enrolCard, exportBundle, importBundle, isImported, leaveOutHeldRecords, myCard, rememberOsProtection, sealDeviceKeys, type OsProtection,
} from '../../renderer/src/db/sync';
import { ensureIdentity } from '../../renderer/src/db/identity';
import type { RelaisDatabase } from '../../renderer/src/db/schema';
import { openBundle } from '../../renderer/src/domain/sync/bundle';
import { signCard, type SignedCard } from '../../renderer/src/domain/sync/card';
import { deviceIdOfKey } from '../../renderer/src/domain/sync/identity';
import { generateSigningPair, publicKeyOf, signerOf, type Signer } from '../../renderer/src/domain/sync/keys';
import { makeStatements, withVerifiedSeals, type Statement } from '../../renderer/src/domain/sync/seal';
import { uuidv7 } from '../../renderer/src/domain/ids';
import type { SyncRecord } from '../../renderer/src/domain/sync/merge';
import { RECORD_VALIDATORS } from '../../renderer/src/domain/sync/validators';
import { packedBundle } from '../../renderer/src/domain/sync/packed';
import { CHUNK } from '../../renderer/src/db/sync/tables';
import type { ImportReport } from '../../renderer/src/db/sync';
import type { RecordKind } from '../../renderer/src/domain/kinds';
import { AUTHORED_TABLES, AUTHORS, type Dataset, type TableName } from '../generate';
import { sample } from './heap';

const CREATED = '2025-06-30T12:00:00.000Z';

/** A laptop of the bench's story: its signer and its age identity (a plain string, as the age library takes it). */
interface BenchKeys { signer: Signer; ageIdentity: string; ageRecipient: string }

async function benchKeys(): Promise<BenchKeys> {
  const pair = await generateSigningPair();
  const ageIdentity = await generateIdentity();
  return { signer: signerOf(pair.privateKey, await publicKeyOf(pair)), ageIdentity, ageRecipient: await identityToRecipient(ageIdentity) };
}

async function cardOf(keys: BenchKeys, name: string): Promise<SignedCard> {
  return signCard({
    name, structure: 'Relais bench', role: 'mediateur', ageRecipient: keys.ageRecipient, signingKey: keys.signer.publicKey,
    legacyDeviceIds: [], createdAt: CREATED,
  }, keys.signer);
}

/** The coordinator who receives the bundles: their age identity decrypts them; their card is enrolled by the exporter. */
export interface Receiver { identity: string; recipient: string; card: SignedCard }

export async function makeReceiver(): Promise<Receiver> {
  const keys = await benchKeys();
  return { identity: keys.ageIdentity, recipient: keys.ageRecipient, card: await cardOf(keys, 'Réceptrice') };
}

/** The mediators who wrote the records: their keys (to seal), ids (the generator's authors) and cards. */
export interface Authors { keys: Map<string, BenchKeys>; deviceIds: string[]; cards: SignedCard[] }

export async function makeAuthors(): Promise<Authors> {
  const keys = new Map<string, BenchKeys>();
  const cards: SignedCard[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    const pair = await benchKeys();
    keys.set(deviceIdOfKey(pair.signer.publicKey), pair);
    cards.push(await cardOf(pair, `Médiatrice ${i + 1}`));
  }
  return { keys, deviceIds: [...keys.keys()], cards };
}

/** The bench's stand-in for the OS keychain: the sender's keys are sealed and unsealed as in the app. */
const BENCH_KEYCHAIN: OsProtection = { kind: 'os', seal: async (bytes) => bytes.slice(), unseal: async (sealed) => sealed.slice() };

/** Keys sealed as a browser's first run seals them (a passphrase), so the app opens on its home screen. */
export async function sealBenchKeys(db: RelaisDatabase): Promise<void> {
  await sealDeviceKeys(db, { kind: 'passphrase', passphrase: 'banc-d-essai', iterations: 1000 });
}

const KIND_OF: Partial<Record<TableName, RecordKind>> = { activities: 'activity', beneficiaries: 'beneficiary' };

/**
 * Each author seals her activities and followed people (as her exports did before they reached the
 * coordinator): statements of their digests, signed; `only`: just these records (after edits). Returns
 * the statements (the coordinator's database holds them) and the time it took.
 */
export async function sealDataset(dataset: Dataset, authors: Authors, only?: ReadonlySet<string>): Promise<{ ms: number; statements: Statement[] }> {
  const start = performance.now();
  const all: Statement[] = [];
  for (const table of AUTHORED_TABLES) {
    const records = (dataset[table] as unknown as SyncRecord[]).filter((r) => !only || only.has(r.id));
    for (const [device, keys] of authors.keys) {
      const mine = records.filter((r) => r.authorDevice === device);
      const { statements, seals } = await makeStatements(device, mine.map((record) => ({ kind: KIND_OF[table]!, record: { ...record, seal: undefined } })),
        keys.signer, () => uuidv7());
      mine.forEach((record, i) => { record.seal = seals[i]; });
      all.push(...statements);
    }
  }
  return { ms: performance.now() - start, statements: all };
}

/**
 * A coordinator's database as it stands between two exports: her mediators' cards enrolled and their
 * statements kept, the receiver's card enrolled, her own identity made, her own records sealed (the
 * mark at the top).
 */
export async function prepareExporter(db: RelaisDatabase, authors: Authors, receiver: Receiver, statements: readonly Statement[]): Promise<SignedCard> {
  rememberOsProtection(db, BENCH_KEYCHAIN);
  for (const card of [...authors.cards, receiver.card]) await enrolCard(db, card);
  await db.statements.bulkPut([...statements]);
  await ensureIdentity(db);
  let top = 0;
  for (const table of db.tables) if (table.schema.indexes.some((i) => i.name === 'seq')) top = Math.max(top, ((await table.orderBy('seq').last()) as { seq?: number } | undefined)?.seq ?? 0);
  await db.meta.put({ key: 'sealMark', value: top });
  return myCard(db, { name: 'Coordinatrice', structure: 'Relais bench', role: 'coordinateur' }, CREATED);
}

/** A full backup-style bundle of everything in `db`, encrypted to the receiver and signed. */
export async function exportAll(db: RelaisDatabase, receiver: Receiver): Promise<Uint8Array> {
  const prepared = await exportBundle(db, {
    kind: 'full',
    protection: { type: 'recipient', recipient: receiver.recipient },
    author: { name: 'Banc d’essai', structure: 'Relais bench' },
    app: 'relais-bench',
  });
  return prepared.bytes;
}

export interface ImportTiming {
  openMs: number;
  writeMs: number;
  report: ImportReport;
}

type OpenOffThread = (bytes: Uint8Array, secrets: { identity: string }, options?: { db?: RelaisDatabase }) => ReturnType<typeof openBundle>;
/** The app opens bundles in a Worker (db/sync/worker); found at build time, absent → page fallback. */
const offThreadModules = import.meta.glob<{ openBundleOffThread: OpenOffThread }>(
  '../../renderer/src/db/sync/worker/openBundleOffThread.ts', { eager: true },
);
function findOffThread(): OpenOffThread | undefined {
  return Object.values(offThreadModules).at(0)?.openBundleOffThread;
}
const openOffThread = findOffThread();

export type OpenPath = 'worker' | 'page';
export const DEFAULT_OPEN_PATH: OpenPath = openOffThread ? 'worker' : 'page';

/**
 * The receiving laptop, before the file arrives: its keys made (its device id is its key's) and the
 * exporter's card enrolled (a person compared the fingerprints).
 */
export async function enrolExporter(db: RelaisDatabase, exporter: SignedCard): Promise<void> {
  rememberOsProtection(db, BENCH_KEYCHAIN);
  await ensureIdentity(db);
  await enrolCard(db, exporter);
}

/**
 * `worker`: as the app does (decrypt, check, leave out what is held, check relayed seals and pack the
 * records in a Worker, packed chunks transferred to the page); `page`: the same steps on the page's
 * thread, so the page's heap figure covers the whole import.
 */
export async function importAll(db: RelaisDatabase, bytes: Uint8Array, receiver: Receiver, path: OpenPath = DEFAULT_OPEN_PATH): Promise<ImportTiming> {
  const start = performance.now();
  const opened = path === 'worker' && openOffThread
    ? await openOffThread(bytes, { identity: receiver.identity }, { db })
    : packedBundle(await withVerifiedSeals(await leaveOutHeldRecords(db, await openBundle(bytes, { identity: receiver.identity }, {
      validators: RECORD_VALIDATORS, isKnownBundle: (key) => isImported(db, key),
    }))), CHUNK);
  sample();
  const openMs = performance.now() - start;
  const report = await importBundle(db, opened, { fileName: 'bench.relais', onProgress: sample });
  return { openMs, writeMs: performance.now() - start - openMs, report };
}
