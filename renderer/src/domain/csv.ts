/**
 * A minimal CSV writer (RFC 4180): fields holding the separator, a quote, a carriage return or a line
 * feed are quoted, quotes doubled, lines ended by CRLF. A UTF-8 byte order mark first, so that Excel
 * reads accents right; the separator is the caller's (`;` for French Excel, `,` elsewhere).
 *
 * Small on purpose, for the one CSV Relais wrote when it was added (a workshop series' summary);
 * the national exports may bring a library for the rest, and this one should then give way to it.
 */
export type CsvSeparator = ',' | ';';

const BOM = '\uFEFF';

function field(value: string | number, separator: CsvSeparator): string {
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows` (the first one the header), with its byte order mark. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, separator: CsvSeparator): string {
  return BOM + rows.map((row) => row.map((value) => field(value, separator)).join(separator)).join('\r\n') + '\r\n';
}
