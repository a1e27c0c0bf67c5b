/**
 * Test support for sync tests: open throwaway databases, fingerprint their whole content, and open and
 * import a bundle in one call. Never imported by the app (the lint forbids it outside tests).
 */
import { openRelais, type Relais } from '../db';
import type { RelaisDatabase } from '../db/schema';
import { importBundle, isImported, rememberOsProtection, type ImportReport } from '../db/sync';
import { openBundle, type BundleLimits, type OpenSecrets } from '../domain/sync/bundle';
import type { ValidatorRegistry } from '../domain/sync/records';
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

/**
 * Open (decrypt, verify, validate) and import in one call, on the test's thread. The app opens bundles
 * in a Worker first (db/sync/worker) and imports what it answers: tests that need that path call
 * `openBundle` / `leaveOutHeldRecords` / `importBundle` themselves.
 */
export async function receiveBundle(
  db: RelaisDatabase,
  bytes: Uint8Array,
  options: { secrets?: OpenSecrets; validators: ValidatorRegistry; fileName?: string; now?: Date; limits?: BundleLimits },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const opened = await openBundle(bytes, options.secrets ?? {}, {
    validators: options.validators, now: now.getTime(), limits: options.limits, isKnownBundle: (id) => isImported(db, id),
  });
  return importBundle(db, opened, { fileName: options.fileName ?? 'bundle.relais', now });
}
