/**
 * Dates and numbers through Intl only (French groups digits with U+202F and writes "3 mars 2026").
 * Records store calendar dates as YYYY-MM-DD; they are shown in the user's language here.
 */
import i18next from 'i18next';
import { DEFAULT_LANGUAGE, intlLocale } from './languages';

function locale(): string {
  return intlLocale(i18next.language ?? DEFAULT_LANGUAGE);
}

/**
 * Intl formatters, one per locale and style, made once: making one costs far more than using it (the
 * dashboard formats a few hundred numbers per filter change; made each time, 16 ms of its 130).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(): Intl.NumberFormat {
  const key = `number|${locale()}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale())));
  return format;
}

function dateTimeFormat(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${style}|${locale()}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
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
  return dateTimeFormat(`date-${style}`, { dateStyle: style, timeZone: 'UTC' }).format(utcDay(y, m, d));
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatMonth(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  return dateTimeFormat('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDay(y, m, 1));
}

/** Today's calendar date in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
