/**
 * What a person reads about the records a bundle may not apply on its own: the refused ones, counted
 * by reason and kind, and the erasures and deletions of records authored elsewhere, grouped by what
 * they do, to which kind and whose records ("2 followed people erased for good, authored by Aïcha").
 */
import type { RecordKind } from '../../../domain/kinds';
import type { DestructiveAction, Refusal } from '../../../domain/sync/trust';
import { ownDeviceIds } from '../../device';
import type { RelaisDatabase } from '../../schema';
import { nameOfDevice } from '../enrolment';
import type { RefusedRecord, ReviewedRecord } from './apply';

export interface RefusedGroup {
  reason: Refusal;
  kind: RecordKind;
  count: number;
}

export interface ReviewGroup {
  action: DestructiveAction;
  kind: RecordKind;
  /** Whose records: their author's device id, and name when this device knows it (or: this device's own). */
  authorDevice: string;
  authorName?: string;
  mine: boolean;
  /** The records of the group (the choice to apply is made per group). */
  ids: string[];
}

export function refusedGroups(refused: readonly RefusedRecord[]): RefusedGroup[] {
  const groups = new Map<string, RefusedGroup>();
  for (const { reason, kind } of refused) {
    const key = `${reason}/${kind}`;
    const group = groups.get(key) ?? { reason, kind, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

export async function reviewGroups(db: RelaisDatabase, held: readonly ReviewedRecord[]): Promise<ReviewGroup[]> {
  const groups = new Map<string, ReviewGroup>();
  const own = await ownDeviceIds(db);
  for (const { action, kind, record } of held) {
    const key = `${action}/${kind}/${record.authorDevice}`;
    const group = groups.get(key) ?? { action, kind, authorDevice: record.authorDevice, mine: own.has(record.authorDevice), ids: [] };
    group.ids.push(record.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.authorName = await nameOfDevice(db, group.authorDevice);
  return [...groups.values()];
}
