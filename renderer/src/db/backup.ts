/**
 * Backups, database side (issue 12): the bytes of a backup of this database, and a restore that gives it
 * back under a NEW device identity.
 *
 * What a backup holds: every table as it is (records of everyone, the conflict log, held changes,
 * enrolled cards, seals, import history, drafts, the profile) but the sealed keys. What a restore drops:
 * the keys and the identity (`secrets`, meta `device`), the export and seal marks. The restored database
 * makes new keys, hence a new device id (db/identity.ts) that coordinators enrol again: the laptop the
 * backup came from may still be alive and writing, and two laptops must never write under one id (their
 * stamps would tie, their change counters overlap). Its clock and change counter are kept, so stamps
 * and counters only go forward.
 */
import Dexie, { type IndexableType } from 'dexie';
import {
  BackupError, encodeBackup, encodeBackupBody, encodeRows, makeRecoveryKey, openBackup, type BackupContent, type BackupHeader, type BackupSecrets,
  type EncodeOptions, type OpenedBackup,
} from '../domain/backup/format';
import { currentSeq } from './device';
import { readMeta, writeMeta, type MetaKey } from './meta';
import { RelaisDatabase, SCHEMA_VERSIONS } from './schema';
import { NEWEST_SCHEMA_VERSION, readWhatCanBeRead } from './startup';
import { lockKeys, readAgeRecipient } from './sync/keys';
import { rememberReplaced, withStatsDeferred } from './stats/middleware';

/**
 * Never in a backup: the sealed keys (they belong to this laptop's OS keychain or passphrase), and the
 * synced inbox's record of files seen (raw file bytes, which JSON lines would not carry faithfully; a
 * restored laptop, a new identity, looks at its inbox afresh).
 */
const NOT_BACKED_UP = new Set(['secrets', 'inboxFiles']);
/** Meta keys a restore leaves out: the old identity, and marks that belong to it. */
export const NOT_RESTORED_META: ReadonlySet<MetaKey> = new Set<MetaKey>(['device', 'exportMark', 'sealMark', 'signingKey', 'ageIdentity', 'lastBackup']);

/** Every table but the keys, read in one transaction: a consistent copy even while the app writes. */
export async function readBackupContent(db: Dexie): Promise<BackupContent> {
  const tables = db.tables.filter((table) => !NOT_BACKED_UP.has(table.name));
  return db.transaction('r', tables, async () => {
    const content: BackupContent = { schemaVersion: db.verno, tables: {} };
    for (const table of tables) content.tables[table.name] = await table.toArray();
    return content;
  });
}

/** Rows read, serialised and let go at a time. */
const ROWS_PER_READ = 2000;

/**
 * A backup of every table but the keys, streamed: read in one transaction (a consistent copy even while
 * the app writes) a chunk at a time by primary key, each chunk turned into body lines kept in a Blob
 * (outside the JS heap) and let go, then compressed and encrypted as streams. 100 000 records never sit
 * in memory as objects, nor as one string.
 */
export async function encodeDatabaseBackup(db: Dexie, options: EncodeOptions): Promise<{ bytes: Uint8Array; counts: Record<string, number> }> {
  const tables = db.tables.filter((table) => !NOT_BACKED_UP.has(table.name));
  const parts: Blob[] = [];
  const counts: Record<string, number> = {};
  await db.transaction('r', tables, async () => {
    for (const table of tables) {
      const keyPath = table.schema.primKey.keyPath;
      if (keyPath === null || keyPath === undefined) throw new Error(`table ${table.name} has no inbound primary key`);
      counts[table.name] = 0;
      let last: IndexableType | undefined;
      for (;;) {
        const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(ROWS_PER_READ).toArray();
        if (rows.length === 0) break;
        parts.push(new Blob([encodeRows(table.name, rows) as Uint8Array<ArrayBuffer>]));
        counts[table.name] += rows.length;
        last = Dexie.getByKeyPath(rows[rows.length - 1], keyPath) as IndexableType;
        if (rows.length < ROWS_PER_READ) break;
      }
    }
  });
  return { bytes: await encodeBackupBody(new Blob(parts), { schemaVersion: db.verno, counts }, options), counts };
}

