import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openRelais, repositoryOf, type Relais } from './index';
import { RecordRepository } from './repository';
import { RECORD_KINDS, tableOf } from '../domain/kinds';
import type { RecordMeta } from '../domain/records';

let relais: Relais;
afterEach(async () => {
  await relais?.db.delete();
});

function storedRow(id: string): RecordMeta {
  return {
    id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', authorDevice: 'aaaaaaaaaaaaaaaa',
    versions: {}, deleted: 0, erased: 0, seq: 1,
  };
}

describe('record kinds, from the one registry (domain/kinds.ts)', () => {
  it('each have a table with the indexes sync relies on: id, change counter, recency, tombstone', async () => {
    relais = openRelais(`kinds-${Math.random()}`);
    await relais.db.open();
    for (const kind of RECORD_KINDS) {
      const table = relais.db.recordTable(kind);
      expect(table.name, kind).toBe(tableOf(kind));
      expect(table.schema.primKey.keyPath, kind).toBe('id');
      expect(table.schema.indexes.map((index) => index.name), kind).toEqual(expect.arrayContaining(['seq', 'updatedAt', 'deleted']));
    }
  });

  it('each have a repository on Relais, named after the table it reads and writes', async () => {
    relais = openRelais(`kinds-${Math.random()}`);
    const repositories = Object.entries(relais).filter(([, value]) => value instanceof RecordRepository).map(([name]) => name);
    expect(repositories.sort()).toEqual(RECORD_KINDS.map(tableOf).sort());
    for (const [i, kind] of RECORD_KINDS.entries()) {
      const id = `01890000-0000-7000-8000-00000000000${i}`;
      await relais.db.recordTable(kind).put({ ...storedRow(id) } as never);
      expect((await relais[tableOf(kind)].get(id))?.id, kind).toBe(id);
      expect((await repositoryOf(relais.db, kind).get(id))?.id, kind).toBe(id);
      // and no other kind's repository sees it
      const others = RECORD_KINDS.filter((other) => other !== kind);
      for (const other of others) expect(await relais[tableOf(other)].get(id), `${other} sees ${kind}`).toBeUndefined();
    }
  });
});
