// The national places CSV, checked against the vendored schema.json by a Table Schema validator
// (tableschema) reading the very bytes we write, plus a whole-value check of every pattern (the
// validator does not anchor them), on places chosen to break naive CSV and naive patterns.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Table } from 'tableschema';
import { describe, expect, it } from 'vitest';
import { compactCommunes } from '../../../communes-plugin';
import { communeFromRow, communeResolver } from '../communes';
import type { Place } from '../records';
import { placeData } from '../../testkit/records';
import { CsvEncoder, OPEN_DATA_DIALECT, parseCsv } from './csv';
import { placeFromSchemaRow, placeToSchemaRow, SCHEMA_COLUMNS, SCHEMA_PATTERNS, schemaRowProblems, type SchemaRow } from './placesSchema';

const REFERENCE = fileURLToPath(new URL('../../../../reference/lieux-mediation-numerique/', import.meta.url));
const schema = JSON.parse(readFileSync(join(REFERENCE, 'schema.json'), 'utf8')) as {
  fields: Array<{ name: string; constraints?: { pattern?: string } }>;
};
const resolve = communeResolver(compactCommunes().map(communeFromRow));

const TRICKY: Array<[string, Place]> = [
  ['quotes, « », semicolons and line breaks', placeData('L’atelier "Clic" ; « Le Pont »', {
    adresse: '2, rue du "Pont"; bât. B', complementAdresse: 'Entrée « cour »\nau fond',
    presentationDetail: 'Ligne 1\r\nLigne 2 ; "citée" — fin', horaires: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
    courriels: ['contact@clic.fr', 'equipe@clic.fr'], sitesWeb: ['https://clic.fr/a?b=1;c=2'],
  })],
  ['Corsica (2A) and an RNA pivot', placeData('Espace numérique d’Ajaccio', {
    commune: { codeInsee: '2A004', nom: 'Ajaccio', codePostal: '20000' }, pivot: 'W2A1000123', telephone: '+33495000000',
    typologie: ['EPN', 'ASSO'], itinerance: ['Itinérant', 'Fixe'],
  })],
  ['overseas commune and negative coordinates', placeData('Médiathèque de Saint-Denis', {
    commune: { codeInsee: '97411', nom: 'Saint-Denis', codePostal: '97400' }, latitude: -20.8789, longitude: 55.4481,
    telephone: '+262262000000', services: ['Aide aux démarches administratives'], formationsLabels: ['Formé à « Mon Espace Santé »'],
    autresFormationsLabels: ['Label local'], dispositifs: ["Point d'accès numérique CAF"], modalitesAcces: ["Ce lieu n'accueille pas de public"],
  })],
  ['west of Greenwich, SIRET, every list', placeData('Tiers-lieu de Brest', {
    commune: { codeInsee: '29019', nom: 'Brest', codePostal: '29200' }, latitude: 48.39, longitude: -4.486, pivot: '43493312300029',
    publics: ['Jeunes', 'Familles et/ou enfants'], priseEnChargeSpecifique: ['Langues étrangères (anglais)'], fraisACharge: ['Gratuit sous condition'],
    modalitesAccompagnement: ['À distance'], ficheAccesLibre: 'https://acceslibre.beta.gouv.fr/x', priseRdv: 'https://rdv.example/a',
    structureParente: '21290019500015', presentationResume: 'a'.repeat(280),
  })],
];

function rowsOf(places: Array<[string, Place]>): SchemaRow[] {
  return places.map(([, place], i) => placeToSchemaRow(place, `relais-${i}`, 'Mairie de Lormes'));
}

function csvOf(rows: SchemaRow[]): string {
  return new CsvEncoder(OPEN_DATA_DIALECT).text([[...SCHEMA_COLUMNS], ...rows.map((row) => SCHEMA_COLUMNS.map((c) => row[c]))]);
}

async function validate(csv: string): Promise<string[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'places-')), 'lieux.csv');
  writeFileSync(path, csv);
  const table = await Table.load(path, { schema });
  try {
    await table.read({ keyed: true });
    return [];
  } catch (error) {
    const e = error as { errors?: Array<{ message: string }>; message: string };
    return e.errors?.map((x) => x.message) ?? [e.message];
  }
}

