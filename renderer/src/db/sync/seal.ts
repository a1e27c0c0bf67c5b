/**
 * Sealing this device's records before they leave it (domain/sync/seal.ts): every record only its
 * author may change, authored here and changed since the last sealing, is listed in a statement this
 * device signs, and carries that statement's id as its seal, so whoever relays it later can prove it is
 * ours. Run at the start of every export; in the usual life of a laptop that is the handful of records
 * changed since the last export, and one signature. A record's seal is dropped by any later change to
 * it (repository writes and merges), and the next export seals the new version.
 */
import { AUTHORED_KINDS } from '../../domain/kinds';
import { uuidv7 } from '../../domain/ids';
import { makeStatements, type Statement } from '../../domain/sync/seal';
import type { SyncRecord } from '../../domain/sync/merge';
import { currentSeq, ownDeviceIds, readIdentity } from '../device';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';
import { deviceSigner } from './keys';
import { CHUNK, syncTable } from './tables';

/** Seal every unsealed record of ours changed since the last sealing; returns how many were sealed. */
export async function sealOwnRecords(db: RelaisDatabase): Promise<number> {
  const { upTo, mark, ownIds, me } = await db.transaction('r', db.meta, async () => ({
    upTo: await currentSeq(db), mark: (await readMeta(db, 'sealMark')) ?? 0, ownIds: await ownDeviceIds(db), me: (await readIdentity(db)).deviceId,
  }));
  if (upTo <= mark) return 0;
  const signer = await deviceSigner(db);
  let sealed = 0;
  for (const kind of AUTHORED_KINDS) {
    const table = syncTable(db, kind);
    let after = mark;
    for (;;) {
      const rows: SyncRecord[] = await table.where('seq').between(after, upTo, false, true).limit(CHUNK).toArray();
      if (rows.length === 0) break;
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
      if (rows.length < CHUNK) break;
      after = rows[rows.length - 1].seq ?? upTo;
    }
  }
  await db.transaction('rw', db.meta, async () => {
    if (((await readMeta(db, 'sealMark')) ?? 0) < upTo) await writeMeta(db, 'sealMark', upTo);
  });
  return sealed;
}

/** The statements these seals name, as this device holds them (missing ones are absent). */
export async function statementsOf(db: RelaisDatabase, ids: Iterable<string>): Promise<Statement[]> {
  return (await db.statements.bulkGet([...new Set(ids)])).filter((s): s is Statement => s !== undefined);
}