/** Set (or replace) the recovery passphrase: later backups open with it on any laptop. */
export async function setRecoveryPassphrase(db: RelaisDatabase, passphrase: string): Promise<void> {
  await writeMeta(db, 'recoveryKey', await makeRecoveryKey(passphrase));
}

export async function hasRecoveryPassphrase(db: RelaisDatabase): Promise<boolean> {
  return (await readMeta(db, 'recoveryKey')) !== undefined;
}

export interface MadeBackup {
  bytes: Uint8Array;
  header: Pick<BackupHeader, 'counts' | 'createdAt'>;
  /** The change counter the backup covers: record it with `markBackedUp` once the file is written. */
  seq: number;
}

/**
 * A backup of `db`, encrypted to this laptop's age key and to the recovery key when one is set;
 * undefined when the database has neither yet (no keys made: nothing was ever written).
 */
export async function makeBackup(db: RelaisDatabase, options: { app: string; now?: Date }): Promise<MadeBackup | undefined> {
  const recipient = await readAgeRecipient(db);
  const recovery = await readMeta(db, 'recoveryKey');
  if (!recipient && !recovery) return undefined;
  const seq = await currentSeq(db);
  const createdAt = (options.now ?? new Date()).toISOString();
  const { bytes, counts } = await encodeDatabaseBackup(db, { app: options.app, createdAt, recipients: recipient ? [recipient] : [], recovery });
  return { bytes, header: { counts, createdAt }, seq };
}

/** Remember that the changes up to `seq` are in a backup written at `at` (only after the file is written). */
export async function markBackedUp(db: RelaisDatabase, backup: { seq: number; at: string }): Promise<void> {
  await writeMeta(db, 'lastBackup', { seq: backup.seq, at: backup.at });
}

/** Whether something changed since the last backup, and when that was (pure inputs for the scheduler). */
export async function backupState(db: RelaisDatabase): Promise<{ seq: number; last?: { at: string; seq: number }; since?: string }> {
  // Two reads, no transaction: the live query that calls this already reads consistently, and a nested
  // transaction there would commit early (PrematureCommitError).
  const seq = await currentSeq(db);
  return { seq, last: await readMeta(db, 'lastBackup'), since: (await readMeta(db, 'device'))?.createdAt };
}

/**
 * A backup saved by an older release, brought to this release's schema by the same migrations an
 * upgrade runs: written into a scratch database at its own version, then opened with today's schema.
 */
