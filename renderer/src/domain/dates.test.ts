import { describe, expect, it } from 'vitest';
import { checkRecordDate, EARLIEST_RECORD_DATE, latestRecordDate, localDatePlusDays } from './dates';

const codes = (date: unknown, now: Date) => checkRecordDate('date', date, now).map((i) => i.code);

describe('record dates: from 2015-01-01 to tomorrow', () => {
  const now = new Date(2026, 2, 16, 10, 0); // 16 March 2026, 10:00 local time

  it('accepts the first day, today and tomorrow', () => {
    expect(codes(EARLIEST_RECORD_DATE, now)).toEqual([]);
    expect(codes('2026-03-16', now)).toEqual([]);
    expect(codes('2026-03-17', now)).toEqual([]);
  });

  it('refuses the day before 2015 and the day after tomorrow, naming the bound', () => {
    expect(checkRecordDate('date', '2014-12-31', now)).toEqual([{ field: 'date', code: 'dateTooEarly', params: { min: '2015-01-01' } }]);
    expect(checkRecordDate('date', '2026-03-18', now)).toEqual([{ field: 'date', code: 'dateInFuture', params: { max: '2026-03-17' } }]);
  });

  it('refuses the typing slips a date input lets through', () => {
    expect(codes('0026-03-16', now)).toEqual(['dateTooEarly']);
    expect(codes('2206-03-16', now)).toEqual(['dateInFuture']);
    expect(codes('2026-02-30', now)).toEqual(['dateInvalid']);
    expect(codes('', now)).toEqual(['dateInvalid']);
    expect(codes(undefined, now)).toEqual(['dateInvalid']);
  });

  it('counts tomorrow in local time, across a month and a year end', () => {
    expect(latestRecordDate(new Date(2026, 0, 31, 23, 59))).toBe('2026-02-01');
    expect(latestRecordDate(new Date(2026, 11, 31, 0, 1))).toBe('2027-01-01');
    expect(localDatePlusDays(new Date(2024, 1, 28), 1)).toBe('2024-02-29');
  });
});
