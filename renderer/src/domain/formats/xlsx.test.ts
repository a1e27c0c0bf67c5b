// The workbook is written by our streaming writer and read back by exceljs (an independent reader of
// the format, the library La Coop writes its own export with): what Excel would see.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, SheetSpec } from './table';
import { columnLetters, escapeXml, safeSheetName, XlsxWriter } from './xlsx';

function write(sheets: Array<{ spec: SheetSpec; chunks: Cell[][][] }>): Uint8Array {
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter(sheets.map((s) => s.spec), (bytes) => parts.push(bytes), { dateFormat: 'dd/mm/yyyy' });
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

  it('names columns and sheets as Excel wants them, and escapes text', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const taken = new Set<string>();
    expect(safeSheetName('Activités: 2026/03', taken)).toBe('Activités  2026 03');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(safeSheetName('activités  2026 03', taken)).toBe('activités  2026 03 2');
    expect(escapeXml('a\u0001<&>"')).toBe('a&lt;&amp;&gt;&quot;');
  });
});
