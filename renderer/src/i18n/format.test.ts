import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from './index';
import { formatDate, formatMonth, formatNumber } from './format';

beforeAll(async () => {
  await initI18n('fr');
});

describe('formatDate', () => {
  it('shows a year below 100 as typed, not as 19xx', async () => {
    await i18next.changeLanguage('en');
    expect(formatDate('0001-03-05', 'long')).toBe('5 March 1');
    expect(formatDate('0026-03-05', 'long')).toBe('5 March 26');
    expect(formatMonth('0026-03-05')).toBe('March 26');
    await i18next.changeLanguage('fr');
    expect(formatDate('0026-03-05', 'long')).toBe('5 mars 26');
  });

  it('shows an ordinary date in the language chosen, without time-zone shifts', async () => {
    await i18next.changeLanguage('fr');
    expect(formatDate('2026-03-05', 'long')).toBe('5 mars 2026');
    expect(formatDate('2026-12-31')).toBe('31 déc. 2026');
    expect(formatMonth('2026-03-05')).toBe('mars 2026');
  });

  it('gives back what is not a date as it is', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('n/a')).toBe('n/a');
  });
});

describe('formatters kept between calls', () => {
  it('still follow a change of language, back and forth, numbers and dates alike', async () => {
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    await i18next.changeLanguage('fr');
    expect(nbsp(formatNumber(1234.5))).toBe('1 234,5');
    expect(formatDate('2026-03-05', 'long')).toBe('5 mars 2026');
    await i18next.changeLanguage('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDate('2026-03-05', 'long')).toBe('5 March 2026');
    expect(formatDate('2026-03-05', 'short')).toBe('05/03/2026');
    await i18next.changeLanguage('fr');
    expect(nbsp(formatNumber(1234.5))).toBe('1 234,5');
    expect(formatMonth('2026-03-05')).toBe('mars 2026');
    // The messages' own `{{…, number}}` too.
    expect(nbsp(i18next.t('workshops:print.summaryTotals', { count: 3, planned: 4, attendance: 1234 }))).toContain('1 234 présences');
    await i18next.changeLanguage('en');
    expect(i18next.t('workshops:print.summaryTotals', { count: 3, planned: 4, attendance: 1234 })).toContain('1,234');
  });
});
