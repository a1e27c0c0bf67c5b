import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthGrid, sessionsByDay, weekOf, weekStart } from './calendar';
import { spareLines } from './attendance';

describe('calendar weeks and months (Monday first)', () => {
  it('finds the Monday of a week, across a month and a year', () => {
    expect(weekStart('2026-03-12')).toBe('2026-03-09'); // a Thursday
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
    expect(weekStart('2026-03-15')).toBe('2026-03-09'); // a Sunday
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(weekOf('2026-03-12')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
  });

  it('lays a month out in whole weeks covering every one of its days', () => {
    const march = monthGrid('2026-03-20');
    expect(march[0][0]).toBe('2026-02-23');
    expect(march.at(-1)?.at(-1)).toBe('2026-04-05');
    expect(march).toHaveLength(6);
    const days = march.flat();
    for (let d = 1; d <= 31; d++) expect(days).toContain(`2026-03-${String(d).padStart(2, '0')}`);
    expect(monthGrid('2021-02-10')).toHaveLength(4); // February 2021 starts on a Monday and has 28 days
  });

  it('moves by days and months, keeping the last day of a shorter month', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('groups sessions by day, in time order', () => {
    const days = sessionsByDay([
      { date: '2026-03-12', heure: '14:00', statut: 'prevue' as const, id: 'b' },
      { date: '2026-03-12', heure: '09:30', statut: 'prevue' as const, id: 'a' },
      { date: '2026-03-13', statut: 'annulee' as const, id: 'c' },
    ]);
    expect(days.get('2026-03-12')?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(days.get('2026-03-13')?.map((s) => s.id)).toEqual(['c']);
  });
});

describe('attendance sheet lines', () => {
  it('gives at least six spare lines and at least twelve lines in all', () => {
    expect(spareLines(0)).toBe(12);
    expect(spareLines(3)).toBe(9);
    expect(spareLines(6)).toBe(6);
    expect(spareLines(20)).toBe(6);
  });
});
