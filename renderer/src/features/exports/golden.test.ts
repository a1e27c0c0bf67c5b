// The golden export: a fixed set of records exports to exactly the bytes in golden/ — headers (La Coop's),
// column order, one row per person helped, values, quoting, the French dialect. A change to any of them
// shows here as a diff to read, never silently.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelais, type Relais } from '../../db';
import { craSource, peopleSource, surveysSource } from '../../db/exports';
import { parseCsv, spreadsheetDialect } from '../../domain/formats/csv';
import { writeCsv, writeXlsx, type ExportSink } from '../../domain/formats/exportFile';
import { CRA_COLUMNS } from '../../domain/formats/cra';
import { PEOPLE_COLUMNS } from '../../domain/formats/people';
import { initI18n } from '../../i18n';
import { GOLDEN_ACTIVITIES, GOLDEN_PEOPLE, GOLDEN_PLACE, GOLDEN_SURVEY, GOLDEN_VILLAGE } from '../../testkit/goldenSet';
import { makeVocabulary, type VocabularyMode } from './vocabulary';

const NOW = new Date('2026-06-15T12:00:00Z');
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

function memorySink(): ExportSink & { text(): string; bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write: async (bytes) => { parts.push(bytes); },
    bytes: () => Uint8Array.from(parts.flatMap((p) => [...p])),
    text() { return new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.bytes()); },
  };
}

/** UPDATE_GOLDEN=1 rewrites the expected files (then read the diff before committing it). */
function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

let relais: Relais;
beforeAll(async () => {
  await initI18n('fr');
  relais = openRelais(`golden-${Math.random()}`);
  await relais.db.places.bulkPut([GOLDEN_PLACE]);
  await relais.db.beneficiaries.bulkPut(GOLDEN_PEOPLE);
  await relais.db.activities.bulkPut(GOLDEN_ACTIVITIES);
  await relais.db.villages.bulkPut([GOLDEN_VILLAGE]);
  await relais.db.surveys.bulkPut([GOLDEN_SURVEY]);
});
afterAll(() => relais.db.delete());

async function exportCsv(kind: 'cra' | 'people' | 'surveys', lang: 'fr' | 'en', mode: VocabularyMode): Promise<string> {
  const request = { filter: PERIOD, vocabulary: makeVocabulary(lang, mode, { timeZone: 'Europe/Paris' }), now: NOW };
  const source = kind === 'cra' ? await craSource(relais.db, request)
    : kind === 'people' ? await peopleSource(relais.db, request) : await surveysSource(relais.db, request);
  const sink = memorySink();
  await writeCsv(source, spreadsheetDialect(lang), sink);
  return sink.text();
}

