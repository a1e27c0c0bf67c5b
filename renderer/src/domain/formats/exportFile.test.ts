import { describe, expect, it } from 'vitest';
import { OPEN_DATA_DIALECT } from './csv';
import { ExportCancelled, writeCsv, writeXlsx, type RowSource } from './exportFile';

function source(chunks: number): RowSource {
  return {
    sheet: { name: 'S', headers: ['n'] },
    records: chunks * 2,
    async *chunks() {
      for (let i = 0; i < chunks; i += 1) yield { rows: [[i * 2], [i * 2 + 1]], records: 2 };
    },
  };
}

describe('streamed exports', () => {
  it('report progress chunk by chunk and count rows', async () => {
    const seen: number[] = [];
    const written: Uint8Array[] = [];
    const result = await writeCsv(source(3), OPEN_DATA_DIALECT, { write: async (b) => { written.push(b); } }, { onProgress: (p) => seen.push(p.done) });
    expect(result.rows).toBe(6);
    expect(seen).toEqual([2, 4, 6]);
    expect(new TextDecoder().decode(Uint8Array.from(written.flatMap((b) => [...b])))).toBe('n\r\n0\r\n1\r\n2\r\n3\r\n4\r\n5\r\n');
  });

  it('tell how many sheets a workbook added for rows past a sheet\'s limit', async () => {
    const sink = { write: async () => {} };
    // 6 rows + header at 3 rows a sheet: 2 + 2 + 2 data rows, so two continuation sheets; the second kind fits.
    expect(await writeXlsx([source(3), source(1)], { dateFormat: 'yyyy-mm-dd', maxRowsPerSheet: 3 }, sink))
      .toEqual({ rows: 8, continuationSheets: 2 });
    expect(await writeXlsx([source(3)], { dateFormat: 'yyyy-mm-dd' }, sink)).toEqual({ rows: 6, continuationSheets: 0 });
    expect(await writeCsv(source(3), OPEN_DATA_DIALECT, sink)).toEqual({ rows: 6, continuationSheets: 0 });
  });

  it('stop when asked, between chunks, in both formats', async () => {
    for (const write of [
      (s: RowSource, run: { signal: AbortSignal; onProgress: () => void }) => writeCsv(s, OPEN_DATA_DIALECT, { write: async () => {} }, run),
      (s: RowSource, run: { signal: AbortSignal; onProgress: () => void }) => writeXlsx([s], { dateFormat: 'yyyy-mm-dd' }, { write: async () => {} }, run),
    ]) {
      const controller = new AbortController();
      let chunks = 0;
      await expect(write(source(10), { signal: controller.signal, onProgress: () => { chunks += 1; if (chunks === 2) controller.abort(); } }))
        .rejects.toBeInstanceOf(ExportCancelled);
      expect(chunks).toBe(2);
    }
  });
});
