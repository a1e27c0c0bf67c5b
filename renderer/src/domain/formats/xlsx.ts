/**
 * XLSX written as a stream: an Office Open XML workbook is a ZIP of XML parts, so each sheet's rows
 * are turned into XML and deflated (fflate, the ZIP library Relais already uses for bundles) chunk by
 * chunk, and the compressed bytes handed on as they come. Neither the rows nor the XML of a whole sheet
 * are ever held: 100 000 activities export in a few megabytes of memory. Why not exceljs's streaming
 * writer: it needs Node streams, absent from the page and its Workers (docs/decisions/0007).
 *
 * Cells are typed: numbers as numbers, dates as dates (a date serial with a date format), booleans as
 * booleans, text inline (no shared-string table: it would need every string before the first row).
 * One sheet per kind, header row in bold and frozen. A sheet holds at most Excel's 1 048 576 rows (a
 * region's CRA has more: one row per person helped); past that its rows go on in a continuation sheet,
 * "CRA (2)", with the same header. So the workbook's list of sheets is only known at the end, and its
 * parts are written then (the ZIP's central directory, not the order of its entries, is what readers use).
 */
import { Zip, ZipDeflate } from 'fflate';
import { isDateCell, spreadsheetSerial, type Cell, type SheetSpec } from './table';

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Style indexes of styles.xml below: 0 plain, 1 bold header, 2 date, 3 wrapped text. */
const STYLE = { header: 1, date: 2, wrap: 3 } as const;

// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: they are dropped
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Anything escapeXml would change: most cells have none, and skip the five replacements. */
// eslint-disable-next-line no-control-regex -- the same control characters as INVALID_XML
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A, B, … Z, AA, AB…: the letters of column `index` (0-based). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function cellXml(ref: string, cell: Cell, style?: number): string {
  if (cell === null || cell === '') return '';
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"${s}><v>${cell ? 1 : 0}</v></c>`;
  if (isDateCell(cell)) return `<c r="${ref}" s="${STYLE.date}"><v>${spreadsheetSerial(cell.date)}</v></c>`;
  const wrap = style === undefined && cell.includes('\n') ? ` s="${STYLE.wrap}"` : s;
  return `<c r="${ref}" t="inlineStr"${wrap}><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
}

function stylesXml(dateFormat: string): string {
  return `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">`
    + `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateFormat)}"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '</styleSheet>';
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => (
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
  )).join('');
  return `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + `${sheets}</Types>`;
}

