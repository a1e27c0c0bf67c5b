import { describe, expect, it } from 'vitest';
import { ARVIEU, placeData } from '../../testkit/records';
import { filterByVillage, searchPlaces } from './placeSearch';

describe('place search', () => {
  it('searches name, address and commune ignoring accents and case; digits search postcodes', () => {
    const places = [placeData('Médiathèque'), placeData('France Services', { commune: ARVIEU, adresse: 'Rue du Lévézou' })];
    expect(searchPlaces(places, 'mediatheque').map((p) => p.nom)).toEqual(['Médiathèque']);
    expect(searchPlaces(places, 'LEVEZOU').map((p) => p.nom)).toEqual(['France Services']);
    expect(searchPlaces(places, 'arvieu').map((p) => p.nom)).toEqual(['France Services']);
    expect(searchPlaces(places, '581').map((p) => p.nom)).toEqual(['Médiathèque']);
    expect(searchPlaces(places, '  ')).toHaveLength(2);
  });

  it('filters by village, empty filter keeps all', () => {
    const places = [placeData('A', { villageId: 'v1' }), placeData('B', { villageId: 'v2' }), placeData('C')];
    expect(filterByVillage(places, 'v2').map((p) => p.nom)).toEqual(['B']);
    expect(filterByVillage(places, '')).toHaveLength(3);
  });
});
