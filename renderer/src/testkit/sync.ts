/**
 * Test support for sync tests: open throwaway databases, fingerprint their whole content, enrol
 * devices with each other, and open and import a bundle in one call. Never imported by the app (the
 * lint forbids it outside tests).
 */
import { openRelais, type Relais } from '../db';
import { ensureIdentity } from '../db/identity';
import type { RelaisDatabase } from '../db/schema';
import { enrolCard, exportMyCard, importBundle, isImported, rememberOsProtection, type ImportReport, type ReviewChoice } from '../db/sync';
import { openBundle, type BundleLimits, type OpenSecrets } from '../domain/sync/bundle';
import { readCard, type SignedCard } from '../domain/sync/card';
import type { ValidatorRegistry } from '../domain/sync/records';
import { withVerifiedSeals } from '../domain/sync/seal';
import { packedBundle } from '../domain/sync/packed';
import { CHUNK } from '../db/sync/tables';
import { fakeOsProtection } from './keys';

const opened: Relais[] = [];

/** A throwaway database whose keys are sealed by a pretend OS keychain, as on the desktop. */
export function openTestRelais(prefix = 'sync'): Relais {
  const relais = openRelais(`${prefix}-${Math.random().toString(36).slice(2)}`);
  rememberOsProtection(relais.db, fakeOsProtection());
  opened.push(relais);
  return relais;
}

export async function closeTestDatabases(): Promise<void> {
  while (opened.length > 0) await opened.pop()!.db.delete();
}

/** Every row of every table, in a stable order: equal snapshots = nothing changed at all. */
export async function snapshot(db: RelaisDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await table.toArray();
    parts.push(`${table.name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** The card of a test database, as a person would hand it over. */
export async function cardOfTestDevice(relais: Relais, name = 'Aïcha Benali', role = 'mediateur'): Promise<SignedCard> {
  await ensureIdentity(relais.db);
  return readCard(await exportMyCard(relais.db, { name, structure: 'Médiathèque de Lormes', role }));
}

/** `receiver` enrols each of `senders` (as if a person had compared the fingerprints). */
export async function enrol(receiver: Relais, ...senders: Relais[]): Promise<void> {
  for (const sender of senders) await enrolCard(receiver.db, await cardOfTestDevice(sender));
}

/** Every database enrols every other one. */
export async function enrolEachOther(...devices: Relais[]): Promise<void> {
  for (const receiver of devices) await enrol(receiver, ...devices.filter((d) => d !== receiver));
}

/**
 * Open (decrypt, verify, validate, check relayed seals), pack the records as the app's Worker does
 * (domain/sync/packed.ts) and import, in one call on the test's thread. The app opens bundles in a
 * Worker first (db/sync/worker) and imports what it answers: tests that need that path call
 * `openBundle` / `leaveOutHeldRecords` / `importBundle` themselves.
 */
export async function receiveBundle(
  db: RelaisDatabase,
  bytes: Uint8Array,
  options: { secrets?: OpenSecrets; validators: ValidatorRegistry; fileName?: string; now?: Date; limits?: BundleLimits; review?: ReviewChoice },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const checked = await openBundle(bytes, options.secrets ?? {}, {
    validators: options.validators, now: now.getTime(), limits: options.limits, isKnownBundle: (key) => isImported(db, key),
  });
  return importBundle(db, packedBundle(await withVerifiedSeals(checked), CHUNK), { fileName: options.fileName ?? 'bundle.relais', now, review: options.review });
}