describe('places CSV conforms to the national schema v1.0.2', () => {
  it('has exactly the schema\'s columns, in its order', () => {
    expect([...SCHEMA_COLUMNS]).toEqual(schema.fields.map((f) => f.name));
  });

  it('passes the Table Schema validator on tricky places, read from the bytes we write', async () => {
    const rows = rowsOf(TRICKY);
    for (const row of rows) expect(schemaRowProblems(row)).toEqual([]);
    expect(await validate(csvOf(rows))).toEqual([]);
  });

  it('matches every pattern of the schema on the WHOLE value', () => {
    for (const row of rowsOf(TRICKY)) {
      for (const field of schema.fields) {
        const value = row[field.name as keyof SchemaRow];
        if (field.constraints?.pattern && value !== '') {
          expect(new RegExp(`^(?:${field.constraints.pattern})$`, 'u').test(value), `${field.name}: ${value}`).toBe(true);
        }
      }
    }
  });

  it('says "source" is the structure that collected the place, never the software', () => {
    const [row] = rowsOf(TRICKY);
    expect(row.source).toBe('Mairie de Lormes');
    expect(placeToSchemaRow({ ...TRICKY[0][1], source: 'Hubik' }, 'x', 'Mairie de Lormes').source).toBe('Hubik');
  });

  it('the validator and our checks catch a broken row (the tests can fail)', async () => {
    const [row] = rowsOf(TRICKY);
    const broken = { ...row, code_postal: '5814', services: 'Aide aux démarches administratives|Autre', date_maj: '02/03/2026' };
    expect(schemaRowProblems(broken).map((p) => `${p.column}:${p.code}`)).toEqual(['code_postal:pattern', 'services:pattern', 'date_maj:date']);
    expect((await validate(csvOf([broken]))).length).toBeGreaterThan(0);
    // The schema's own list pattern, unanchored, lets a wrong first item through: our anchored one does not.
    const services = schema.fields.find((f) => f.name === 'services')!.constraints!.pattern!;
    expect(new RegExp(services).test('Autre|Aide aux démarches administratives')).toBe(true);
    expect(SCHEMA_PATTERNS.services!.test('Autre|Aide aux démarches administratives')).toBe(false);
  });
});

describe('places CSV import', () => {
  const [header, ...lines] = parseCsv(readFileSync(join(REFERENCE, 'exemple-valide.csv'), 'utf8'), ',');
  const example = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) as SchemaRow[];

  it('imports the schema\'s example and exports it back with no loss', () => {
    expect(example.length).toBeGreaterThan(0);
    for (const row of example) {
      const imported = placeFromSchemaRow(row, resolve);
      expect(imported.problems).toBeUndefined();
      expect(placeToSchemaRow(imported.place!, 'ignored', 'someone else')).toEqual(row);
    }
  });

  it('round-trips the tricky places through our CSV', () => {
    const [, ...back] = parseCsv(csvOf(rowsOf(TRICKY)), ',');
    back.forEach((cells, i) => {
      const row = Object.fromEntries(SCHEMA_COLUMNS.map((c, j) => [c, cells[j]])) as SchemaRow;
      const imported = placeFromSchemaRow(row, resolve);
      expect(imported.problems).toBeUndefined();
      expect(placeToSchemaRow(imported.place!, 'x')).toEqual(rowsOf(TRICKY)[i]);
    });
  });

  it('says why a row cannot be imported, by column', () => {
    const [row] = example;
    const problems = (r: Partial<SchemaRow>) => placeFromSchemaRow({ ...row, ...r }, resolve).problems?.map((p) => `${p.column}:${p.code}`);
    expect(problems({ nom: '' })).toEqual(['nom:required']);
    expect(problems({ code_insee: '99999' })).toEqual(['code_insee:commune']);
    expect(problems({ typologie: 'MAIRIE' })).toEqual(['typologie:unknownCode']);
    expect(problems({ horaires: 'tous les jours' })).toEqual(['horaires:invalid']);
    expect(problems({ code_insee: '', commune: 'Reims', code_postal: '51100' })).toBeUndefined();
  });
});
