import { describe, expect, it } from 'vitest';
import { diagnosticAge } from './diagnosticAge';

describe('diagnosticAge', () => {
  it.each([
    ['2026-12-02', { unit: 'today', count: 0 }],
    ['2026-12-03', { unit: 'today', count: 0 }],
    ['2026-12-01', { unit: 'days', count: 1 }],
    ['2026-11-12', { unit: 'days', count: 20 }],
    ['2026-11-01', { unit: 'months', count: 1 }],
    ['2026-10-18', { unit: 'months', count: 1 }],
    ['2026-10-02', { unit: 'months', count: 2 }],
    ['2026-01-31', { unit: 'months', count: 10 }],
    ['2025-12-02', { unit: 'months', count: 12 }],
    ['2024-12-02', { unit: 'months', count: 24 }],
  ])('on 2 December 2026, a diagnostic of %s was made %o ago', (date, age) => {
    expect(diagnosticAge(date, '2026-12-02')).toEqual(age);
  });

  it('counts days across a change of summer time as whole days', () => {
    expect(diagnosticAge('2026-03-20', '2026-04-10')).toEqual({ unit: 'days', count: 21 });
  });
});
