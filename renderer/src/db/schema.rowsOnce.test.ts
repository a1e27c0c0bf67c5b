/**
 * An upgrade across several versions that change the count rows rebuilds them once, not once per
 * version (a rebuild reads every activity: minutes at a region's million). The rebuild is spied on
 * where db/schema.ts takes it from.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';

const rebuilds = vi.hoisted(() => ({ count: 0 }));
vi.mock('./stats/migration', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./stats/migration')>();
  return { ...actual, rebuildStats: async (...args: Parameters<typeof actual.rebuildStats>) => { rebuilds.count += 1; return actual.rebuildStats(...args); } };
});

const { rowsRebuiltOnce } = await import('./schema');
const { databaseAt } = await import('../testkit/db');
const { openRelais } = await import('./index');
const { statsDifferFromRecount, readDashboard } = await import('./stats/dashboard');

const OWN = 'a1'.repeat(16);
const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

function activity(n: number, date: string, type: 'individuel' | 'collectif') {
  const data = { type, date, duree: 30 * n, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [] };
  return {
    ...data, id: `01890000-0000-7000-8000-b1b1b1b1b1b${n}`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    authorDevice: OWN, deleted: 0, erased: 0, seq: n,
    versions: Object.fromEntries([...Object.keys(data), 'deleted'].map((k) => [k, `2026-01-01T00:00:00.000Z-0000-${OWN}`])),
  };
}
const ACTIVITIES = [activity(1, '2026-01-10', 'individuel'), activity(2, '2026-01-12', 'collectif'), activity(3, '2026-02-03', 'collectif')];

/** A database as a given schema version left it, with three activities and no count rows. */
async function withActivitiesAt(name: string, upTo: number): Promise<void> {
  const old = await databaseAt(name, upTo);
  await old.table('activities').bulkPut(ACTIVITIES);
  old.close();
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  rebuilds.count = 0;
});

describe('the count rows are rebuilt once per upgrade', () => {
  // 8: before the rows existed (version 9 adds them); 13: before versions 14, 15 and 16, each of which changes them.
  it.each([8, 13, 15])('from version %i: one rebuild, rows equal to a recount', async (from) => {
    const name = `rows-once-${from}-${Math.random()}`;
    names.push(name);
    await withActivitiesAt(name, from);
    const relais = openRelais(name);
    await relais.db.open();
    expect(rebuilds.count).toBe(1);
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
    const workshops = await readDashboard(relais.db, { type: 'collectif', commune: '58145' });
    expect([workshops.source, workshops.totals.activities, workshops.totals.minutes]).toEqual(['rows', 2, 150]);
    relais.db.close();
  });

  it('an up-to-date database is not rebuilt', async () => {
    const name = `rows-once-current-${Math.random()}`;
    names.push(name);
    await openRelais(name).db.open();
    rebuilds.count = 0;
    const relais = openRelais(name);
    await relais.db.open();
    expect(rebuilds.count).toBe(0);
    relais.db.close();
  });

  it('only the last version that changes the rows rebuilds them, after its own upgrade', async () => {
    const seen: string[] = [];
    const steps = rowsRebuiltOnce([
      { version: 1, stores: {}, rebuildsRows: true, upgrade: async () => { seen.push(`own 1, rebuilt ${rebuilds.count}`); } },
      { version: 2, stores: {} },
      { version: 3, stores: {}, rebuildsRows: true, upgrade: async () => { seen.push(`own 3, rebuilt ${rebuilds.count}`); } },
    ]);
    // A transaction with no tables: the rebuild, once counted, stops at its first read.
    const noTables = { table: () => { throw new Error('no tables'); } } as never;
    for (const step of steps) await step.upgrade?.(noTables).catch(() => undefined);
    expect([...seen, `rebuilt ${rebuilds.count}`]).toEqual(['own 1, rebuilt 0', 'own 3, rebuilt 0', 'rebuilt 1']);
  });
});
