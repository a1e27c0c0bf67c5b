import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactCommunes } from '../../communes-plugin';
import { communeFromRow, communeResolver } from '../domain/communes';
import { parseCsv } from '../domain/formats/csv';
import { placeData } from '../testkit/records';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import { applyPlacesImport, planPlacesImport, type PlacesImportPlan } from './placesImport';

const EXAMPLE = fileURLToPath(new URL('../../../reference/lieux-mediation-numerique/exemple-valide.csv', import.meta.url));
const resolve = communeResolver(compactCommunes().map(communeFromRow));
const [HEADER, ...ROWS] = parseCsv(readFileSync(EXAMPLE, 'utf8'), ',');
const column = (name: string) => HEADER.indexOf(name);

let relais: Relais;
beforeEach(() => { relais = openRelaisWithKeys(`places-import-${Math.random()}`); });
afterEach(() => relais.db.delete());

async function plan(rows: string[][], header = HEADER): Promise<PlacesImportPlan> {
  const result = await planPlacesImport(relais.db, header, rows, resolve);
  if (!('plan' in result)) throw new Error(`missing ${result.missingColumns.join(', ')}`);
  return result.plan;
}

describe('importing places from a national CSV', () => {
  it('previews without writing, then imports the schema\'s example', async () => {
    const first = await plan(ROWS);
    expect([first.created.length, first.updated.length, first.unchanged, first.rejected.length]).toEqual([1, 0, 0, 0]);
    expect(await relais.db.places.count()).toBe(0);
    expect(await applyPlacesImport(relais, first)).toBe(1);
    const [place] = await relais.db.places.toArray();
    expect(place).toMatchObject({ idNational: 'structure-1', nom: 'Anonymal', source: 'Hubik', itinerance: ['Itinérant'] });
  });

  it('changes nothing on a re-import of the same file, keeps local fields, updates by id', async () => {
    await applyPlacesImport(relais, await plan(ROWS));
    const [stored] = await relais.db.places.toArray();
    await relais.places.update(stored.id, { ...stored, villageId: 'v-1' });
    const again = await plan(ROWS);
    expect([again.created.length, again.updated.length, again.unchanged]).toEqual([0, 0, 1]);

    const changed = ROWS.map((cells) => cells.map((cell, i) => (i === column('nom') ? 'Anonymal (nouveau nom)' : i === column('date_maj') ? '2026-05-01' : cell)));
    const update = await plan(changed);
    expect(update.updated).toHaveLength(1);
    await applyPlacesImport(relais, update);
    const after = await relais.db.places.get(stored.id);
    expect(after).toMatchObject({ nom: 'Anonymal (nouveau nom)', villageId: 'v-1', idNational: 'structure-1' });
    expect(await relais.db.places.count()).toBe(1);
  });

  it('matches a file Relais exported by the record id, without making it a national id', async () => {
    const local = await relais.places.create(placeData('Mairie de Lormes'));
    const row = HEADER.map((name) => (name === 'id' ? local.id : ROWS[0][column(name)]));
    const result = await plan([row.map((cell, i) => (HEADER[i] === 'date_maj' ? '2026-05-01' : cell))]);
    expect(result.updated.map((u) => u.id)).toEqual([local.id]);
    expect(result.updated[0].place.idNational).toBeUndefined();
  });

  it('lists each refused row with its line and column, and imports the others', async () => {
    const broken = ROWS[0].map((cell, i) => (i === column('code_postal') ? '511' : cell));
    const other = ROWS[0].map((cell, i) => (i === column('id') ? 'structure-2' : cell));
    const result = await plan([broken, other]);
    expect(result.rejected).toEqual([{ line: 2, problems: [{ column: 'code_postal', code: 'pattern' }] }]);
    expect(result.created).toHaveLength(1);
  });

  it('refuses a file that is not in the schema, saying which columns are missing', async () => {
    const result = await planPlacesImport(relais.db, ['id', 'nom'], [['a', 'b']], resolve);
    expect(result).toEqual({ missingColumns: expect.arrayContaining(['pivot', 'commune', 'date_maj']) });
  });
});
