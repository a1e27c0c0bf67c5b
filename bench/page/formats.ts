/**
 * Scenario 9 (issue 11): the activity report (CRA) of N activities exported as CSV and as XLSX through
 * the app's own code (db/exports.ts sources, domain/formats writers, French labels), each timed beside
 * `toArray` + `JSON.stringify` of the same activities, with the heap peak of each. The bytes go to a
 * sink that only counts them, as the app's streamed save hands them on.
 */
import { liveActivitiesByDate } from '../../renderer/src/db/activities';
import { craSource, EXPORT_CHUNK } from '../../renderer/src/db/exports';
import type { RelaisDatabase } from '../../renderer/src/db/schema';
import { spreadsheetDialect } from '../../renderer/src/domain/formats/csv';
import { writeCsv, writeXlsx, type ExportSink } from '../../renderer/src/domain/formats/exportFile';
import { makeVocabulary } from '../../renderer/src/features/exports/vocabulary';
import { initI18n } from '../../renderer/src/i18n';
import { sample, startHeap, stopHeap } from './heap';

export interface FormatFigure {
  ms: number;
  bytes: number;
  rows: number;
  heapPeak: number;
}

function countingSink(): ExportSink & { bytes: number } {
  const sink = { bytes: 0, write: async (data: Uint8Array) => { sink.bytes += data.byteLength; sample(); } };
  return sink;
}

async function timedExport(db: RelaisDatabase, format: 'csv' | 'xlsx', gc: () => void): Promise<FormatFigure> {
  const request = { filter: {}, vocabulary: makeVocabulary('fr', 'labels'), now: new Date() };
  gc();
  startHeap();
  const start = performance.now();
  const source = await craSource(db, request);
  const sink = countingSink();
  const { rows } = format === 'csv'
    ? await writeCsv(source, spreadsheetDialect('fr'), sink, { onProgress: sample })
    : await writeXlsx([source], { dateFormat: 'dd/mm/yyyy' }, sink, { onProgress: sample });
  const ms = performance.now() - start;
  return { ms, bytes: sink.bytes, rows, heapPeak: stopHeap() };
}

/** The yardstick: every activity read at once and turned into JSON (held in memory, then dropped). */
async function baseline(db: RelaisDatabase): Promise<{ baselineMs: number; chars: number }> {
  const start = performance.now();
  const chars = JSON.stringify(await db.activities.toArray()).length;
  return { baselineMs: performance.now() - start, chars };
}

/** Where the time goes: reading the activities the way the export does (by date, chunk by chunk). */
async function readOnly(db: RelaisDatabase): Promise<number> {
  const start = performance.now();
  for await (const chunk of liveActivitiesByDate(db, undefined, undefined, EXPORT_CHUNK)) if (chunk.length > 0) sample();
  return performance.now() - start;
}

export async function exportFormats(db: RelaisDatabase, activities: number, gc: () => void) {
  await initI18n('fr');
  const { baselineMs, chars } = await baseline(db);
  gc();
  const readMs = await readOnly(db);
  const csv = await timedExport(db, 'csv', gc);
  const xlsx = await timedExport(db, 'xlsx', gc);
  // One row per person helped: at least one per activity.
  const ok = csv.rows >= activities && xlsx.rows === csv.rows && csv.bytes > 0 && xlsx.bytes > 0;
  return { activities, baselineMs, baselineChars: chars, readMs, csv, xlsx, check: { ok, detail: `${csv.rows} rows; CSV ${csv.bytes} B, XLSX ${xlsx.bytes} B` } };
}
