/**
 * An export from sources of rows to bytes, streamed: rows arrive chunk by chunk (never all at once),
 * are encoded (CSV or XLSX) and handed to a sink, with progress and a way to stop. Pure: the sources
 * read the database (db/exports.ts), the sink writes the file (the platform's streamed save).
 */
import { CsvEncoder, type CsvDialect } from './csv';
import type { Cell, SheetSpec } from './table';
import { XlsxWriter, type XlsxOptions } from './xlsx';

/** One kind of record to export: its sheet and its rows, in chunks. */
export interface RowSource {
  sheet: SheetSpec;
  /** How many records it will read (for progress), known before the first chunk. */
  records: number;
  /** Chunks of rows; `records` says how many records each chunk stood for. */
  chunks(): AsyncIterable<{ rows: Cell[][]; records: number }>;
}

export interface ExportSink {
  write(bytes: Uint8Array): Promise<void>;
}

export interface ExportProgress {
  /** Records read so far, over every source. */
  done: number;
  total: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

export interface ExportRun {
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

/**
 * Rows encoded at a time. Small enough that each piece of text stays a short-lived young-generation
 * string (a chunk of thousands of rows would make multi-megabyte strings, which V8 keeps in its large
 * object space until a full collection: the heap then grows by the whole export before it shrinks).
 */
const ROWS_PER_PIECE = 128;

function* pieces(rows: Cell[][]): Generator<Cell[][]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_PIECE) yield rows.slice(i, i + ROWS_PER_PIECE);
}

function stopIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** Rows written per export, for the message at the end. */
export interface ExportResult {
  rows: number;
  /** XLSX: sheets added because a kind's rows outgrew Excel's limit ("CRA (2)"…); 0 otherwise. */
  continuationSheets: number;
}

/** One source as CSV: its header, then its rows. */
export async function writeCsv(source: RowSource, dialect: CsvDialect, sink: ExportSink, run: ExportRun = {}): Promise<ExportResult> {
  const encoder = new CsvEncoder(dialect);
  const progress: ExportProgress = { done: 0, total: source.records };
  let rows = 0;
  await sink.write(encoder.encode([source.sheet.headers]));
  for await (const chunk of source.chunks()) {
    stopIfAsked(run.signal);
    for (const piece of pieces(chunk.rows)) await sink.write(encoder.encode(piece));
    rows += chunk.rows.length;
    progress.done += chunk.records;
    run.onProgress?.({ ...progress });
  }
  stopIfAsked(run.signal);
  return { rows, continuationSheets: 0 };
}

/**
 * Several sources as one workbook, a sheet each. The ZIP writer calls back synchronously; its bytes
 * are gathered per chunk of rows and written to the sink before the next chunk is read.
 */
export async function writeXlsx(sources: RowSource[], options: XlsxOptions, sink: ExportSink, run: ExportRun = {}): Promise<ExportResult> {
  let pending: Uint8Array[] = [];
  const writer = new XlsxWriter(sources.map((s) => s.sheet), (bytes) => pending.push(bytes), options);
  const flush = async () => {
    const parts = pending;
    pending = [];
    for (const part of parts) await sink.write(part);
  };
  const progress: ExportProgress = { done: 0, total: sources.reduce((sum, s) => sum + s.records, 0) };
  let rows = 0;
  for (const source of sources) {
    writer.startSheet();
    for await (const chunk of source.chunks()) {
      stopIfAsked(run.signal);
      for (const piece of pieces(chunk.rows)) writer.addRows(piece);
      rows += chunk.rows.length;
      progress.done += chunk.records;
      await flush();
      run.onProgress?.({ ...progress });
    }
    writer.endSheet();
  }
  stopIfAsked(run.signal);
  writer.finish();
  await flush();
  return { rows, continuationSheets: writer.sheetCount - sources.length };
}
