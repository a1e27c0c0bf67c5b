import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncRecord } from '../../domain/sync/merge';
import type { BundleEntry } from '../../domain/sync/records';
import { RelaisDatabase } from '../schema';
import { forEachStoredChunk, ReadsInTransaction } from './tables';

const opened: RelaisDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
  vi.restoreAllMocks();
});

let count = 0;
function freshDb(): RelaisDatabase {
  const db = new RelaisDatabase(`tables-${++count}`);
  opened.push(db);
  return db;
}

/** The reads made of `table` (Dexie hands each transaction its own table objects: spied on their class). */
function readsOf(db: RelaisDatabase, table: string) {
  const bulkGet = vi.spyOn(db.Table.prototype, 'bulkGet');
  const where = vi.spyOn(db.Table.prototype, 'where');
  const mine = (spy: { mock: { contexts: unknown[] } }) => spy.mock.contexts.map((t, i) => [t, i] as const).filter(([t]) => (t as { name: string }).name === table).map(([, i]) => i);
  return {
    byIds: () => mine(bulkGet).map((i) => bulkGet.mock.calls[i][0]),
    ranges: () => mine(where).length,
  };
}

/** A village record as sync sees it: only its id and a marker matter to the read loop. */
const village = (id: string, name = id): SyncRecord => ({ id, name } as unknown as SyncRecord);
const entries = (...records: SyncRecord[]): BundleEntry[] => records.map((record) => ({ kind: 'village', record }));

/** Walks `file` as an import does (each chunk's records written by its visitor): the stored copies seen. */
async function importLike(db: RelaisDatabase, file: BundleEntry[], shared?: ReadsInTransaction): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  await forEachStoredChunk(db, file, async ({ table, received, stored }) => {
    for (const record of received) seen[record.id] = (stored.get(record.id) as { name?: string } | undefined)?.name ?? null;
    await table.bulkPut(received);
  }, shared);
  return seen;
}

describe('reading the stored copies of received records', () => {
  it('in a table empty when the transaction began, reads only the ids received before in it', async () => {
    const db = freshDb();
    const reads = readsOf(db, 'villages');
    await db.transaction('rw', db.villages, async () => {
      const shared = new ReadsInTransaction();
      expect(await importLike(db, entries(village('b', 'first b'), village('d')), shared)).toEqual({ b: null, d: null });
      // The second file repeats b: its copy (written by the first) is read, a and c are known absent.
      expect(await importLike(db, entries(village('a'), village('b', 'second b'), village('c')), shared)).toEqual({ a: null, b: 'first b', c: null });
    });
    expect(reads.byIds()).toEqual([['b']]);
    expect(reads.ranges()).toBe(0);
    expect((await db.villages.get('b') as unknown as { name: string }).name).toBe('second b');
  });

  it('in a table that held records when the transaction began, reads as before (what was there is found)', async () => {
    const db = freshDb();
    await db.villages.bulkPut([village('a', 'stored a'), village('e', 'stored e')] as never);
    await db.transaction('rw', db.villages, async () => {
      const shared = new ReadsInTransaction();
      expect(await importLike(db, entries(village('b')), shared)).toEqual({ b: null });
      expect(await importLike(db, entries(village('a'), village('b', 'again'), village('c')), shared)).toEqual({ a: 'stored a', b: 'b', c: null });
    });
  });

  it('judges each table on its own: one empty at the start, another not', async () => {
    const db = freshDb();
    await db.places.put({ id: 'p', name: 'stored p' } as never);
    const [placeReads, villageReads] = [readsOf(db, 'places'), readsOf(db, 'villages')];
    await db.transaction('rw', db.villages, db.places, async () => {
      const shared = new ReadsInTransaction();
      const file: BundleEntry[] = [...entries(village('v')), { kind: 'place', record: village('p', 'sent p') }];
      await forEachStoredChunk(db, file, ({ kind, stored }) => {
        if (kind === 'place') expect((stored.get('p') as unknown as { name: string }).name).toBe('stored p');
        else expect(stored.size).toBe(0);
      }, shared);
    });
    expect(placeReads.ranges()).toBe(1);
    expect(villageReads.ranges() + villageReads.byIds().length).toBe(0);
  });

  it('without what the transaction received, a later file reads its stored copies as usual', async () => {
    const db = freshDb();
    const reads = readsOf(db, 'villages');
    await db.transaction('rw', db.villages, async () => {
      await importLike(db, entries(village('b', 'first b')));
      expect(await importLike(db, entries(village('a'), village('b'), village('c')))).toEqual({ a: null, b: 'first b', c: null });
    });
    expect(reads.ranges()).toBe(2);
  });

  it('chooses how to read without counting a table or a span (a count walks every record: seconds at a million)', async () => {
    const db = freshDb();
    // 60 stored villages, ids v00…v59: a file of three spread over them reads its copies by id.
    await db.villages.bulkPut(Array.from({ length: 60 }, (_, i) => village(`v${String(i).padStart(2, '0')}`, `stored ${i}`)) as never);
    const counts = [vi.spyOn(db.Table.prototype, 'count'), vi.spyOn(db.Collection.prototype, 'count')];
    const reads = readsOf(db, 'villages');
    expect(await importLike(db, entries(village('v05'), village('v30'), village('v58'), village('zz')))).toEqual({ v05: 'stored 5', v30: 'stored 30', v58: 'stored 58', zz: null });
    expect(reads.byIds()).toEqual([['v05', 'v30', 'v58', 'zz']]);
    // Two stored, three received, close together: one range read.
    const small = freshDb();
    await small.villages.bulkPut([village('a', 'stored a'), village('c', 'stored c')] as never);
    const smallReads = readsOf(small, 'villages');
    expect(await importLike(small, entries(village('a'), village('b'), village('c')))).toEqual({ a: 'stored a', b: null, c: 'stored c' });
    expect(smallReads.byIds()).toEqual([]);
    for (const count of counts) expect(count).not.toHaveBeenCalled();
  });
});
