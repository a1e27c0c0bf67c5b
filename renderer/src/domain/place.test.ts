import { describe, expect, it } from 'vitest';
import { validatePlace } from './place';
import type { Place } from './records';

function samplePlace(overrides: Partial<Place> = {}): Place {
  return {
    nom: 'Médiathèque de Lormes',
    adresse: '2 rue du Pont Chevalier',
    complementAdresse: 'Rez-de-chaussée',
    commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' },
    typologie: ['BIB', 'MUNI'],
    services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
    publics: ['Seniors', 'Familles et/ou enfants'],
    priseEnChargeSpecifique: ['Langues étrangères (anglais)'],
    fraisACharge: ['Gratuit'],
    modalitesAcces: ['Se présenter', "Ce lieu n'accueille pas de public"],
    modalitesAccompagnement: ['Accompagnement individuel', 'À distance'],
    dispositifs: ['Conseillers numériques', "Point d'accès numérique CAF", 'Relais numérique (Emmaüs Connect)'],
    itinerance: 'Fixe',
    horaires: 'Tu-Fr 14:00-18:00; Sa 10:00-12:00',
    presentationResume: 'Accès libre à des ordinateurs et aide aux démarches en ligne.',
    latitude: 47.2906,
    longitude: 3.8197,
    dateMaj: '2026-03-02',
    ...overrides,
  };
}

const codes = (place: Place) => validatePlace(place).map((i) => `${i.field}:${i.code}`);

describe('validatePlace', () => {
  it('accepts a complete place and a minimal one', () => {
    expect(validatePlace(samplePlace())).toEqual([]);
    expect(validatePlace(samplePlace({
      complementAdresse: undefined, typologie: [], services: [], publics: [], priseEnChargeSpecifique: [],
      fraisACharge: [], modalitesAcces: [], modalitesAccompagnement: [], dispositifs: [], itinerance: undefined,
      horaires: undefined, presentationResume: undefined, latitude: undefined, longitude: undefined,
    }))).toEqual([]);
  });

  it('requires a name and an address (blank text counts as missing)', () => {
    expect(codes(samplePlace({ nom: '  ', adresse: '' }))).toEqual(['nom:required', 'adresse:required']);
  });

  it('requires a commune of the official list', () => {
    expect(codes(samplePlace({ commune: undefined as unknown as Place['commune'] }))).toEqual(['commune:required']);
    expect(codes(samplePlace({ commune: { codeInsee: '581', nom: 'Lormes', codePostal: '58140' } }))).toEqual(['commune:communeInvalid']);
  });

  it('accepts a SIRET or RNA pivot, refuses anything else', () => {
    expect(codes(samplePlace({ pivot: '43493312300029' }))).toEqual([]);
    expect(codes(samplePlace({ pivot: 'W581000123' }))).toEqual([]);
    expect(codes(samplePlace({ pivot: '' }))).toEqual([]);
    expect(codes(samplePlace({ pivot: '434 933 123' }))).toEqual(['pivot:pivotInvalid']);
    expect(codes(samplePlace({ pivot: '12345678' }))).toEqual(['pivot:pivotInvalid']);
    expect(codes(samplePlace({ pivot: '123456789012345' }))).toEqual(['pivot:pivotInvalid']);
  });

  it('requires a real YYYY-MM-DD update date', () => {
    expect(codes(samplePlace({ dateMaj: '02/03/2026' }))).toEqual(['dateMaj:dateInvalid']);
    expect(codes(samplePlace({ dateMaj: '2026-02-30' }))).toEqual(['dateMaj:dateInvalid']);
  });

  it.each([
    ['typologie', 'MAIRIE'],
    ['services', 'Aide aux demarches administratives'], // accent missing: not the schema's value
    ['publics', 'Retraités'],
    ['priseEnChargeSpecifique', 'Surdite'],
    ['fraisACharge', 'Libre'],
    ['modalitesAcces', 'Venir'],
    ['modalitesAccompagnement', 'En groupe'],
    ['dispositifs', 'France services'],
  ] as const)('restricts %s to its value list', (field, wrong) => {
    const place = samplePlace();
    expect(codes({ ...place, [field]: [...(place[field] as string[]), wrong] })).toEqual([`${field}:invalid`]);
  });

  it('restricts itinerance to Itinérant or Fixe', () => {
    expect(codes(samplePlace({ itinerance: 'Itinérant' }))).toEqual([]);
    expect(codes(samplePlace({ itinerance: 'Mobile' }))).toEqual(['itinerance:invalid']);
  });

  it('limits the short presentation to 280 characters and opening hours to 500', () => {
    expect(codes(samplePlace({ presentationResume: 'a'.repeat(280) }))).toEqual([]);
    expect(validatePlace(samplePlace({ presentationResume: 'a'.repeat(281) }))).toEqual([
      { field: 'presentationResume', code: 'tooLong', params: { max: 280 } },
    ]);
    expect(codes(samplePlace({ horaires: 'Mo 09:00-12:00;'.repeat(40) }))).toEqual(['horaires:tooLong']);
  });

  it('checks latitude and longitude ranges', () => {
    expect(codes(samplePlace({ latitude: -90, longitude: 180 }))).toEqual([]);
    expect(codes(samplePlace({ latitude: 91 }))).toEqual(['latitude:coordinateRange']);
    expect(codes(samplePlace({ longitude: -180.5 }))).toEqual(['longitude:coordinateRange']);
    expect(codes(samplePlace({ latitude: Number.NaN }))).toEqual(['latitude:coordinateRange']);
  });
});

describe('validatePlace — the schema columns collected since schema 7', () => {
  it('checks opening hours with the OpenStreetMap parser', () => {
    expect(codes(samplePlace({ horaires: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off' }))).toEqual([]);
    expect(codes(samplePlace({ horaires: 'du lundi au vendredi' }))).toEqual(['horaires:openingHoursInvalid']);
  });
  it('checks the phone against the schema pattern, e-mails and web addresses', () => {
    expect(codes(samplePlace({ telephone: '+33386228000', courriels: ['a@b.fr'], sitesWeb: ['https://lormes.fr'], priseRdv: 'https://rdv.fr' }))).toEqual([]);
    expect(codes(samplePlace({ telephone: '03 86 22 80 00' }))).toEqual(['telephone:telephoneInvalid']);
    expect(codes(samplePlace({ courriels: ['pas un courriel'] }))).toEqual(['courriels:emailInvalid']);
    expect(codes(samplePlace({ sitesWeb: ['lormes.fr'] }))).toEqual(['sitesWeb:urlInvalid']);
    expect(codes(samplePlace({ ficheAccesLibre: 'acceslibre' }))).toEqual(['ficheAccesLibre:urlInvalid']);
  });
  it('restricts formations_labels to the schema list, other labels are free', () => {
    expect(codes(samplePlace({ formationsLabels: ['ORDI 3.0'], autresFormationsLabels: ['Label local'] }))).toEqual([]);
    expect(codes(samplePlace({ formationsLabels: ['Label local'] }))).toEqual(['formationsLabels:invalid']);
  });
  it('takes itinerance as a list, or as the single value records held before schema 7', () => {
    expect(codes(samplePlace({ itinerance: ['Itinérant', 'Fixe'] }))).toEqual([]);
    expect(codes(samplePlace({ itinerance: 'Fixe' }))).toEqual([]);
    expect(codes(samplePlace({ itinerance: ['Fixe', 'Fixe'] }))).toEqual(['itinerance:invalid']);
  });
});
