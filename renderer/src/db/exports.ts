/**
 * The database side of exports: each kind's records, read in chunks that the export encodes and writes
 * before reading the next (100 000 activities never sit in memory at once), and the places of the
 * national CSV. Ids are read first through an index (a few megabytes at most), records then fetched
 * by id, chunk by chunk.
 */
import Dexie from 'dexie';
import { CRA_COLUMNS, CRA_SHEET, CRA_WIDTHS, craRows } from '../domain/formats/cra';
import type { RowSource } from '../domain/formats/exportFile';
import { PEOPLE_COLUMNS, PEOPLE_SHEET, PEOPLE_WIDTHS, personRow } from '../domain/formats/people';
import { placeToSchemaRow, schemaRowProblems, type RowProblem, type SchemaRow } from '../domain/formats/placesSchema';
import { SURVEY_COLUMNS, SURVEYS_SHEET, surveyRow } from '../domain/formats/surveys';
import type { Cell, SheetSpec, Vocabulary } from '../domain/formats/table';
import type { Beneficiary, Place, Stored, Survey, Village } from '../domain/records';
import { byAuthor } from '../domain/authorFilter';
import { authorFilterOf, matches, surveyMatches, type ActivityFilters } from '../domain/stats/filters';
import { authorStructure, readAuthors } from './authors';
import { liveActivitiesByDate } from './activities';
import { readDashboard } from './stats/dashboard';
import { isLive } from './live';
import type { RelaisDatabase } from './schema';
import { compareFrench } from '../domain/collation';

/**
 * Records fetched per read. Larger than the screens' chunks: an export reads everything anyway, and each
 * read has a fixed cost (5,000 activities are a few megabytes, encoded then dropped).
 */
export const EXPORT_CHUNK = 5000;

export interface ExportRequest {
  /** The dashboard's filters (one model): activities take them all, people and surveys those that apply. */
  filter: ActivityFilters;
  vocabulary: Vocabulary;
  /** Age bands are given as of this date. */
  now: Date;
  /**
   * The activities `filter` selects, when the screen has already read it (the dashboard's figure): the
   * CRA's progress total, not read again — with two filters besides the type that read is a scan of the activities.
   */
  selectedActivities?: number;
}

export type ExportKind = typeof CRA_SHEET | typeof PEOPLE_SHEET | typeof SURVEYS_SHEET;
export const EXPORT_KINDS: readonly ExportKind[] = [CRA_SHEET, PEOPLE_SHEET, SURVEYS_SHEET];

function sheetOf(vocabulary: Vocabulary, sheet: string, columns: readonly string[], widths: Partial<Record<string, number>> = {}): SheetSpec {
  return {
    name: vocabulary.header('sheets', sheet),
    headers: columns.map((key) => vocabulary.header(sheet, key)),
    widths: columns.map((key) => widths[key]),
  };
}

/** Fetch `ids` chunk by chunk, keep the live records `keep` accepts, turn each into rows. */
async function* chunksOf<T extends Stored<object>>(
  table: Dexie.Table<T, string>, ids: string[], keep: (record: T) => boolean, rowsOf: (record: T) => Cell[][],
): AsyncGenerator<{ rows: Cell[][]; records: number }> {
  for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
    const slice = ids.slice(start, start + EXPORT_CHUNK);
    const records = await table.bulkGet(slice);
    const rows: Cell[][] = [];
    for (const record of records) if (record && isLive(record) && keep(record)) rows.push(...rowsOf(record));
    yield { rows, records: slice.length };
  }
}

/** Every non-erased record of a small table, by id (names of places, people, villages). */
async function byId<T extends Stored<object>>(table: Dexie.Table<T, string>): Promise<Map<string, T>> {
  const all = await table.toArray();
  return new Map(all.filter((r) => r.erased === 0).map((r) => [r.id, r]));
}

/**
 * Activities of the period in date order, read chunk by chunk through the `[deleted+date]` index
 * (`liveActivitiesByDate`), then the other filters by the dashboard's own `matches`, so the file holds
 * exactly the activities the dashboard counts. The progress bar counts those activities, its total the
 * dashboard's own figure (its count rows): an index count took ~26 µs an entry, half a minute at a
 * region's million before the first row.
 */
