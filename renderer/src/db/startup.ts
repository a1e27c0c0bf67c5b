/**
 * Opening the database at start-up, and what to say when it cannot be opened (issue 12: start-up never
 * shows a blank window). `openAtStartup` opens it and answers either "ready" or one problem a person can
 * act on; the recovery screen (app/startup/) words it and offers what is still possible.
 *
 * Why each problem is told apart:
 * - `newerVersion`: a newer Relais already upgraded this database (a laptop downgraded, or two versions
 *   installed). Dexie 4 would open it anyway when no table is missing, and this older code would then
 *   write records the newer one reads differently: refused here, before any write.
 * - `blocked`: another window or tab holds the database at an older version and does not let go, so the
 *   upgrade waits forever. Closing the other window is the way out.
 * - `upgradeFailed`: a migration threw; the upgrade transaction is rolled back, the data is as before.
 * - `cannotOpen`: the browser could not open the storage at all (damaged files, disk full, no storage).
 */
import Dexie from 'dexie';
import { SCHEMA_VERSIONS, type RelaisDatabase } from './schema';

export type StartupProblem = 'newerVersion' | 'blocked' | 'upgradeFailed' | 'cannotOpen';

export type StartupResult =
  | { ready: true }
  | { ready: false; problem: StartupProblem; /** The browser's own error name, for diagnostics (never shown alone). */ detail: string };

/** The newest schema version this release knows. */
export const NEWEST_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((step) => step.version));

/** The names in an error and the errors it wraps (Dexie wraps the browser's in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/** Errors of the storage itself (IndexedDB's DOMException names, Dexie's wrappers of them). */
const STORAGE_ERRORS = new Set([
  'UnknownError', 'InvalidStateError', 'QuotaExceededError', 'AbortError', 'NotFoundError', 'DataError',
  'OpenFailedError', 'DatabaseClosedError', 'MissingAPIError', 'InvalidAccessError', 'NotReadableError',
]);

/**
 * The decision, pure: which problem an error of `Dexie.open()` is. A migration's own error (a bug in an
 * upgrade function) reaches here as it was thrown, so while upgrading, anything that is not an error of
 * the storage is the upgrade failing.
 */
export function problemOfError(error: unknown, upgrading = false): StartupProblem {
  const names = errorNames(error);
  if (names.includes('VersionError')) return 'newerVersion';
  if (names.includes('UpgradeError')) return 'upgradeFailed';
  if (upgrading && !names.some((name) => STORAGE_ERRORS.has(name))) return 'upgradeFailed';
  return 'cannotOpen';
}

/** The decision on a database that did open: refused when a newer release upgraded it. */
export function problemOfOpened(installedVersion: number): StartupProblem | undefined {
  return installedVersion > NEWEST_SCHEMA_VERSION ? 'newerVersion' : undefined;
}

/**
 * The schema version of the database named `name` as installed (Dexie's: the native one divided by
 * 10), without opening it; undefined when there is none yet or the browser cannot list databases.
 */
async function installedVersion(name: string): Promise<number | undefined> {
  try {
    const found = (await indexedDB.databases()).find((info) => info.name === name);
    return found?.version === undefined ? undefined : found.version / 10;
  } catch {
    return undefined;
  }
}

/**
 * Open `db`, waiting at most `blockedAfterMs` once the browser says another connection blocks the
 * upgrade (it may still let go: a window of an older release closing itself on `versionchange`).
 * `onUpgrading`: called before opening when the database is at an older version (it will be upgraded).
 */
export async function openAtStartup(db: RelaisDatabase, options: { blockedAfterMs?: number; onUpgrading?: () => void } = {}): Promise<StartupResult> {
  // Asked before opening: Dexie 4 would open a newer database, even change it to add a table it lacks.
  const installed = await installedVersion(db.name);
  const newer = installed === undefined ? undefined : problemOfOpened(installed);
  if (newer) return { ready: false, problem: newer, detail: `installed version ${installed}` };
  // An older database is upgraded by this opening: minutes at a region's scale, said on screen.
  if (installed !== undefined && installed < NEWEST_SCHEMA_VERSION) options.onUpgrading?.();
  const blockedAfterMs = options.blockedAfterMs ?? 3000;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<StartupResult>((resolve) => {
    db.on('blocked', () => {
      blockedTimer ??= setTimeout(() => resolve({ ready: false, problem: 'blocked', detail: 'blocked' }), blockedAfterMs);
    });
  });
  const opening = db.open().then(
    (): StartupResult => ({ ready: true }),
    (error: unknown): StartupResult => ({ ready: false, problem: problemOfError(error, installed !== undefined && installed < NEWEST_SCHEMA_VERSION), detail: errorNames(error).join(' < ') || 'unknown' }),
  );
  try {
    const result = await Promise.race([opening, blocked]);
    // Blocked: stop waiting, so the page does not upgrade behind the recovery screen's back later.
    if (!result.ready && result.problem === 'blocked') db.close();
    return result;
  } finally {
    clearTimeout(blockedTimer);
  }
}

/** What could still be read of a database this release cannot open normally: every table, as it is. */
export interface ReadableContent {
  version: number;
  tables: Record<string, unknown[]>;
}

/**
 * Read every table of the database named `name` without declaring a schema (Dexie opens it at whatever
 * version it is, without upgrading it): what the recovery screen exports or shows read-only. Rejects
 * when even that fails (the storage cannot be opened at all).
 */
export async function readWhatCanBeRead(name: string): Promise<ReadableContent> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    const tables: Record<string, unknown[]> = {};
    for (const table of raw.tables) {
      try {
        tables[table.name] = await table.toArray();
      } catch {
        // One damaged table does not stop the others from being saved.
      }
    }
    return { version: raw.verno, tables };
  } finally {
    raw.close();
  }
}
