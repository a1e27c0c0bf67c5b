/** Test support: valid record data to build tests on, each field overridable. */
import type { CommuneRef, Place } from '../domain/records';

export const LORMES: CommuneRef = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
export const ARVIEU: CommuneRef = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };

/** A valid place in Lormes. */
export function placeData(nom: string, overrides: Partial<Place> = {}): Place {
  return {
    nom, adresse: '1 place de la Mairie', commune: LORMES, typologie: [], services: [], publics: [],
    priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [],
    dateMaj: '2026-03-02', ...overrides,
  };
}
