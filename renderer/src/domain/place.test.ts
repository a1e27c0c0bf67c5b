import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_PIVOT, validatePlace } from './place';
import { placeToSchemaRow, SCHEMA_COLUMNS } from './formats/placesSchema';
import type { Place } from './records';
import { isIsoDate } from './validation';

/**
 * The national schema and its official valid example (Licence Ouverte 2.0), vendored unchanged in the
 * repository with their source and licence note (reference/lieux-mediation-numerique/README.md).
 */
const REFERENCE_DIR = fileURLToPath(new URL('../../../reference/lieux-mediation-numerique', import.meta.url));

interface SchemaField {
  name: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string; maxLength?: number };
}

function readSchemaFields(): SchemaField[] {
  const schema = JSON.parse(readFileSync(join(REFERENCE_DIR, 'schema.json'), 'utf8')) as { fields: SchemaField[] };
  return schema.fields;
}

/** The rows of a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(field); field = ''; }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** The official example, one object per row keyed by the CSV header. */
function readExampleRows(): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...lines] = parseCsv(readFileSync(join(REFERENCE_DIR, 'exemple-valide.csv'), 'utf8'));
  return { header, rows: lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))) };
}

/** Frictionless patterns match the whole value (XML Schema semantics), hence the anchors. */
function matchesWhole(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}

/** Every violation of the schema's field constraints by one row, as readable strings. */
function schemaViolations(fields: SchemaField[], row: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const field of fields) {
    const value = row[field.name];
    if (value === undefined) { problems.push(`${field.name}: column missing`); continue; }
    const c = field.constraints ?? {};
    if (value === '') {
      if (c.required) problems.push(`${field.name}: required`);
      continue;
    }
    if (c.pattern && !matchesWhole(c.pattern, value)) problems.push(`${field.name}: pattern (${value})`);
    if (c.maxLength !== undefined && [...value].length > c.maxLength) problems.push(`${field.name}: too long`);
    if (field.type === 'number' && !Number.isFinite(Number(value))) problems.push(`${field.name}: not a number`);
    if (field.type === 'date' && !isIsoDate(value)) problems.push(`${field.name}: not a date`);
  }
  return problems;
}

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

describe('placeToSchemaRow', () => {
  const fields = readSchemaFields();

  it('has exactly the columns of the national schema, in its order', () => {
    expect(Object.keys(placeToSchemaRow(samplePlace(), 'p-1'))).toEqual(fields.map((f) => f.name));
    expect([...SCHEMA_COLUMNS]).toEqual(fields.map((f) => f.name));
  });

  it('produces a row that satisfies every field constraint of the schema', () => {
    const row = placeToSchemaRow(samplePlace({ pivot: '43493312300029' }), '0195f0a2-7c41-7000-8000-000000000001');
    expect(schemaViolations(fields, row)).toEqual([]);
    expect(row.services).toBe('Aide aux démarches administratives|Maîtrise des outils numériques du quotidien');
    expect(row.typologie).toBe('BIB|MUNI');
    expect(row.code_insee).toBe('58145');
    expect(row.latitude).toBe('47.2906');
  });

  it('uses the national "unknown pivot" so a place without SIRET still validates', () => {
    const row = placeToSchemaRow(samplePlace({ pivot: undefined }), 'p-2');
    expect(row.pivot).toBe(UNKNOWN_PIVOT);
    expect(schemaViolations(fields, row)).toEqual([]);
  });

  it('the schema check accepts the official valid example, so it is no stricter than the standard', () => {
    const { header, rows } = readExampleRows();
    expect(header).toEqual([...SCHEMA_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(schemaViolations(fields, row)).toEqual([]);
  });

  it('the schema check itself catches a broken row (the test can fail)', () => {
    const row = placeToSchemaRow(samplePlace(), 'p-3');
    expect(schemaViolations(fields, { ...row, code_postal: '5814', services: 'Autre chose', nom: '' }))
      .toEqual(['nom: required', 'code_postal: pattern (5814)', 'services: pattern (Autre chose)']);
  });
});
