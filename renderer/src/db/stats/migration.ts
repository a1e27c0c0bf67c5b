/**
 * Schema version 9 (issue 10): the dashboard's rows built from the activities already stored, and the
 * changes made on this laptop that no export carries yet, found from their stamps. Version 13: the rows
 * per place are dropped (the place filter reads an index instead, see domain/stats/activityStats.ts).
 * Versions 14, 15 and 16 change what the rows count (followed people counted; a place's activities in
 * its commune; every row kept per activity type). Every one of these steps is marked `rebuildsRows` in
 * db/schema.ts, and only the last one that an upgrade runs rebuilds them: each rebuild reads every
 * activity (minutes at a region's million), and each rebuild starts from nothing with today's counting,
 * so one is enough.
 */
import type { Transaction } from 'dexie';
import { deviceOfStamp } from '../../domain/hlc';
import { RECORD_KINDS, tableOf } from '../../domain/kinds';
import type { RecordMeta } from '../../domain/records';
import { latestStamp } from '../../domain/sync/records';
import { applyDelta, recount, STAT_KEY_SEPARATOR, type StatRow } from '../../domain/stats/activityStats';
import { everyCountLookup } from './scanLookups';
import type { MetaKey, MetaRow, MetaValues } from '../meta';
import { ownChangeKey, type OwnChangeRow } from './ownChanges';
import { reportUpgradeProgress } from '../upgradeProgress';

/**
 * The schema version from which every row's key holds the activity type (`dim␟value␟type␟month`); a
 * database opened read-only below it (its upgrade failed) keeps them as `dim␟value␟month`, without
 * type rows of `all` (db/stats/dashboard.ts reads those another way).
 */
export const ROWS_BY_TYPE_VERSION = 16;

/**
 * How many rows a rebuild gathers before it adds them to the table: a region's rows (hundreds of
 * thousands, each with its breakdowns) must not all sit in memory during an upgrade.
 */
const REBUILD_ROWS_LIMIT = 8_192;

/**
 * Every row rebuilt from the activities, their followed people and places, a chunk of activities at a
 * time, the rows added to the table whenever `rowsLimit` of them wait (and at the end): a million
 * activities never sit in memory at once, nor all their rows. Schema version 14 runs it again: the rows
 * of versions 9–13 counted anonymous people only in the gender, age band and status sections; version
 * 15: the rows of versions 9–14 counted an activity held at a place in no commune, and kept a `where`
 * count per place; version 16: the rows of versions 9–15 had no type in their key (each row is now kept
 * per activity type, domain/stats/activityStats.ts).
 */
export async function rebuildStats(tx: Transaction, chunkSize = 5000, rowsLimit = REBUILD_ROWS_LIMIT): Promise<void> {
  const activities = tx.table<{ id: string }, string>('activities');
  const stats = tx.table<StatRow, string>('activityStats');
  const lookups = await everyCountLookup(tx.table('beneficiaries'), tx.table('places'), chunkSize);
  await stats.clear();
  let waiting = new Map<string, StatRow>();
  const addWaiting = async () => {
    const keys = [...waiting.keys()];
    const stored = await stats.bulkGet(keys);
    // A recount only adds: every row counts at least one activity, none is deleted.
    await stats.bulkPut(keys.map((key, i) => applyDelta(stored[i], waiting.get(key)!)!));
    waiting = new Map();
  };
  // One count before the walk: the start-up screen can then say "5 000 of 1 000 000", not just a number
  // that grows. Counting decodes no record (~2 s at a million): far less than the walk it announces.
  const total = await activities.count();
  let chunk = await activities.orderBy(':id').limit(chunkSize).toArray();
  let counted = 0;
  // A full last chunk is followed by an empty one: it counts nothing and is not reported, so the
  // start-up screen hears each count once.
  while (chunk.length > 0) {
    recount(chunk, waiting, lookups);
    if (waiting.size >= rowsLimit) await addWaiting();
    counted += chunk.length;
    reportUpgradeProgress({ counted, total });
    if (chunk.length < chunkSize) break;
    chunk = await activities.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
  }
  await addWaiting();
}

/** Schema version 9: the changes made on this laptop that no export carries yet, found from their stamps (its rows: see `rebuildStats`). */
export async function buildOwnChanges(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, MetaKey>('meta');
  const device = (await meta.get('device'))?.value as MetaValues['device'] | undefined;
  const mark = (await meta.get('exportMark'))?.value as MetaValues['exportMark'] | undefined;
  if (!device) return;
  const own = new Set([device.deviceId, ...(device.legacyDeviceIds ?? [])]);
  const changes: OwnChangeRow[] = [];
  for (const kind of RECORD_KINDS) {
    const table = tableOf(kind);
    const waiting = await tx.table<RecordMeta>(table).where('seq').above(mark?.seq ?? 0).toArray();
    for (const record of waiting) {
      if (own.has(deviceOfStamp(latestStamp(record.versions)))) changes.push({ key: ownChangeKey(table, record.id), seq: record.seq ?? 0 });
    }
  }
  await tx.table('ownChanges').bulkPut(changes);
}

/** Schema version 13: the rows of the `place` dimension go; every other row stays as it was (still equal to a recount). */
export async function dropPlaceRows(tx: Transaction): Promise<void> {
  await tx.table('activityStats').where(':id').between(`place${STAT_KEY_SEPARATOR}`, `place${STAT_KEY_SEPARATOR}\uffff`, true, true).delete();
}
