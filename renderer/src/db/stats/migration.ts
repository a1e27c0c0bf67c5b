/**
 * Schema version 9 (issue 10): the dashboard's rows built once from the activities already stored, and
 * the changes made on this laptop that no export carries yet, found from their stamps. Version 13: the
 * rows per place are dropped (the place filter reads an index instead, see domain/stats/activityStats.ts).
 * Versions 14 and 15 rebuild the rows (followed people counted; a place's activities in its commune).
 */
import type { Transaction } from 'dexie';
import { deviceOfStamp } from '../../domain/hlc';
import { RECORD_KINDS, tableOf } from '../../domain/kinds';
import type { RecordMeta } from '../../domain/records';
import { latestStamp } from '../../domain/sync/records';
import { recount, STAT_KEY_SEPARATOR, type StatRow } from '../../domain/stats/activityStats';
import { everyCountLookup } from './scanLookups';
import type { MetaKey, MetaRow, MetaValues } from '../meta';
import { ownChangeKey, type OwnChangeRow } from './ownChanges';

/**
 * Every row rebuilt from the activities, their followed people and places (a chunk of activities at a
 * time). Schema version 14 runs it again: the rows of versions 9–13 counted anonymous people only in
 * the gender, age band and status sections; and version 15: the rows of versions 9–14 counted an
 * activity held at a place in no commune, and kept a `where` count per place.
 */
export async function rebuildStats(tx: Transaction, chunkSize = 5000): Promise<void> {
  const activities = tx.table<{ id: string }, string>('activities');
  const lookups = await everyCountLookup(tx.table('beneficiaries'), tx.table('places'), chunkSize);
  const rows = new Map<string, StatRow>();
  let chunk = await activities.orderBy(':id').limit(chunkSize).toArray();
  recount(chunk, rows, lookups);
  while (chunk.length === chunkSize) {
    chunk = await activities.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
    recount(chunk, rows, lookups);
  }
  await tx.table('activityStats').clear();
  await tx.table('activityStats').bulkPut([...rows.values()]);
}

export async function buildStatsAndOwnChanges(tx: Transaction): Promise<void> {
  await rebuildStats(tx);
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
