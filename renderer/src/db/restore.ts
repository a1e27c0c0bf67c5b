/**
 * Restore from a full exchange bundle (`.relais`, "everything" export), issue 12: for a person who has
 * no backup but kept a full export, or received one made for a new laptop. The bundle is opened and
 * checked by the same code as an import (domain/sync/bundle.ts, in its Worker), then every table is
 * replaced in ONE transaction, exactly as a backup restore does (db/backup.ts): a new device identity,
 * no keys, no marks.
 *
 * What a bundle cannot give back, unlike a backup: the conflict log, held changes, enrolled cards, the
 * import history of others' bundles and drafts (it carries records and seals only). What it gives:
 * every record as it was signed, the seals its author's records carry (so they can be relayed), the
 * cards of their authors (to check those seals), and this bundle in the import history (importing it
 * again later changes nothing).
 *
 * A bundle of changes since an export is only a part of a notebook: restoring it would replace a whole
 * database by that part, so it is refused (`partialBundle`: "use Import").
 */
import Dexie from 'dexie';
import { observe, createClock, parseStamp } from '../domain/hlc';
import { BackupError, type BackupErrorCode, type BackupSecrets } from '../domain/backup/format';
import { tableOf } from '../domain/kinds';
import { BUNDLE_MAGIC, type OpenSecrets } from '../domain/sync/bundle';
import { bundleErrorCode, type BundleErrorCode } from '../domain/sync/errors';
import type { SyncRecord } from '../domain/sync/merge';
import { latestStamp } from '../domain/sync/records';
import { entryCount, type ReceivedBundle } from '../domain/sync/packed';
import { validateProfile, type Profile } from '../domain/profile';
import type { Role } from '../domain/codes';
import { emptyCounts } from './sync/import/apply';
import { lockKeys } from './sync/keys';
import { openBundleOffThread } from './sync/worker/openBundleOffThread';
import { receivedInChunks, syncTable } from './sync/tables';
import { readMeta, type MetaRow } from './meta';
import { RelaisDatabase } from './schema';
import { rememberReplaced, withStatsDeferred } from './stats/middleware';
import { NOT_RESTORED_META, replaceDatabaseWithBackup, restoreBackup, type RestoreReport } from './backup';

/** How a bundle's refusal reads on a restore form: the four things a person can act on. */
const RESTORE_CODE_OF: Partial<Record<BundleErrorCode, BackupErrorCode>> = {
  notABundle: 'notABackup',
  newerFormat: 'newerFormat',
  tooLarge: 'tooLarge',
  needsPassphrase: 'bundleNeedsPassphrase',
  wrongPassphrase: 'wrongPassphrase',
  wrongKey: 'bundleNotForThisLaptop',
  notForThisUser: 'bundleNotForThisLaptop',
};

/**
 * A bundle's refusal as a restore refusal (any other fault of the file says "damaged, nothing changed");
 * what is not a refusal (the Worker failed) stays as it was: the form says the restore failed.
 */
function asRestoreError(error: unknown): unknown {
  const code = bundleErrorCode(error);
  if (code === undefined) return error;
  return new BackupError(RESTORE_CODE_OF[code] ?? 'corrupted', error instanceof Error ? error.message : code);
}

/**
 * Open a bundle for a restore: every check of an import, and only a full one passes. Nothing is read
 * from any database (the recovery screen's cannot be opened).
 */
export async function openFullBundle(bytes: Uint8Array, secrets: OpenSecrets): Promise<ReceivedBundle> {
  let opened: ReceivedBundle;
  try {
    opened = await openBundleOffThread(bytes, secrets, { whole: true });
  } catch (error) {
    throw asRestoreError(error);
  }
  if (opened.manifest.kind !== 'full') throw new BackupError('partialBundle', `a ${opened.manifest.kind} bundle`);
  return opened;
}

/**
 * The restored clock: from the saved state, it observes the highest stamp of every record written, so
 * it only goes forward from them. Only millis and counter are kept: the device id is the one the next
 * write will have.
 */
function restoredClock(saved: { millis: number; counter: number } | undefined, deviceId: string) {
  const clock = createClock(deviceId, saved?.millis ?? 0, saved?.counter ?? 0);
  return {
    observe(record: SyncRecord) {
      const stamp = latestStamp(record.versions);
      // Far-future stamps are in the quarantine, not here: observing moves the clock to at most "now + drift".
      if (parseStamp(stamp)) observe(clock, stamp, Date.now());
    },
    state: () => ({ millis: clock.millis, counter: clock.counter }),
  };
}

/** The person's profile from the bundle's card, when this laptop has none yet (a new laptop's first run). */
function profileFromCard(opened: ReceivedBundle): Profile | undefined {
  const { name, role, structure } = opened.manifest.source;
  const profile = { displayName: name, role: role as Role, structure };
  return validateProfile(profile).length === 0 ? profile : undefined;
}

/** The seals kept: those of the signer's own records, and those a checked statement proves (`sealedBy`). */
function keepsSeal(opened: ReceivedBundle, record: SyncRecord): boolean {
  const { source } = opened.manifest;
  return record.authorDevice === source.deviceId || source.legacyDeviceIds.includes(record.authorDevice) || opened.sealedBy?.has(record.id) === true;
}

/**
 * Write the bundle's records, kind by kind (activities last) and a chunk at a time (a packed bundle is
 * decoded one chunk at a time), each with a new local change number after `seq`. Answers the last
 * number used and the seals of the records written.
 */
