/**
 * What an export writes, before it is CSV or XLSX: sheets of typed cells. Row builders (cra.ts,
 * people.ts, surveys.ts) produce cells; writers (csv.ts, xlsx.ts) turn them into bytes, so each format
 * decides how a date or a decimal looks and the builders never do.
 */

/** A calendar date, YYYY-MM-DD: a date cell in XLSX, formatted text in CSV. */
export interface DateCell {
  date: string;
}

export type Cell = string | number | boolean | DateCell | null;

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null;
}

export interface Column {
  /** Stable machine name: the header when an export is written with codes. */
  key: string;
  /** Column width in XLSX (characters); text columns wrap beyond it. */
  width?: number;
}

export interface SheetSpec {
  /** The sheet's name in a workbook (31 characters at most, no []:*?/\). */
  name: string;
  headers: string[];
  widths?: Array<number | undefined>;
}

/**
 * How an export speaks: with the labels of the interface language (as La Coop's own export) or with the
 * national value codes (for software that reads the file). Built by the screen from i18n, handed to
 * the pure row builders.
 */
export interface Vocabulary {
  mode: 'labels' | 'codes';
  /** The header of a column of a sheet: its label, or its key in code mode. */
  header(sheet: string, key: string): string;
  /** A code of a list (`thematiques`, `genre`…): its label, or the code itself. */
  code(list: string, code: string): string;
  /** Oui / Non with labels; a boolean cell with codes. */
  yesNo(value: boolean): Cell;
  /** How a followed person without a code (anonymous, anonymised) is named. */
  anonymous: string;
  /** Between the items of a list cell: a line break for people (as La Coop), `|` for codes. */
  listSeparator: string;
  /** A date-time (ISO, UTC) as text, e.g. "12/03/2026 à 14:05". */
  dateTime(iso: string): string;
}

/** The date part of a date cell: days since 1899-12-30, how spreadsheets count dates. */
export function spreadsheetSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
