/**
 * The mediators view of a coordinator: every device enrolled here (and every sender bundles came
 * from), with its author and structure, the last bundle received from it, the records received, the
 * activities it wrote that are here, the bundles missing from its ranges, and whether it has gone
 * quiet for longer than the threshold chosen in Settings ("not heard from in N days").
 */
import { findGaps } from '../domain/sync/gaps';
import { readMeta, writeMeta } from './meta';
import type { RelaisDatabase } from './schema';
import { activitiesPerAuthor } from './stats/dashboard';
import { compareFrench } from '../domain/collation';

export const DEFAULT_SILENCE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MediatorRow {
  deviceId: string;
  name: string;
  structure: string;
  role?: string;
  enrolled: boolean;
  /** The newest bundle received from it: when it was made there, and imported here. */
  lastBundle?: { createdAt: string; importedAt: string };
  bundles: number;
  /** Records its bundles brought (new, updated or deleted here). */
  recordsReceived: number;
  /** Live activities it authored that this laptop holds. */
  activities: number;
  /** Bundles missing from its counter ranges. */
  gaps: number;
  /** Whole days since its last bundle was made (undefined: never received one). */
  daysSilent?: number;
  /** No bundle for longer than the threshold, or none ever. */
  quiet: boolean;
}

export async function readSilenceDays(db: RelaisDatabase): Promise<number> {
  const days = await readMeta(db, 'silenceDays');
  return typeof days === 'number' && days > 0 ? days : DEFAULT_SILENCE_DAYS;
}

export async function setSilenceDays(db: RelaisDatabase, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RangeError(`silence days out of range: ${days}`);
  await writeMeta(db, 'silenceDays', days);
}

export async function readMediators(db: RelaisDatabase, now = Date.now()): Promise<{ rows: MediatorRow[]; silenceDays: number }> {
  const [cards, history, silenceDays, activities] = await Promise.all([
    db.cards.toArray(), db.importHistory.toArray(), readSilenceDays(db), activitiesPerAuthor(db),
  ]);
  const rows = new Map<string, MediatorRow>();
  const row = (deviceId: string, name: string, structure: string): MediatorRow => {
    let found = rows.get(deviceId);
    if (!found) {
      found = { deviceId, name, structure, enrolled: false, bundles: 0, recordsReceived: 0, activities: 0, gaps: 0, quiet: true };
      rows.set(deviceId, found);
    }
    return found;
  };
  for (const card of cards) {
    if (card.trust === 'relayed') continue;
    Object.assign(row(card.deviceId, card.name, card.structure), { name: card.name, structure: card.structure, role: card.role, enrolled: card.trust === 'enrolled' });
  }
  const bySource = new Map<string, typeof history>();
  for (const imported of history) bySource.set(imported.sourceDevice, [...(bySource.get(imported.sourceDevice) ?? []), imported]);
  for (const [deviceId, imports] of bySource) {
    const latest = imports.reduce((a, b) => (a.createdAt >= b.createdAt ? a : b));
    const target = row(deviceId, latest.sourceName, latest.sourceStructure);
    target.bundles = imports.length;
    target.lastBundle = { createdAt: latest.createdAt, importedAt: latest.importedAt };
    target.recordsReceived = imports.reduce((sum, i) => sum + i.counts.new + i.counts.updated + i.counts.deleted, 0);
    target.gaps = findGaps(imports.map((r) => ({ from: r.rangeFrom, to: r.rangeTo, since: r.since, createdAt: r.createdAt }))).length;
  }
  for (const target of rows.values()) {
    target.activities = activities.get(target.deviceId) ?? 0;
    if (target.lastBundle) target.daysSilent = Math.floor((now - Date.parse(target.lastBundle.createdAt)) / DAY_MS);
    target.quiet = target.daysSilent === undefined || target.daysSilent > silenceDays;
  }
  const sorted = [...rows.values()].sort((a, b) => Number(b.quiet) - Number(a.quiet) || compareFrench(a.name, b.name));
  return { rows: sorted, silenceDays };
}
