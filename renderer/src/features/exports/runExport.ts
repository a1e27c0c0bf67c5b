/**
 * One export, from the choices on the screen to a saved file: the sources of the kinds chosen, the
 * format, the file name, the streamed save. Kept out of the page so that the page only draws.
 */
import { getRelais } from '../../db';
import { exportSource, type ExportKind } from '../../db/exports';
import { spreadsheetDialect } from '../../domain/formats/csv';
import { writeCsv, writeXlsx, type ExportProgress, type ExportResult } from '../../domain/formats/exportFile';
import type { ActivityFilters } from '../../domain/stats/filters';
import { todayIso } from '../../i18n/format';
import { saveInPieces, type SavedExport } from './save';
import { makeVocabulary, type VocabularyMode } from './vocabulary';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportChoice {
  kinds: ExportKind[];
  format: ExportFormat;
  vocabulary: VocabularyMode;
  filter: ActivityFilters;
  language: string;
  /** The activities the filters select, if the screen has read it (see db/exports `ExportRequest`). */
  selectedActivities?: number;
}

/** "relais-cra-2026-03-02.csv", "relais-export-2026-03-02.xlsx". */
export function exportFileName(choice: Pick<ExportChoice, 'kinds' | 'format'>, today = todayIso()): string {
  const what = choice.format === 'csv' || choice.kinds.length === 1 ? choice.kinds[0] : 'export';
  return `relais-${what}-${today}.${choice.format}`;
}

export async function runExport(choice: ExportChoice, run: { onProgress: (p: ExportProgress) => void; signal: AbortSignal }): Promise<SavedExport<ExportResult>> {
  const vocabulary = makeVocabulary(choice.language, choice.vocabulary);
  const request = { filter: choice.filter, vocabulary, now: new Date(), selectedActivities: choice.selectedActivities };
  return saveInPieces(exportFileName(choice), choice.format, async (sink) => {
    const sources = await Promise.all(choice.kinds.map((kind) => exportSource(getRelais().db, kind, request)));
    if (choice.format === 'csv') return writeCsv(sources[0], spreadsheetDialect(choice.language), sink, run);
    const dateFormat = choice.language === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
    return writeXlsx(sources, { dateFormat }, sink, run);
  });
}
