/**
 * The dates a mediator may give an activity or a village diagnostic: from the start of the national
 * programme's records (2015) up to tomorrow. Tomorrow, not today: two laptops whose clocks or time
 * zones differ by a few hours must not refuse each other's records. Anything outside is a typing slip
 * ("0026" for "2026", a year too far) that would silently vanish from every report.
 *
 * Pure, and the one place the range is written: the forms (min/max of the date inputs), the
 * validators and every importer (bundles, files) share it.
 */
import { isIsoDate, issue, type ValidationIssue } from './validation';

/** The earliest date accepted (YYYY-MM-DD). */
export const EARLIEST_RECORD_DATE = '2015-01-01';

/** YYYY-MM-DD of `now` in the local time zone, shifted by `days`. */
export function localDatePlusDays(now: Date, days: number): string {
  const shifted = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const m = String(shifted.getMonth() + 1).padStart(2, '0');
  const d = String(shifted.getDate()).padStart(2, '0');
  return `${String(shifted.getFullYear()).padStart(4, '0')}-${m}-${d}`;
}

/** The latest date accepted on `now`: tomorrow, local time. */
export function latestRecordDate(now: Date = new Date()): string {
  return localDatePlusDays(now, 1);
}

/**
 * Problems with the date of an activity or a diagnostic (field `field`): not a real calendar date,
 * before EARLIEST_RECORD_DATE, or after tomorrow. The messages name the range.
 */
export function checkRecordDate(field: string, date: unknown, now: Date = new Date()): ValidationIssue[] {
  if (!isIsoDate(date)) return [issue(field, 'dateInvalid')];
  if (date < EARLIEST_RECORD_DATE) return [issue(field, 'dateTooEarly', { min: EARLIEST_RECORD_DATE })];
  const latest = latestRecordDate(now);
  if (date > latest) return [issue(field, 'dateInFuture', { max: latest })];
  return [];
}
