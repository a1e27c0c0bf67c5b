import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelais } from '../../db';
import type { Place, Village } from '../../domain/records';
import { filterByVillage, livePlaces, searchPlaces, villageForCommune } from './placeQueries';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const ARVIEU = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };

function place(nom: string, overrides: Partial<Place> = {}): Place {
  return {
    nom, adresse: '1 place de la Mairie', commune: LORMES, typologie: [], services: [], publics: [],
    priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [],
    dateMaj: '2026-03-02', ...overrides,
  };
}

const village = (commune: typeof LORMES, departement: string): Village => ({ commune, departement });

describe('place queries', () => {
  it('searches name, address and commune ignoring accents and case; digits search postcodes', () => {
    const places = [place('Médiathèque'), place('France Services', { commune: ARVIEU, adresse: 'Rue du Lévézou' })];
    expect(searchPlaces(places, 'mediatheque').map((p) => p.nom)).toEqual(['Médiathèque']);
    expect(searchPlaces(places, 'LEVEZOU').map((p) => p.nom)).toEqual(['France Services']);
    expect(searchPlaces(places, 'arvieu').map((p) => p.nom)).toEqual(['France Services']);
    expect(searchPlaces(places, '581').map((p) => p.nom)).toEqual(['Médiathèque']);
    expect(searchPlaces(places, '  ')).toHaveLength(2);
  });

  it('filters by village, empty filter keeps all', () => {
    const places = [place('A', { villageId: 'v1' }), place('B', { villageId: 'v2' }), place('C')];
    expect(filterByVillage(places, 'v2').map((p) => p.nom)).toEqual(['B']);
    expect(filterByVillage(places, '')).toHaveLength(3);
  });

  it('lists live places newest first and finds the live village of a commune', async () => {
    const relais = openRelais(`test-${Math.random()}`);
    const first = await relais.places.create(place('Premier'));
    await new Promise((r) => setTimeout(r, 5));
    await relais.places.create(place('Second'));
    const gone = await relais.places.create(place('Supprimé'));
    await relais.places.remove(gone.id);
    expect((await livePlaces(relais.db)).map((p) => p.nom)).toEqual(['Second', 'Premier']);
    expect(first.id).toBeTruthy();

    expect(await villageForCommune(relais.db, LORMES)).toBeUndefined();
    const deletedVillage = await relais.villages.create(village(LORMES, '58'));
    await relais.villages.remove(deletedVillage.id);
    expect(await villageForCommune(relais.db, LORMES)).toBeUndefined();
    const lormes = await relais.villages.create(village(LORMES, '58'));
    await relais.villages.create(village(ARVIEU, '12'));
    expect((await villageForCommune(relais.db, LORMES))?.id).toBe(lormes.id);
    expect(await villageForCommune(relais.db, undefined)).toBeUndefined();
  });
});
