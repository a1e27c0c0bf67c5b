/**
 * Sealing this device's records before they leave it (domain/sync/seal.ts): every record only its
 * author may change, authored here and changed since the last sealing, is listed in a statement this
 * device signs, and carries that statement's id as its seal, so whoever relays it later can prove it is
 * ours. Run at the start of every export; in the usual life of a laptop that is the handful of records
 * changed since the last export, and one signature. A record's seal is dropped by any later change to
 * it (repository writes and merges), and the next export seals the new version.
 */
import { AUTHORED_KINDS } from '../../domain/kinds';
import { DEVICE_ID_PATTERN, isIdOfAuthor, uuidv7 } from '../../domain/ids';
import { makeStatements, type Statement } from '../../domain/sync/seal';
import type { SyncRecord } from '../../domain/sync/merge';
import { currentSeq, ownDeviceIds, readIdentity } from '../device';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';
import { deviceSigner } from './keys';
import { CHUNK, syncTable, type SyncTable } from './tables';

/** Seal every unsealed record of ours changed since the last sealing; returns how many were sealed. */
export async function sealOwnRecords(db: RelaisDatabase): Promise<number> {
  const { upTo, mark, ownIds, me } = await db.transaction('r', db.meta, async () => ({
    upTo: await currentSeq(db), mark: (await readMeta(db, 'sealMark')) ?? 0, ownIds: await ownDeviceIds(db), me: (await readIdentity(db)).deviceId,
  }));
  if (upTo <= mark) return 0;
  const signer = await deviceSigner(db);
  const changedSince = ownChangesReader(ownIds);
  let sealed = 0;
  for (const kind of AUTHORED_KINDS) {
    const table = syncTable(db, kind);
    let after = mark;
    for (;;) {
      const { rows, last, done } = await changedSince(table, after, upTo);
      const unsealed = rows.filter((row) => row.seal === undefined && ownIds.has(row.authorDevice));
      if (unsealed.length > 0) {
        const { statements, seals } = await makeStatements(me, unsealed.map((record) => ({ kind, record })), signer, () => uuidv7());
        // Written only where the record did not change meanwhile (any change moves its `seq`).
        await db.transaction('rw', table, db.statements, async () => {
          await db.statements.bulkPut(statements);
          const current = await table.bulkGet(unsealed.map((row) => row.id));
          const updated = current.flatMap((row, i) => (row && row.seq === unsealed[i].seq && row.seal === undefined ? [{ ...row, seal: seals[i] }] : []));
          await table.bulkPut(updated);
          sealed += updated.length;
        });
      }
      if (done) break;
      after = last;
    }
  }
  await db.transaction('rw', db.meta, async () => {
    if (((await readMeta(db, 'sealMark')) ?? 0) < upTo) await writeMeta(db, 'sealMark', upTo);
  });
  return sealed;
}

type ChangesReader = (table: SyncTable, after: number, upTo: number) => Promise<{ rows: SyncRecord[]; last: number; done: boolean }>;

/**
 * How to read, a chunk at a time, the records changed in a range of the change counter that may be ours.
 * Record ids name their author (domain/ids.ts `recordId`), so when every id this device has worn is
 * key-derived, the range is walked on the index alone (no record is read) and only the records whose
 * id names us are fetched: a coordinator's first export after importing 100 000 records of her team
 * reads none of them. A device that still claims a legacy id (random ids, before schema 6) reads them all.
 */
function ownChangesReader(ownIds: ReadonlySet<string>): ChangesReader {
  const ids = [...ownIds];
  if (!ids.every((id) => DEVICE_ID_PATTERN.test(id))) {
    return async (table, after, upTo) => {
      const rows: SyncRecord[] = await table.where('seq').between(after, upTo, false, true).limit(CHUNK).toArray();
      return { rows, last: rows.at(-1)?.seq ?? upTo, done: rows.length < CHUNK };
    };
  }
  return async (table, after, upTo) => {
    const mine: string[] = [];
    let seen = 0;
    let last = upTo;
    await table.where('seq').between(after, upTo, false, true).limit(CHUNK).eachKey((seq, cursor) => {
      seen += 1;
      last = seq as number;
      const id = cursor.primaryKey as string;
      if (ids.some((own) => isIdOfAuthor(id, own))) mine.push(id);
    });
    const rows = mine.length === 0 ? [] : (await table.bulkGet(mine)).filter((row): row is SyncRecord => row !== undefined);
    return { rows, last, done: seen < CHUNK };
  };
}

/** The statements these seals name, as this device holds them (missing ones are absent). */
export async function statementsOf(db: RelaisDatabase, ids: Iterable<string>): Promise<Statement[]> {
  return (await db.statements.bulkGet([...new Set(ids)])).filter((s): s is Statement => s !== undefined);
}
