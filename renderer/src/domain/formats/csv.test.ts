import { describe, expect, it } from 'vitest';
import { CsvEncoder, OPEN_DATA_DIALECT, parseCsv, spreadsheetDialect } from './csv';
import type { Cell } from './table';

const TRICKY: Cell[][] = [
  ['Médiathèque « Le Pont »', 'a;b', 'il a dit "bonjour"', 'ligne 1\nligne 2', ' espace', '', null],
  [12.5, -3.25, 0, 1439, true, false, { date: '2026-03-02' }],
];

describe('CSV for French Excel', () => {
  const text = new CsvEncoder(spreadsheetDialect('fr')).text(TRICKY);

  it('starts with a byte-order mark, separates with ";", ends lines with CRLF', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('12,5;-3,25;0;1439;true;false;02/03/2026');
  });

  it('quotes what RFC 4180 says to quote, and reads back equal (same library)', () => {
    expect(text).toContain('"a;b";"il a dit ""bonjour""";"ligne 1\nligne 2"');
    const [first, second] = parseCsv(text, ';');
    expect(first).toEqual(['Médiathèque « Le Pont »', 'a;b', 'il a dit "bonjour"', 'ligne 1\nligne 2', ' espace', '', '']);
    expect(second).toEqual(['12,5', '-3,25', '0', '1439', 'true', 'false', '02/03/2026']);
  });

  it('keeps a formula typed in a note from running in a spreadsheet', () => {
    expect(new CsvEncoder(spreadsheetDialect('fr')).text([['=HYPERLINK("x")', '+33612345678', -2]])).toBe('\uFEFF"\'=HYPERLINK(""x"")";\'+33612345678;-2\r\n');
  });

  it('writes the BOM once, however many chunks', () => {
    const encoder = new CsvEncoder(spreadsheetDialect('fr'));
    const joined = [encoder.text([['a']]), encoder.text([['b']]), encoder.text([])].join('');
    expect(joined).toBe('\uFEFFa\r\nb\r\n');
  });
});

describe('CSV in English and open data', () => {
  it('uses commas, decimal points and ISO dates in English', () => {
    expect(new CsvEncoder(spreadsheetDialect('en')).text([[12.5, { date: '2026-03-02' }, 'a,b']])).toBe('\uFEFF12.5,2026-03-02,"a,b"\r\n');
  });
  it('keeps values exact for open data: no mark, no formula escape (a phone starts with +)', () => {
    expect(new CsvEncoder(OPEN_DATA_DIALECT).text([['+33180059880', '-1.5']])).toBe('+33180059880,-1.5\r\n');
  });
});
