/**
 * Every message, bundled (no network): `locales/<lang>/<namespace>.json`, plus the pseudo-languages
 * generated from English on demand. Pure (no i18next): the domain reads its starter templates here.
 */
import { PSEUDO_LANGUAGES, isLanguage, isPseudoLanguage, type Language } from './languages';
import { pseudoMessages } from './pseudo';

export type Namespaces = Record<string, Record<string, unknown>>;

const modules = import.meta.glob('../../../locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

/** Registered languages only: a locales folder not in locales/languages.json is not shipped. */
export function bundledResources(): Record<Language, Namespaces> {
  const resources: Record<Language, Namespaces> = {};
  for (const [path, json] of Object.entries(modules)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match || !isLanguage(match[1])) continue;
    const [, lang, ns] = match;
    (resources[lang] ??= {})[ns] = json;
  }
  return resources;
}

const pseudoCache = new Map<string, Namespaces>();

/** The messages of one language, registered or pseudo; undefined for an unknown code. */
export function resourcesFor(lang: string): Namespaces | undefined {
  if (isLanguage(lang)) return bundledResources()[lang];
  if (!isPseudoLanguage(lang)) return undefined;
  let pseudo = pseudoCache.get(lang);
  if (!pseudo) {
    const { from, rtl } = PSEUDO_LANGUAGES[lang];
    pseudo = pseudoMessages(bundledResources()[from] as never, lang, { rtl }) as Namespaces;
    pseudoCache.set(lang, pseudo);
  }
  return pseudo;
}