export async function craSource(db: RelaisDatabase, request: ExportRequest): Promise<RowSource> {
  const { filter, vocabulary, now } = request;
  const [places, beneficiaries] = await Promise.all([byId<Stored<Place>>(db.places), byId<Stored<Beneficiary>>(db.beneficiaries)]);
  const records = request.selectedActivities ?? (await readDashboard(db, filter)).totals.activities;
  const placeCommune = (id: string) => places.get(id)?.commune?.codeInsee;
  const context = { vocabulary, places, beneficiaries, now };
  async function* chunks() {
    for await (const activities of liveActivitiesByDate(db, filter.from, filter.to, EXPORT_CHUNK)) {
      const rows: Cell[][] = [];
      let exported = 0;
      for (const a of activities) {
        if (a.erased !== 0 || !matches(a, filter, placeCommune)) continue;
        rows.push(...craRows(a, context));
        exported += 1;
      }
      yield { rows, records: exported };
    }
  }
  return { sheet: sheetOf(vocabulary, CRA_SHEET, CRA_COLUMNS, CRA_WIDTHS), records, chunks };
}

/**
 * Followed people, anonymised ones included (they still count), of the mediator and structure chosen
 * (the structure of the person's author); the other criteria are about activities.
 */
export async function peopleSource(db: RelaisDatabase, request: ExportRequest): Promise<RowSource> {
  const { filter, vocabulary, now } = request;
  const [ids, authors] = await Promise.all([db.beneficiaries.where('deleted').equals(0).primaryKeys(), readAuthors(db)]);
  const ofAuthor = byAuthor<Stored<Beneficiary>>(authorFilterOf(filter), authorStructure(authors));
  return {
    sheet: sheetOf(vocabulary, PEOPLE_SHEET, PEOPLE_COLUMNS, PEOPLE_WIDTHS),
    records: ids.length,
    chunks: () => chunksOf<Stored<Beneficiary>>(db.beneficiaries, ids, ofAuthor, (b) => [personRow(b, vocabulary, now)]),
  };
}

/** Village surveys of the period, village, commune and département chosen (the village's commune), by the mediator and structure chosen. */
export async function surveysSource(db: RelaisDatabase, request: ExportRequest): Promise<RowSource> {
  const { filter, vocabulary } = request;
  const [villages, places, authors] = await Promise.all([byId<Stored<Village>>(db.villages), byId<Stored<Place>>(db.places), readAuthors(db)]);
  const ofAuthor = byAuthor<Stored<Survey>>(authorFilterOf(filter), authorStructure(authors));
  const ids = await db.surveys.where('[deleted+date]')
    .between([0, filter.from ?? Dexie.minKey], [0, filter.to ?? Dexie.maxKey], true, true).primaryKeys();
  const communeOf = (villageId: string) => villages.get(villageId)?.commune?.codeInsee;
  const context = { vocabulary, villages, placeNames: new Map([...places].map(([id, p]) => [id, p.nom])) };
  return {
    sheet: sheetOf(vocabulary, SURVEYS_SHEET, SURVEY_COLUMNS),
    records: ids.length,
    chunks: () => chunksOf(db.surveys, ids, (s) => surveyMatches(s, filter, communeOf) && ofAuthor(s), (s) => [surveyRow(s, context)]),
  };
}

export function exportSource(db: RelaisDatabase, kind: ExportKind, request: ExportRequest): Promise<RowSource> {
  if (kind === CRA_SHEET) return craSource(db, request);
  if (kind === PEOPLE_SHEET) return peopleSource(db, request);
  return surveysSource(db, request);
}

export interface PlacesExport {
  rows: SchemaRow[];
  /** Places that would not conform, with the reasons: listed, not exported. */
  rejected: Array<{ id: string; nom: string; problems: RowProblem[] }>;
}

/**
 * Every live place as a row of the national schema; `collectedBy` (the structure of this laptop's
 * profile) is the `source` of places that do not say who collected them.
 */
export async function placesForSchema(db: RelaisDatabase, collectedBy: string): Promise<PlacesExport> {
  const places = (await db.places.where('deleted').equals(0).toArray()).filter(isLive);
  const result: PlacesExport = { rows: [], rejected: [] };
  for (const place of places.sort((a, b) => compareFrench(a.nom, b.nom))) {
    const row = placeToSchemaRow(place, place.id, collectedBy);
    const problems = schemaRowProblems(row);
    if (problems.length > 0) result.rejected.push({ id: place.id, nom: place.nom, problems });
    else result.rows.push(row);
  }
  return result;
}