async function upgradedContent(content: BackupContent): Promise<BackupContent> {
  const name = `relais-restore-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= content.schemaVersion)) old.version(step.version).stores(step.stores);
  try {
    await old.open();
    await writeTables(old, content.tables);
    old.close();
    const upgraded = new RelaisDatabase(name);
    try {
      return await readBackupContent(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}

/** Replace every table of `db` that `tables` names, in one transaction (all or nothing). */
async function writeTables(db: Dexie, tables: Record<string, unknown[]>, keepMeta?: (key: MetaKey) => boolean): Promise<void> {
  await replaceTables(db, keepMeta, async (write) => {
    for (const [name, rows] of Object.entries(tables)) await write(name, rows);
  });
}

/**
 * Clear every table of `db`, then write what `fill` hands to `write`, in ONE transaction: a throw
 * anywhere (an unknown table, a damaged line found late) rolls everything back. The dashboard's count
 * rows are not copied: the middleware that keeps them (db/stats/middleware.ts) counts the activities as
 * they are written, as for any write, so they always equal a recount.
 */
async function replaceTables(
  db: Dexie, keepMeta: ((key: MetaKey) => boolean) | undefined, fill: (write: (name: string, rows: unknown[]) => Promise<void>) => Promise<void>,
): Promise<void> {
  const byName = new Map(db.tables.map((table) => [table.name, table]));
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    // The count rows are applied once, after the last batch (each row read and written once).
    await withStatsDeferred(db, () => fill(async (name, rows) => {
      const table = byName.get(name);
      if (!table) throw new BackupError('corrupted', `unknown table: ${name}`);
      if (name === 'activityStats' && byName.has('activities')) return;
      if (name === 'activities') for (const row of rows) rememberReplaced(row as object, undefined); // cleared: nothing replaced
      const kept = name === 'meta' && keepMeta ? rows.filter((row) => keepMeta((row as { key: MetaKey }).key)) : rows;
      await table.bulkPut(kept);
    }));
  });
}

export interface RestoreReport {
  counts: Record<string, number>;
  createdAt: string;
}

/**
 * Restore a backup into `db`, replacing everything in it, in one transaction: a window closed half-way
 * leaves the database as it was. The keys and identity are dropped (a new identity is made at the next
 * write, and enrolment is redone); the unsealed keys of this session are forgotten.
 */
export async function restoreBackup(db: RelaisDatabase, bytes: Uint8Array, secrets: BackupSecrets): Promise<RestoreReport> {
  return restoreOpened(db, await openBackup(bytes, secrets));
}

/**
 * A backup of this release's schema is read line by line straight into the transaction, a batch of rows
 * at a time (never all in memory); an older one is first brought up to date in a scratch database.
 */
async function restoreOpened(db: RelaisDatabase, opened: OpenedBackup): Promise<RestoreReport> {
  const { header } = opened;
  const keepMeta = (key: MetaKey) => !NOT_RESTORED_META.has(key);
  if (header.schemaVersion > NEWEST_SCHEMA_VERSION) throw new BackupError('newerFormat', `schema ${header.schemaVersion}`);
  if (header.schemaVersion < NEWEST_SCHEMA_VERSION) {
    const tables: Record<string, unknown[]> = {};
    await opened.forEachBatch(async (table, rows) => { (tables[table] ??= []).push(...rows); });
    await writeTables(db, (await upgradedContent({ schemaVersion: header.schemaVersion, tables })).tables, keepMeta);
  } else {
    await replaceTables(db, keepMeta, (write) => opened.forEachBatch(write));
  }
  lockKeys(db);
  return { counts: header.counts, createdAt: header.createdAt };
}

/**
 * From the recovery screen, when the database cannot be opened: everything that can still be read, as a
 * backup sealed with a passphrase the person types there (the keys are out of reach; the data stays
 * encrypted wherever the file goes).
 */
export async function backupWhatCanBeRead(name: string, passphrase: string, options: { app: string; now?: Date }): Promise<Uint8Array> {
  const readable = await readWhatCanBeRead(name);
  const tables = Object.fromEntries(Object.entries(readable.tables).filter(([table]) => !NOT_BACKED_UP.has(table)));
  return encodeBackup({ schemaVersion: readable.version, tables }, {
    app: options.app, createdAt: (options.now ?? new Date()).toISOString(), recipients: [], recovery: await makeRecoveryKey(passphrase),
  });
}

/**
 * From the recovery screen: throw away the database that cannot be opened and put the backup in its
 * place. The backup is opened and checked first: a wrong passphrase or a damaged file deletes nothing.
 */
export async function replaceDatabaseWithBackup(name: string, bytes: Uint8Array, secrets: BackupSecrets): Promise<RestoreReport> {
  const opened = await openBackup(bytes, secrets);
  if (opened.header.schemaVersion > NEWEST_SCHEMA_VERSION) throw new BackupError('newerFormat', `schema ${opened.header.schemaVersion}`);
  // The body is checked line by line only as it is written: a backup damaged deep inside is found after
  // the old database is gone. So it is read through once first (nothing kept), then written.
  await opened.forEachBatch(async () => undefined);
  await Dexie.delete(name);
  const db = new RelaisDatabase(name);
  try {
    return await restoreOpened(db, opened);
  } finally {
    db.close();
  }
}
