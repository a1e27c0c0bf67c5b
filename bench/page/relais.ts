/**
 * The Relais side of the benchmark: the app's real export and import (db/sync/ + domain/sync), called
 * the way the sync screen calls them. An import is `openBundle` (decrypt, verify signature and hash,
 * inflate, validate every record) followed by `importBundle` (merge and write in one transaction); both
 * are timed together and reported apart, so the figures show where the time goes.
 */
import { exportBundle, importBundle, isImported, rememberOsProtection, sealDeviceKeys, type OsProtection } from '../../renderer/src/db/sync';
import type { RelaisDatabase } from '../../renderer/src/db/schema';
import { openBundle } from '../../renderer/src/domain/sync/bundle';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { RECORD_VALIDATORS } from '../../renderer/src/domain/sync/validators';
import type { ImportReport } from '../../renderer/src/db/sync';
import { sample } from './heap';

/** The coordinator who receives the bundles: their age identity decrypts them. */
export interface Receiver { identity: string; recipient: string }

export async function makeReceiver(): Promise<Receiver> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The bench's stand-in for the OS keychain: the sender's keys are sealed and unsealed as in the app. */
const BENCH_KEYCHAIN: OsProtection = { kind: 'os', seal: async (bytes) => bytes.slice(), unseal: async (sealed) => sealed.slice() };

/** Keys sealed as a browser's first run seals them (a passphrase), so the app opens on its home screen. */
export async function sealBenchKeys(db: RelaisDatabase): Promise<void> {
  await sealDeviceKeys(db, { kind: 'passphrase', passphrase: 'banc-d-essai', iterations: 1000 });
}

/** A full backup-style bundle of everything in `db`, encrypted to the receiver and signed. */
export async function exportAll(db: RelaisDatabase, receiver: Receiver): Promise<Uint8Array> {
  rememberOsProtection(db, BENCH_KEYCHAIN);
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
 * `worker`: as the app does (decrypt and check in a Worker, records cloned back to the page);
 * `page`: everything on the page's thread, so the page's heap figure covers the whole import.
 */
export async function importAll(db: RelaisDatabase, bytes: Uint8Array, receiver: Receiver, path: OpenPath = DEFAULT_OPEN_PATH): Promise<ImportTiming> {
  const start = performance.now();
  const opened = path === 'worker' && openOffThread
    ? await openOffThread(bytes, { identity: receiver.identity }, { db })
    : await openBundle(bytes, { identity: receiver.identity }, { validators: RECORD_VALIDATORS, isKnownBundle: (id) => isImported(db, id) });
  sample();
  const openMs = performance.now() - start;
  const report = await importBundle(db, opened, { fileName: 'bench.relais', onProgress: sample });
  return { openMs, writeMs: performance.now() - start - openMs, report };
}