async function writeNumbered(
  db: RelaisDatabase, opened: ReceivedBundle, seq: number, counts: Record<string, number>, clock: ReturnType<typeof restoredClock>,
): Promise<{ seq: number; seals: Set<string> }> {
  const seals = new Set<string>();
  for (const { kind, chunks } of receivedInChunks(opened.entries)) {
    for (const chunk of chunks) {
      const rows = chunk.map((record) => {
        const row: SyncRecord = { ...record, seq: (seq += 1) };
        if (row.seal !== undefined && !keepsSeal(opened, row)) delete row.seal;
        if (typeof row.seal === 'string') seals.add(row.seal);
        rememberReplaced(row, undefined); // the tables were just cleared: the dashboard's counts need no read
        clock.observe(row);
        return row;
      });
      await syncTable(db, kind).bulkPut(rows);
      counts[tableOf(kind)] = (counts[tableOf(kind)] ?? 0) + rows.length;
    }
  }
  return { seq, seals };
}

/**
 * Replace everything in `db` by the opened full bundle, in one transaction: a window closed half-way
 * leaves the database as it was. This laptop's meta settings stay (but the identity, keys and marks, as
 * a backup restore drops them); its profile too, or the card's when it has none.
 */
export async function restoreOpenedBundle(db: RelaisDatabase, opened: ReceivedBundle, options: { fileName: string; now?: Date }): Promise<RestoreReport> {
  const { manifest } = opened;
  const at = (options.now ?? new Date()).toISOString();
  const counts: Record<string, number> = {};
  await db.transaction('rw', db.tables, async () => {
    const meta = (await db.meta.toArray()) as MetaRow[];
    const kept = meta.filter((row) => !NOT_RESTORED_META.has(row.key) && row.key !== 'seq' && row.key !== 'clock');
    const seqBefore = (await readMeta(db, 'seq')) ?? 0;
    const clockBefore = await readMeta(db, 'clock');
    for (const table of db.tables) await table.clear();
    // Local change numbers go on after those this database used: counters only go forward.
    const clock = restoredClock(clockBefore, manifest.source.deviceId);
    const { seq, seals } = await withStatsDeferred(db, () => writeNumbered(db, opened, seqBefore, counts, clock));
    const source = { bundleId: manifest.bundleId, at, sourceDevice: manifest.source.deviceId, sourceName: manifest.source.name };
    for (const entry of opened.quarantined) {
      await db.quarantine.add({ ...source, reason: 'future', action: 'edit', recordKind: entry.kind, recordId: entry.record.id, record: entry.record as SyncRecord, stamp: entry.stamp });
    }
    await db.statements.bulkPut(opened.statements.filter((statement) => seals.has(statement.id)));
    // The cards that check those seals (never enrolled: enrolment is redone by comparing fingerprints).
    for (const card of [manifest.source, ...manifest.authors]) await db.cards.put({ ...card, importedAt: at, trust: 'relayed' });
    await db.importHistory.add({
      sourceDevice: manifest.source.deviceId, bundleId: manifest.bundleId, payloadSha256: manifest.payloadSha256,
      fileName: options.fileName, importedAt: at, sourceName: manifest.source.name, sourceStructure: manifest.source.structure,
      signingKey: manifest.source.signingKey, kind: manifest.kind, createdAt: manifest.createdAt, since: manifest.since,
      rangeFrom: manifest.range.from, rangeTo: manifest.range.to, counts: { ...emptyCounts(), new: entryCount(opened.entries) },
      quarantined: opened.quarantined.length, refused: 0, heldForReview: 0,
    });
    const cardProfile = kept.some((row) => row.key === 'profile') ? undefined : profileFromCard(opened);
    await db.meta.bulkPut([
      ...kept, ...(cardProfile ? [{ key: 'profile', value: cardProfile }] : []),
      { key: 'seq', value: seq }, { key: 'clock', value: clock.state() },
    ] as MetaRow[]);
  });
  lockKeys(db);
  return { counts, createdAt: manifest.createdAt };
}

function isBundle(bytes: Uint8Array): boolean {
  return bytes.length >= BUNDLE_MAGIC.length && BUNDLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Restore a backup or a full bundle into `db`, whichever the file is: the one call of every restore
 * form (Settings, first run). Everything is opened and checked before anything is written.
 */
export async function restoreFromFile(db: RelaisDatabase, file: { name: string; bytes: Uint8Array }, secrets: BackupSecrets): Promise<RestoreReport> {
  if (!isBundle(file.bytes)) return restoreBackup(db, file.bytes, secrets);
  return restoreOpenedBundle(db, await openFullBundle(file.bytes, secrets), { fileName: file.name });
}

/**
 * From the recovery screen: throw away the database that cannot be opened and put the backup or full
 * bundle in its place, once it opened and passed every check (a wrong passphrase deletes nothing).
 */
export async function replaceDatabaseWithFile(name: string, file: { name: string; bytes: Uint8Array }, secrets: BackupSecrets): Promise<RestoreReport> {
  if (!isBundle(file.bytes)) return replaceDatabaseWithBackup(name, file.bytes, secrets);
  const opened = await openFullBundle(file.bytes, secrets);
  await Dexie.delete(name);
  const db = new RelaisDatabase(name);
  try {
    return await restoreOpenedBundle(db, opened, { fileName: file.name });
  } finally {
    db.close();
  }
}
