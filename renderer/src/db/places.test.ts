import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../testkit/db';
import type { CommuneRef, Village } from '../domain/records';
import { ARVIEU, LORMES, placeData } from '../testkit/records';
import { livePlacesNewestFirst } from './places';
import { liveVillageOfCommune } from './villages';

const village = (commune: CommuneRef, departement: string): Village => ({ commune, departement });

describe('place reads', () => {
  it('lists live places newest first and finds the live village of a commune', async () => {
    const relais = openRelaisWithKeys(`test-${Math.random()}`);
    const first = await relais.places.create(placeData('Premier'));
    await new Promise((r) => setTimeout(r, 5));
    await relais.places.create(placeData('Second'));
    const gone = await relais.places.create(placeData('Supprimé'));
    await relais.places.remove(gone.id);
    expect((await livePlacesNewestFirst(relais.db)).map((p) => p.nom)).toEqual(['Second', 'Premier']);
    expect(first.id).toBeTruthy();

    expect(await liveVillageOfCommune(relais.db, LORMES.codeInsee)).toBeUndefined();
    const deletedVillage = await relais.villages.create(village(LORMES, '58'));
    await relais.villages.remove(deletedVillage.id);
    expect(await liveVillageOfCommune(relais.db, LORMES.codeInsee)).toBeUndefined();
    const lormes = await relais.villages.create(village(LORMES, '58'));
    await relais.villages.create(village(ARVIEU, '12'));
    expect((await liveVillageOfCommune(relais.db, LORMES.codeInsee))?.id).toBe(lormes.id);
    expect(await liveVillageOfCommune(relais.db, undefined)).toBeUndefined();
  });
});
