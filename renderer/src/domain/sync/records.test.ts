import { describe, expect, it } from 'vitest';
import { formatStamp } from '../hlc';
import { checkRecord, shareStamps } from './records';
import type { SyncRecord } from './merge';
import { RECORD_VALIDATORS } from './validators';

const [A, B, C] = ['000000000000000a', '000000000000000b', '000000000000000c'];
const NOW = Date.parse('2025-03-02T00:00:00.000Z');
const s = (second: number, device: string) => formatStamp(Date.parse('2025-03-01T08:00:00.000Z') + second * 1000, 0, device);

/** A village whose population was last written by B at 60 s, having replaced `replaced`. */
function village(replaced: unknown): unknown {
  return {
    id: '01890a5d-ac96-774b-bcce-b302099a8057', createdAt: '2025-03-01T08:00:00.000Z', updatedAt: '2025-03-01T08:01:00.000Z',
    authorDevice: A, deleted: 0, erased: 0,
    commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 12,
    versions: { deleted: s(0, A), commune: s(0, A), departement: s(0, A), population: s(60, B) },
    replaced: { population: replaced },
  };
}

const check = (replaced: unknown) => checkRecord('village', village(replaced), RECORD_VALIDATORS, NOW);

describe('what a received record may say it replaced', () => {
  it('accepts per-device lists as the merge writes them, and the single stamp of older records', () => {
    expect(check([s(0, A)])).toEqual({ status: 'ok' });
    expect(check([s(0, A), s(30, C)])).toEqual({ status: 'ok' });
    expect(check(s(0, A))).toEqual({ status: 'ok' });
  });

  it('refuses any other spelling: equal histories must compare equal, or re-imports would rewrite records', () => {
    for (const [replaced, problem] of [
      [[], 'not a stamp or a list of stamps'],
      [[s(30, C), s(0, A)], 'not sorted'],
      [[s(0, A), s(10, A)], 'device repeated'],
      [[s(5, C), s(10, A), s(20, C)], 'device repeated'],
      [[s(30, B)], 'device repeated'], // the value's own device: its stamp already says it
      [[s(90, A)], 'not older'],
      [['yesterday'], 'not a stamp'],
      [{ a: s(0, A) }, 'not a stamp or a list of stamps'],
    ] as const) {
      const result = check(replaced);
      expect(result.status, JSON.stringify(replaced)).toBe('invalid');
      expect(result.status === 'invalid' && result.reason, JSON.stringify(replaced)).toContain(problem);
    }
  });
});

describe('shareStamps', () => {
  it('leaves every stamp as it was (one string per distinct stamp is held, unobservable but to the heap), and its map stays bounded', () => {
    const stamp = (n: number) => `2026-01-01T00:00:00.${String(n % 1000).padStart(3, '0')}Z-${String(Math.floor(n / 1000)).padStart(4, '0')}-${'a1'.repeat(8)}`;
    const shared = new Map<string, string>();
    for (let n = 0; n < 10_000; n++) {
      const versions = { date: stamp(n), duree: stamp(n), deleted: stamp(0) };
      const record = { versions: { ...versions } } as unknown as SyncRecord;
      shareStamps(record, shared);
      expect(record.versions).toEqual(versions);
      expect(shared.size).toBeLessThanOrEqual(4096);
    }
  });
});
