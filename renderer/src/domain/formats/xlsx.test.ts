// The workbook is written by our streaming writer and read back by exceljs (an independent reader of
// the format, the library La Coop writes its own export with): what Excel would see.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, SheetSpec } from './table';
import { columnLetters, continuationName, EXCEL_MAX_ROWS, escapeXml, safeSheetName, XlsxWriter } from './xlsx';

function write(sheets: Array<{ spec: SheetSpec; chunks: Cell[][][] }>, maxRowsPerSheet?: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter(sheets.map((s) => s.spec), (bytes) => parts.push(bytes), { dateFormat: 'dd/mm/yyyy', maxRowsPerSheet });
  for (const sheet of sheets) {
    writer.startSheet();
    for (const rows of sheet.chunks) writer.addRows(rows);
    writer.endSheet();
  }
  writer.finish();
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('XLSX streaming writer', () => {
  it('writes one sheet per kind with typed cells that read back equal', async () => {
    const bytes = write([
      {
        spec: { name: 'Activités', headers: ['Date', 'Durée (min)', 'Notes', 'Oui ?'] },
        chunks: [
          [[{ date: '2026-03-02' }, 45, 'Revoir « la boîte » ; "courriel"\nà la médiathèque', true]],
          [[{ date: '1999-12-31' }, 12.5, '<b>&amp;</b>', false], [null, 0, '', null]],
        ],
      },
      { spec: { name: 'Bénéficiaires', headers: ['Code'] }, chunks: [[['B-0001'], ['B-0002']]] },
    ]);
    const workbook = await read(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Activités', 'Bénéficiaires']);
    const sheet = workbook.getWorksheet('Activités')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Date', 'Durée (min)', 'Notes', 'Oui ?']);
    const date = sheet.getCell('A2');
    expect(date.value).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B2').value).toBe(45);
    expect(sheet.getCell('C2').value).toBe('Revoir « la boîte » ; "courriel"\nà la médiathèque');
    expect(sheet.getCell('D2').value).toBe(true);
    expect(sheet.getCell('A3').value).toEqual(new Date(Date.UTC(1999, 11, 31)));
    expect(sheet.getCell('B3').value).toBe(12.5);
    expect(sheet.getCell('C3').value).toBe('<b>&amp;</b>');
    expect(sheet.getCell('D3').value).toBe(false);
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.rowCount).toBe(4);
    expect(workbook.getWorksheet('Bénéficiaires')!.getCell('A3').value).toBe('B-0002');
  });

  it('freezes a bold header row', async () => {
    const workbook = await read(write([{ spec: { name: 'S', headers: ['A', 'B'] }, chunks: [[[1, 2]]] }]));
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('goes on in a continuation sheet, header repeated, when a sheet is full', async () => {
    // Three rows a sheet (header included) stand for Excel's 1 048 576: a region's CRA has more.
    const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [`a-${from + i}`]);
    const bytes = write([
      { spec: { name: 'CRA', headers: ['Activité'] }, chunks: [rows(1, 3), rows(4, 5)] },
      { spec: { name: 'Bénéficiaires', headers: ['Code'] }, chunks: [rows(1, 2)] },
    ], 3);
    const workbook = await read(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['CRA', 'CRA (2)', 'CRA (3)', 'Bénéficiaires']);
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as unknown[])[1]);
    expect(values('CRA')).toEqual(['Activité', 'a-1', 'a-2']);
    expect(values('CRA (2)')).toEqual(['Activité', 'a-3', 'a-4']);
    expect(values('CRA (3)')).toEqual(['Activité', 'a-5']);
    expect(values('Bénéficiaires')).toEqual(['Code', 'a-1', 'a-2']);
    expect(workbook.getWorksheet('CRA (2)')!.getCell('A1').font?.bold).toBe(true);
  });

  it('fills a sheet to exactly its last row before going on', async () => {
    const workbook = await read(write([{ spec: { name: 'CRA', headers: ['n'] }, chunks: [[[1], [2]]] }], 3));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['CRA']);
    expect(EXCEL_MAX_ROWS).toBe(2 ** 20);
  });

  it('names continuation sheets within Excel’s 31 characters', () => {
    expect(continuationName('CRA', 2)).toBe('CRA (2)');
    const long = continuationName('x'.repeat(40), 12);
    expect(long).toHaveLength(31);
    expect(long.endsWith(' (12)')).toBe(true);
  });

  it('names columns and sheets as Excel wants them, and escapes text', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const taken = new Set<string>();
    expect(safeSheetName('Activités: 2026/03', taken)).toBe('Activités  2026 03');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(safeSheetName('activités  2026 03', taken)).toBe('activités  2026 03 2');
    expect(escapeXml('a\u0001<&>"')).toBe('a&lt;&amp;&gt;&quot;');
  });
});
