/**
 * How long ago a village's latest diagnostic was made, as a coordinator says it: in days under a
 * month (one made 20 days ago is not "0 months ago"), then in whole months. Both dates are calendar
 * days (YYYY-MM-DD), so the count does not depend on the hour or the time zone.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export type DiagnosticAge = { unit: 'today'; count: 0 } | { unit: 'days' | 'months'; count: number };

/** Whole calendar months from `date` to `today` (the 12th to the 2nd of the next month: none yet). */
function calendarMonths(date: string, today: string): number {
  const [y1, m1, d1] = date.split('-').map(Number);
  const [y2, m2, d2] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export function diagnosticAge(date: string, today: string): DiagnosticAge {
  // A date ahead of today (another laptop's clock, a diagnostic dated tomorrow) reads as today.
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(date)) / DAY_MS));
  if (days === 0) return { unit: 'today', count: 0 };
  const months = calendarMonths(date, today);
  return months < 1 ? { unit: 'days', count: days } : { unit: 'months', count: months };
}
