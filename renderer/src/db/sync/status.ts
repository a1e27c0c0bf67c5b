/**
 * Where this device stands: the import history (which bundles arrived, which never did) and the
 * changes made here that no saved export carries yet, with the reminder that nags about them.
 */
import { bundleKeyOf } from '../../domain/sync/bundle';
import { findGaps, type Gap } from '../../domain/sync/gaps';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';
import type { ImportRow } from './rows';
import { syncedTables } from './tables';

const DEFAULT_EXPORT_REMINDER_DAYS = 7;

/**
 * Is this bundle in the import history? `key` is its `bundleKey`: signer device, bundle id and payload
 * hash (lets `openBundle` skip the records of a known bundle).
 */
export async function isImported(db: RelaisDatabase, key: string): Promise<boolean> {
  const [device, bundleId, sha] = key.split('/');
  return (await db.importHistory.get([device, bundleId, sha ?? ''])) !== undefined;
}

/** The `bundleKey` of every bundle imported here: handed to the Worker that opens bundles, for the same purpose. */
export async function importedBundleKeys(db: RelaisDatabase): Promise<string[]> {
  const keys = await db.importHistory.toCollection().primaryKeys();
  return keys.map(([device, bundleId, sha]) => bundleKeyOf(device, bundleId, sha));
}

/** The latest imports, newest first. */
export function recentImports(db: RelaisDatabase, limit: number): Promise<ImportRow[]> {
  return db.importHistory.orderBy('importedAt').reverse().limit(limit).toArray();
}

export interface SourceGaps {
  deviceId: string;
  name: string;
  gaps: Gap[];
}

/**
 * Per source device, the bundles that never arrived (holes in the counter ranges received). The
 * history is keyed by the device that signed each bundle, so only a device's own key can fill or open
 * a gap in its ranges: a forged range under another key is another device's.
 */
export async function missingBundles(db: RelaisDatabase): Promise<SourceGaps[]> {
  const rows = await db.importHistory.toArray();
  const bySource = new Map<string, ImportRow[]>();
  for (const row of rows) bySource.set(row.sourceDevice, [...(bySource.get(row.sourceDevice) ?? []), row]);
  const result: SourceGaps[] = [];
  for (const [deviceId, imports] of bySource) {
    const gaps = findGaps(imports.map((r) => ({ from: r.rangeFrom, to: r.rangeTo, since: r.since, createdAt: r.createdAt })));
    const latest = imports.reduce((a, b) => (a.importedAt >= b.importedAt ? a : b));
    if (gaps.length > 0) result.push({ deviceId, name: latest.sourceName, gaps });
  }
  return result;
}

export interface UnexportedChanges {
  /** Records changed on this laptop since the last saved export (db/stats/ownChanges.ts). */
  count: number;
  /**
   * Records received since then that the next export will relay (a coordinator forwards her team's
   * work), counted up to RELAYED_COUNTED_UP_TO; `relayedMore` when there are more.
   */
  relayed: number;
  relayedMore: boolean;
  /** Earliest change made here still waiting (ISO), undefined when nothing waits. */
  since?: string;
  /** Last successful export (ISO). */
  lastExport?: string;
  reminderDays: number;
  /** True when changes made here have waited longer than the reminder delay. */
  overdue: boolean;
}

/** Past this many, the records received and waiting are not counted one by one ("more than 1,000"). */
export const RELAYED_COUNTED_UP_TO = 1000;

export async function unexportedChanges(db: RelaisDatabase, now = Date.now()): Promise<UnexportedChanges> {
  return db.transaction('r', [db.meta, db.ownChanges, ...syncedTables(db)], async () => {
    const mark = await readMeta(db, 'exportMark');
    const reminder = await readMeta(db, 'exportReminderDays');
    const reminderDays = typeof reminder === 'number' && reminder > 0 ? reminder : DEFAULT_EXPORT_REMINDER_DAYS;
    const above = mark?.seq ?? 0;
    const own = db.ownChanges.where('seq').above(above);
    const count = await own.count();
    // Records waiting (own and received alike), read as keys up to a bound, not counted: an index count
    // walks every entry, and Chromium checks each one against its record (26 µs apiece on disk here: 8 s
    // for 300k records received, 30 s for a region's million, every other read of the app waiting
    // meanwhile). Reading `count` own ones plus one more than the bound tells how many were received.
    let budget = count + RELAYED_COUNTED_UP_TO + 1;
    let waiting = 0;
    for (const table of syncedTables(db)) {
      if (budget === 0) break;
      const found = (await table.where('seq').above(above).limit(budget).primaryKeys()).length;
      waiting += found;
      budget -= found;
    }
    const received = Math.max(0, waiting - count);
    // The change counter grows with every local write, so the lowest waiting `seq` is the oldest change.
    const oldest = await own.first();
    let since: string | undefined;
    if (oldest) {
      const [table, id] = oldest.key.split('/');
      since = (await db.table<{ updatedAt: string }>(table).get(id))?.updatedAt;
    }
    const overdue = since !== undefined && now - Date.parse(since) > reminderDays * 24 * 60 * 60 * 1000;
    return {
      count, relayed: Math.min(received, RELAYED_COUNTED_UP_TO), relayedMore: received > RELAYED_COUNTED_UP_TO, since, lastExport: mark?.at, reminderDays, overdue,
    };
  });
}

export async function setExportReminderDays(db: RelaisDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RangeError(`reminder days out of range: ${days}`);
  await writeMeta(db, 'exportReminderDays', days);
}
