/**
 * Dates and numbers through Intl only (French groups digits with U+202F and writes "3 mars 2026").
 * Records store calendar dates as YYYY-MM-DD; they are shown in the user's language here.
 */
import i18next from 'i18next';
import { DEFAULT_LANGUAGE, intlLocale } from './languages';

function locale(): string {
  return intlLocale(i18next.language ?? DEFAULT_LANGUAGE);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/**
 * The UTC instant of a calendar date. `Date.UTC(y, …)` reads years 0–99 as 1900–1999 (year 26 would
 * show as 1926); setting the full year afterwards keeps it as typed.
 */
function utcDay(y: number, m: number, d: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

/** A YYYY-MM-DD calendar date, shown without time-zone shifts. */
export function formatDate(isoDate: string, style: 'full' | 'long' | 'medium' | 'short' = 'medium'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!Number.isInteger(y) || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale(), { dateStyle: style, timeZone: 'UTC' }).format(utcDay(y, m, d));
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatMonth(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDay(y, m, 1));
}

/** Today's calendar date in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