describe('golden CSV exports', () => {
  it('activities (CRA) in French labels: La Coop\'s columns, one row per person helped', async () => {
    const csv = await exportCsv('cra', 'fr', 'labels');
    expect(csv.startsWith('\uFEFFDate;Enregistré le;Dernière modification le;Type;Participants;Bénéficiaire;Canaux d’accompagnement;')).toBe(true);
    expectGolden('cra-fr-labels.csv', csv);
  });

  it('activities (CRA) with national codes', async () => {
    expectGolden('cra-en-codes.csv', await exportCsv('cra', 'en', 'codes'));
  });

  it('followed people and surveys in French labels', async () => {
    expectGolden('people-fr-labels.csv', await exportCsv('people', 'fr', 'labels'));
    expectGolden('surveys-fr-labels.csv', await exportCsv('surveys', 'fr', 'labels'));
  });

  it('filters: the dashboard\'s criteria, one model', async () => {
    const vocabulary = makeVocabulary('fr', 'codes');
    const ids = async (filter: object) => {
      const source = await craSource(relais.db, { filter: { ...PERIOD, ...filter }, vocabulary, now: NOW });
      const sink = memorySink();
      await writeCsv(source, spreadsheetDialect('en'), sink);
      return [...new Set(sink.text().trim().split('\r\n').slice(1).map((line) => line.split(',').at(-1)))].sort();
    };
    const idsOf = (...indexes: number[]) => indexes.map((i) => GOLDEN_ACTIVITIES[i].id).sort();
    expect(await ids({ type: 'collectif' })).toEqual(idsOf(3));
    expect(await ids({ thematique: 'aide_aux_demarches_administratives' })).toEqual(idsOf(1));
    expect(await ids({ demarche: 'logement' })).toEqual(idsOf(1));
    expect(await ids({ tag: 'permanence' })).toEqual(idsOf(0));
    expect(await ids({ place: GOLDEN_PLACE.id })).toEqual(idsOf(0, 3));
    // The structure as the activity recorded it: the one recorded before structures is not in it.
    expect(await ids({ structure: 'Mairie de Lormes' })).toEqual(idsOf(0, 1, 2, 3));
    expect(await ids({ author: 'dev-golden-0001' })).toEqual(idsOf(0, 1, 2, 3, 4));
    expect(await ids({ author: 'someone-else' })).toEqual([]);
    // Where the dashboard counts it: at its place's commune, else its own (the remote one has none).
    expect(await ids({ commune: '12011' })).toEqual(idsOf(1));
    expect(await ids({ commune: '58145' })).toEqual(idsOf(0, 3, 4));
    expect(await ids({ departement: '58' })).toEqual(idsOf(0, 3, 4));
    // The period by day, both ends included.
    expect(await ids({ from: '2026-03-03', to: '2026-03-04' })).toEqual(idsOf(1, 2));
  });

  it('followed people take the mediator and structure, surveys those and the period, village, commune and département', async () => {
    const vocabulary = makeVocabulary('fr', 'codes');
    const count = async (source: typeof peopleSource, filter: object) => {
      let rows = 0;
      for await (const chunk of (await source(relais.db, { filter, vocabulary, now: NOW })).chunks()) rows += chunk.rows.length;
      return rows;
    };
    expect(await count(peopleSource, { author: 'dev-golden-0001', thematique: 'email' })).toBe(3);
    expect(await count(peopleSource, { author: 'someone-else' })).toBe(0);
    // The golden laptop's structure is unknown here (no profile, no card): no person is in a named one.
    expect(await count(peopleSource, { structure: 'Mairie de Lormes' })).toBe(0);
    expect(await count(surveysSource, { village: GOLDEN_VILLAGE.id, commune: '58145', departement: '58', from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(await count(surveysSource, { departement: '12' })).toBe(0);
    expect(await count(surveysSource, { commune: '12011' })).toBe(0);
    expect(await count(surveysSource, { from: '2026-03-02' })).toBe(0);
    expect(await count(surveysSource, { village: 'another' })).toBe(0);
    expect(await count(surveysSource, { author: 'dev-golden-0001' })).toBe(1);
    expect(await count(surveysSource, { author: 'someone-else' })).toBe(0);
  });
});

/** The records an activity row stands for, read back from the cells (codes mode): what must survive. */
function activityFacts(row: Record<string, unknown>) {
  return { id: row.id, date: row.date, type: row.type, duree: Number(row.duree_min), thematiques: String(row.thematiques).split('|') };
}

function expectedFacts() {
  return GOLDEN_ACTIVITIES.filter((a) => a.date >= PERIOD.from).map((a) => ({
    id: a.id, date: a.date, type: a.type, duree: a.duree, thematiques: [...a.thematiques, ...a.thematiquesDemarche],
  }));
}

const unique = <T extends { id: unknown }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];

describe('round trips: written, read back with the same library, equal to the records', () => {
  it('CSV (papaparse both ways)', async () => {
    const [header, ...lines] = parseCsv(await exportCsv('cra', 'en', 'codes'), ',');
    expect(header).toEqual([...CRA_COLUMNS]);
    const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    const facts = unique(rows.map(activityFacts)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(facts).toEqual(expectedFacts().sort((a, b) => a.id.localeCompare(b.id)));
    // One row per person helped: 1 + 1 + 1 + (1 followed + 3 anonymous) + 1.
    expect(rows).toHaveLength(8);
  });

  it('XLSX (our streaming writer, read by exceljs): a sheet per kind, typed cells', async () => {
    const vocabulary = makeVocabulary('en', 'codes');
    const request = { filter: PERIOD, vocabulary, now: NOW };
    const sources = [await craSource(relais.db, request), await peopleSource(relais.db, request), await surveysSource(relais.db, request)];
    const sink = memorySink();
    await writeXlsx(sources, { dateFormat: 'yyyy-mm-dd' }, sink);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sink.bytes()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['cra', 'beneficiaires', 'diagnostics']);

    const sheetRows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const values = (row.values as unknown[]).slice(1);
        rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
      });
      return { header, rows };
    };
    const cra = sheetRows('cra');
    expect(cra.header).toEqual([...CRA_COLUMNS]);
    for (const row of cra.rows) {
      expect(row.date).toBeInstanceOf(Date);
      expect(typeof row.duree_min).toBe('number');
      row.date = (row.date as Date).toISOString().slice(0, 10);
    }
    const facts = unique(cra.rows.map(activityFacts)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(facts).toEqual(expectedFacts().sort((a, b) => a.id.localeCompare(b.id)));

    const people = sheetRows('beneficiaires');
    expect(people.header).toEqual([...PEOPLE_COLUMNS]);
    expect(people.rows.map((r) => [r.id, r.code, r.genre, r.deja_accompagne])).toEqual(
      GOLDEN_PEOPLE.map((b) => [b.id, b.code ?? '', b.genre, b.dejaAccompagne]),
    );
    expect(people.rows[0].annee_naissance).toBe(1950);

    const surveys = sheetRows('diagnostics');
    expect(surveys.rows).toHaveLength(1);
    expect(surveys.rows[0]).toMatchObject({ id: GOLDEN_SURVEY.id, orange_5g: true, free_mobile_5g: false, annee_population: 2023, points_acces: 2 });
  });
});
