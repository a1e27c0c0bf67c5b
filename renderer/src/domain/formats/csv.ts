/**
 * CSV the way spreadsheets open it: RFC 4180 quoting by papaparse (a maintained CSV library), lines
 * ending CRLF, and for French the dialect French Excel expects — UTF-8 with a byte-order mark (else
 * accents break), `;` between cells (the comma is the decimal separator there), decimal commas and
 * dates as dd/mm/yyyy. English gets commas, decimal points and ISO dates.
 *
 * Encodes a chunk of rows at a time: an export streams its rows through it and never holds them all.
 */
import Papa from 'papaparse';
import { isDateCell, type Cell } from './table';

export interface CsvDialect {
  delimiter: ';' | ',';
  decimalComma: boolean;
  /** A UTF-8 byte-order mark first: Excel reads the file as UTF-8 only with it. */
  bom: boolean;
  dates: 'dd/mm/yyyy' | 'yyyy-mm-dd';
  /**
   * Prefix cells that a spreadsheet would run as a formula (=, +, -, @) with a quote: a note typed as
   * "=HYPERLINK(…)" stays text. Off for open-data files whose values must stay exact (+33 phones).
   */
  escapeFormulae: boolean;
}

/** The spreadsheet dialect of an interface language. */
export function spreadsheetDialect(language: string): CsvDialect {
  return language === 'fr'
    ? { delimiter: ';', decimalComma: true, bom: true, dates: 'dd/mm/yyyy', escapeFormulae: true }
    : { delimiter: ',', decimalComma: false, bom: true, dates: 'yyyy-mm-dd', escapeFormulae: true };
}

/** The open-data dialect of the national places schema (its example file): commas, points, no mark. */
export const OPEN_DATA_DIALECT: CsvDialect = {
  delimiter: ',', decimalComma: false, bom: false, dates: 'yyyy-mm-dd', escapeFormulae: false,
};

const BOM = '\uFEFF';

/** What spreadsheets take for the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: Cell, dialect: CsvDialect): string {
  if (cell === null) return '';
  // Text only: a negative number is a number, not a formula.
  if (typeof cell === 'string') return dialect.escapeFormulae && FORMULA_START.test(cell) ? `'${cell}` : cell;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return dialect.decimalComma ? String(cell).replace('.', ',') : String(cell);
  if (isDateCell(cell)) {
    if (dialect.dates === 'yyyy-mm-dd') return cell.date;
    const [y, m, d] = cell.date.split('-');
    return `${d}/${m}/${y}`;
  }
  return '';
}

export class CsvEncoder {
  private readonly encoder = new TextEncoder();
  private started = false;

  constructor(private readonly dialect: CsvDialect) {}

  /** The text of some rows, each ended by CRLF (the BOM first, once, when the dialect wants one). */
  text(rows: Cell[][]): string {
    const prefix = !this.started && this.dialect.bom ? BOM : '';
    this.started = true;
    if (rows.length === 0) return prefix;
    const body = Papa.unparse(rows.map((row) => row.map((cell) => cellText(cell, this.dialect))), {
      delimiter: this.dialect.delimiter,
      newline: '\r\n',
      header: false,
    });
    return `${prefix}${body}\r\n`;
  }

  /** The same as UTF-8 bytes. */
  encode(rows: Cell[][]): Uint8Array {
    return this.encoder.encode(this.text(rows));
  }
}

/** Read a CSV written in `dialect` back into rows of text (tests, and imports of national files). */
export function parseCsv(text: string, delimiter: string = ','): string[][] {
  const clean = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: 'greedy' });
  return result.data;
}