function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => (
    `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  )).join('');
  return `${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">${sheets}`
    + `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

const ROOT_RELS = `${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">`
  + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function sheetStartXml(spec: SheetSpec, letters: string[]): string {
  const widths = spec.headers.map((header, i) => spec.widths?.[i] ?? Math.min(Math.max(header.length + 2, 10), 40));
  const cols = widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('');
  const header = spec.headers.map((text, i) => cellXml(`${letters[i]}1`, text, STYLE.header)).join('');
  return `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    + `<cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

const SHEET_END = '</sheetData></worksheet>';

/** Rows per sheet, header included: Excel's limit (LibreOffice's too). */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The name of the `part`-th sheet (2, 3…) of a kind's rows: "CRA (2)", within Excel's 31 characters. */
export function continuationName(name: string, part: number): string {
  const suffix = ` (${part})`;
  return `${name.slice(0, 31 - suffix.length)}${suffix}`;
}

export interface XlsxOptions {
  /** The date format of date cells, e.g. "dd/mm/yyyy" (French) or "yyyy-mm-dd". */
  dateFormat: string;
  /**
   * Deflate level: 1 (the default) is several times faster than 6 for a file a few percent larger;
   * the time of a large export is mostly compression.
   */
  level?: 1 | 6;
  /** Rows per sheet, header included (default `EXCEL_MAX_ROWS`; tests pass a few). */
  maxRowsPerSheet?: number;
}

/**
 * Write a workbook sheet after sheet: `startSheet`, `addRows` as many times as needed, `endSheet`,
 * then `finish`. Compressed bytes go to `onData` as they are produced.
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();
  /** The names of the sheets written so far, continuation sheets included, in order. */
  private readonly names: string[] = [];
  private readonly taken = new Set<string>();
  private current: { file: ZipDeflate; spec: SheetSpec; letters: string[]; row: number; part: number } | undefined;
  private sheetIndex = 0;
  private failure: Error | undefined;

  constructor(private readonly sheets: SheetSpec[], onData: (bytes: Uint8Array) => void, private readonly options: XlsxOptions) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else onData(data);
    });
  }

  /** Sheets in the workbook so far: one per kind, plus the continuation sheets of long ones. */
  get sheetCount(): number {
    return this.names.length;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private addPart(name: string, xml: string): void {
    const file = new ZipDeflate(name, { level: this.options.level ?? 1 });
    this.zip.add(file);
    file.push(this.encoder.encode(xml), true);
    this.check();
  }

  /** Begin the next sheet of those given to the constructor, writing its header row. */
  startSheet(): void {
    if (this.current) throw new Error('the previous sheet is not ended');
    const spec = this.sheets[this.sheetIndex];
    if (!spec) throw new Error('no sheet left to start');
    this.sheetIndex += 1;
    this.openSheet(spec, 1);
  }

  /** A new worksheet part for `spec`'s rows (`part` 2, 3… for its continuation sheets), header row written. */
  private openSheet(spec: SheetSpec, part: number): void {
    this.names.push(safeSheetName(part === 1 ? spec.name : continuationName(spec.name, part), this.taken));
    const file = new ZipDeflate(`xl/worksheets/sheet${this.names.length}.xml`, { level: this.options.level ?? 1 });
    this.zip.add(file);
    const letters = spec.headers.map((_, i) => columnLetters(i));
    this.current = { file, spec, letters, row: 1, part };
    file.push(this.encoder.encode(sheetStartXml(spec, letters)));
    this.check();
  }

  addRows(rows: Cell[][]): void {
    if (!this.current) throw new Error('no sheet started');
    const maxRows = this.options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
    let sheet = this.current;
    let xml = '';
    for (const cells of rows) {
      if (sheet.row >= maxRows) {
        // This sheet is full: what is written goes in, the rows go on in the kind's next sheet.
        sheet.file.push(this.encoder.encode(xml));
        xml = '';
        this.endSheet();
        this.openSheet(sheet.spec, sheet.part + 1);
        sheet = this.current;
      }
      sheet.row += 1;
      const r = sheet.row;
      let row = `<row r="${r}">`;
      for (let i = 0; i < cells.length; i += 1) row += cellXml(`${sheet.letters[i] ?? columnLetters(i)}${r}`, cells[i]);
      xml += `${row}</row>`;
    }
    sheet.file.push(this.encoder.encode(xml));
    this.check();
  }

  endSheet(): void {
    if (!this.current) throw new Error('no sheet started');
    this.current.file.push(this.encoder.encode(SHEET_END), true);
    this.current = undefined;
    this.check();
  }

  /** End the archive (every sheet must have been written). */
  finish(): void {
    if (this.current) this.endSheet();
    while (this.sheetIndex < this.sheets.length) {
      this.startSheet();
      this.endSheet();
    }
    // Now that every sheet is known, the parts that list them.
    this.addPart('[Content_Types].xml', contentTypesXml(this.names.length));
    this.addPart('_rels/.rels', ROOT_RELS);
    this.addPart('xl/workbook.xml', workbookXml(this.names));
    this.addPart('xl/_rels/workbook.xml.rels', workbookRelsXml(this.names.length));
    this.addPart('xl/styles.xml', stylesXml(this.options.dateFormat));
    this.zip.end();
    this.check();
  }
}
