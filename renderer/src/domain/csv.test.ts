import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv (RFC 4180)', () => {
  it('writes a header and rows with CRLF line ends, after a UTF-8 byte order mark', () => {
    expect(toCsv([['Date', 'Présents'], ['2026-03-12', 8]], ';')).toBe('\uFEFFDate;Présents\r\n2026-03-12;8\r\n');
  });

  it('quotes a field holding the separator, a quote or a line break, and doubles its quotes', () => {
    const csv = toCsv([['a;b', 'dit "oui"', 'deux\nlignes', 'x,y', 'retour\rchariot']], ';');
    expect(csv).toBe('\uFEFF"a;b";"dit ""oui""";"deux\nlignes";x,y;"retour\rchariot"\r\n');
    expect(toCsv([['x,y', 'a;b']], ',')).toBe('\uFEFF"x,y",a;b\r\n');
  });

  it('reads back as written: a tiny RFC 4180 reader gives the same fields', () => {
    const rows = [['Titre', 'À revoir'], ['Arnaques « SMS »', 'Reprendre ; le 33700,\n"signal spam"'], ['', '0']];
    expect(parse(toCsv(rows, ';').slice(1), ';')).toEqual(rows);
  });
});

/** Reader used only to check the writer: quoted fields, doubled quotes, CRLF records. */
function parse(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i++; } else if (c === '"') quoted = false; else value += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(value); value = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(value); rows.push(row); row = []; value = ''; i++; } else value += c;
  }
  return rows;
}
