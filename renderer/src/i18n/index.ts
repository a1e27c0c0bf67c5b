/**
 * i18next with every namespace bundled (no network). French is the default and the fallback: it is
 * our users' language. The languages are listed once, in locales/languages.json (see languages.ts).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { elide, ELIDING_WORDS } from './elision';
import { DEFAULT_LANGUAGE, LANGUAGES, intlLocale, isLanguage, isPseudoLanguage, type Language } from './languages';
import { bundledResources, resourcesFor } from './resources';

export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './languages';
export { bundledResources } from './resources';

const STORAGE_KEY = 'relais.language';

/** The language chosen last time (kept in localStorage so the first paint is already right). */
function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(saved) || isPseudoLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** `lang` and `dir` on <html>: screen readers pick their voice, and a right-to-left language mirrors the layout. */
function markDocument(lang: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = i18next.dir(lang);
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice still applies for this session.
  }
  await i18next.changeLanguage(lang);
  markDocument(lang);
}

/** Formats messages may use: `{{count, number}}` (Intl, as formatNumber) and the French elision `{{name, de}}`. */
function addFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) return;
  // Cached by i18next per language and options: an Intl formatter is costly to make (see format.ts).
  formatter.addCached('number', (lng, options) => {
    const format = new Intl.NumberFormat(intlLocale(lng ?? DEFAULT_LANGUAGE), options);
    return (value) => format.format(value);
  });
  for (const word of ELIDING_WORDS) formatter.add(word, (value) => elide(word, value));
}

export async function initI18n(lang: Language = storedLanguage()): Promise<i18n> {
  const resources = bundledResources();
  const pseudo = isPseudoLanguage(lang) ? resourcesFor(lang) : undefined;
  if (pseudo) resources[lang] = pseudo;
  await i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: pseudo ? [...LANGUAGES, lang] : [...LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  addFormatters(i18next);
  markDocument(lang);
  return i18next;
}
