/**
 * The conflict log: values that lost a same-field race during an import, kept once per losing write
 * so the user can see them and restore one: the sync promise that nothing is silently lost.
 */
import type { RecordKind } from '../../domain/kinds';
import { dataOf } from '../../domain/records';
import type { FieldConflict } from '../../domain/sync/merge';
import { repositoryOf, type Relais } from '../index';
import type { RelaisDatabase } from '../schema';
import type { ConflictRow } from './rows';

/** Is this losing write in the log already? (overlapping bundles bring the same race again) */
export async function alreadyLogged(db: RelaisDatabase, recordId: string, field: string, losingStamp: string): Promise<boolean> {
  return (await db.conflicts.where('[recordId+field+losingStamp]').equals([recordId, field, losingStamp]).count()) > 0;
}

/** Log each losing value once per losing write; returns how many were new to the log. */
export async function logConflicts(
  db: RelaisDatabase,
  context: { kind: RecordKind; bundleId: string; at: string },
  conflicts: ReadonlyArray<{ recordId: string; conflict: FieldConflict }>,
): Promise<number> {
  let logged = 0;
  for (const { recordId, conflict } of conflicts) {
    if (await alreadyLogged(db, recordId, conflict.field, conflict.losingStamp)) continue;
    const row: ConflictRow = {
      recordKind: context.kind, recordId, field: conflict.field, losingValue: conflict.losingValue,
      losingStamp: conflict.losingStamp, winningStamp: conflict.winningStamp, at: context.at, bundleId: context.bundleId, resolved: 0,
    };
    await db.conflicts.add(row);
    logged += 1;
  }
  return logged;
}

/** Conflicts the user has not restored or dismissed yet, newest first. */
export function openConflicts(db: RelaisDatabase): Promise<ConflictRow[]> {
  return db.conflicts.where('resolved').equals(0).reverse().sortBy('at');
}

/**
 * "Restore this value": a NEW local edit of the field through the repository (validated, stamped,
 * exported like any edit), so it wins from now on everywhere it travels.
 */
export async function restoreConflictValue(relais: Relais, conflictId: number): Promise<void> {
  const { db } = relais;
  const conflict = await db.conflicts.get(conflictId);
  if (!conflict) throw new Error(`conflict not found: ${conflictId}`);
  const repository = repositoryOf(db, conflict.recordKind);
  const current = await repository.get(conflict.recordId);
  if (!current || current.erased) throw new Error(`record not found: ${conflict.recordId}`);
  if (conflict.field === 'deleted') {
    await (conflict.losingValue ? repository.remove(conflict.recordId) : repository.restore(conflict.recordId));
  } else {
    // A losing value of `undefined` (the field was removed) removes it again: the repository drops undefined.
    await repository.update(conflict.recordId, { ...dataOf(current), [conflict.field]: conflict.losingValue });
  }
  await db.conflicts.update(conflictId, { resolved: 1 });
}

export async function dismissConflict(db: RelaisDatabase, conflictId: number): Promise<void> {
  await db.conflicts.update(conflictId, { resolved: 1 });
}
