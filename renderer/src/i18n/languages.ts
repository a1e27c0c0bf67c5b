/**
 * The languages Relais speaks: ONE list, locales/languages.json (code + the Intl locale for dates and
 * numbers). Adding a language is that line plus its locales/<code>/ folder — see docs/i18n.md.
 * The first entry is the default and the fallback: French, our users' language.
 *
 * Two pseudo-languages exist for testing only (never offered in the language switch): `en-XA`,
 * English accented and ~35 % longer, shows hard-coded and cut-off text; `ar-XB` is the same text
 * laid out right to left. They are generated from English at run time (see pseudo.ts) and chosen by
 * setting localStorage `relais.language`, as the e2e suite does.
 */
import registry from '../../../locales/languages.json';

export type Language = string;

export const LANGUAGES: readonly Language[] = registry.map((entry) => entry.code);
export const DEFAULT_LANGUAGE: Language = LANGUAGES[0];

export interface PseudoLanguage {
  /** The registered language whose messages it rewrites. */
  from: Language;
  rtl: boolean;
}

export const PSEUDO_LANGUAGES: Readonly<Record<string, PseudoLanguage>> = {
  'en-XA': { from: 'en', rtl: false },
  'ar-XB': { from: 'en', rtl: true },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.includes(value);
}

export function isPseudoLanguage(value: unknown): value is string {
  return typeof value === 'string' && Object.hasOwn(PSEUDO_LANGUAGES, value);
}

/** The Intl locale that formats dates and numbers for a language ("en" → "en-GB"). */
export function intlLocale(lang: string): string {
  const code = isPseudoLanguage(lang) ? PSEUDO_LANGUAGES[lang].from : lang;
  return registry.find((entry) => entry.code === code)?.intl ?? registry[0].intl;
}
