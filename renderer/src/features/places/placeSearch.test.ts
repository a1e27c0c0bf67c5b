import { describe, expect, it } from 'vitest';
import type { Place } from '../../domain/records';
import { filterByVillage, searchPlaces } from './placeSearch';

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const ARVIEU = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };

function place(nom: string, overrides: Partial<Place> = {}): Place {
  return {
    nom, adresse: '1 place de la Mairie', commune: LORMES, typologie: [], services: [], publics: [],
    priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [],
    dateMaj: '2026-03-02', ...overrides,
  };
}

describe('place search', () => {
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
});
