import { describe, expect, it } from 'vitest';
import { emptyWeek, openingHoursFromWeek, timeRange, weekFromOpeningHours } from './openingHours';
import { isValidOpeningHours } from './place';

describe('the friendly opening-hours editor', () => {
  const week = { ...emptyWeek(), Mo: ['09:00-12:00', '14:00-17:00'], Tu: ['09:00-12:00', '14:00-17:00'], We: ['09:00-12:00', '14:00-17:00'],
    Th: ['09:00-12:00', '14:00-17:00'], Fr: ['09:00-12:00', '14:00-17:00'], Sa: ['09:00-12:00'] };

  it('writes grouped OpenStreetMap syntax that the reference parser accepts', () => {
    const value = openingHoursFromWeek(week);
    expect(value).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00');
    expect(isValidOpeningHours(value)).toBe(true);
    expect(openingHoursFromWeek({ ...emptyWeek(), Tu: ['14:00-18:00'], We: ['14:00-18:00'], Fr: ['10:00-12:00'] })).toBe('Tu,We 14:00-18:00; Fr 10:00-12:00');
    expect(openingHoursFromWeek(emptyWeek())).toBe('');
  });

  it('reads back what it writes, and declines what it cannot show', () => {
    expect(weekFromOpeningHours(openingHoursFromWeek(week))).toEqual(week);
    expect(weekFromOpeningHours('Mo,We-Fr 08:30-12:00')).toEqual({ ...emptyWeek(), Mo: ['08:30-12:00'], We: ['08:30-12:00'], Th: ['08:30-12:00'], Fr: ['08:30-12:00'] });
    expect(weekFromOpeningHours('Mo-Fr 09:00-12:00; PH off')).toBeNull();
    expect(weekFromOpeningHours('24/7')).toBeNull();
  });

  it('accepts only complete, forward time ranges', () => {
    expect(timeRange('09:00', '12:00')).toBe('09:00-12:00');
    expect(timeRange('12:00', '09:00')).toBeNull();
    expect(timeRange('9:00', '12:00')).toBeNull();
  });
});
