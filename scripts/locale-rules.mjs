// The rules of `npm run i18n:check`, as pure functions over message tables so each can be unit-tested
// on a bad sample (scripts/locale-rules.test.ts). A table maps "namespace:key.path" to its text.
import elisionWords from '../renderer/src/i18n/elision-words.json' with { type: 'json' };

export const PLURAL = /_(zero|one|two|few|many|other)$/;
export const baseKey = (id) => id.replace(PLURAL, '');
const placeholders = (text) => new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]));

/** Formats a message may ask for: i18next's own, and the French elision helper (renderer/src/i18n/elision.ts). */
const BUILT_IN_FORMATS = new Set(['number', 'currency', 'datetime', 'relativetime', 'list']);
export const ELISION_FORMATS = new Set(['de', 'le', 'la', 'que']);

/**
 * Placeholders that always hold a number or a date, so never need elision ("depuis le {{since}}",
 * "plus de {{count}} jours"). Any other value after de/le/la/que must go through the elision format.
 */
export const NUMERIC_PLACEHOLDERS = new Set([
  'count', 'formatted', 'date', 'since', 'when', 'n', 'number', 'max', 'min', 'total', 'sum', 'km', 'used',
  'length', 'value', 'held', 'planned', 'attendance', 'followed', 'anonymous', 'after', 'before', 'days',
]);

/** Proper nouns and programme names that keep their French spelling in English. */
export const FRENCH_ALLOWED_IN_ENGLISH = [
  'Bibliothèques numérique de référence', 'Conseillers numériques', 'Grande école du numérique', 'Promeneurs du net',
  'Relais numérique', 'Emmaüs Connect', 'Aidants Connect', 'France Services', 'FranceConnect', 'tiers-lieu',
  'Nièvre', 'Lévézou', 'Aïcha', 'La Coop de la médiation numérique',
];

/**
 * Column names of a national format, written exactly as the national tool writes them (La Coop's
 * activity export says "Thématique(s) d’accompagnement"): a file lines up with theirs only if the
 * header is the same, so the plural rule does not apply to these.
 */
export const EXACT_NATIONAL_NAMES = new Set(['formats:cra.thematiques']);
const FRENCH_CHARACTERS = /[àâäçéèêëîïôöùûüÿœæ«»]/iu;
const FRENCH_WORDS = /(?<![\p{L}-])(département|départements|mairie|séance|séances|courriel|atelier|ateliers|médiation|numérique|accompagnement|avec|pour|dans|sur|les|des|et|ou)(?![\p{L}-])/iu;

const ELIDING = '(de|le|la|que|ne|je|me|te|se|jusque|lorsque|puisque)';
const MUTE_H = new Set(elisionWords.muteH);
const NO_ELISION = new Set(elisionWords.noElision);

/** Same decision as renderer/src/i18n/elision.ts, from the same word lists. */
export function startsWithElidingSound(word) {
  const lower = word.toLocaleLowerCase('fr');
  if (!lower || NO_ELISION.has(lower)) return false;
  const base = lower.normalize('NFD')[0];
  return 'aeiouœæ'.includes(base) || (base === 'h' && MUTE_H.has(lower));
}

/** Plural by parenthesis ("séance(s) tenue(s)", "session(s)"): any language. Use plural keys instead. */
export function pluralHacks(lang, id, text) {
  const forms = lang === 'fr' ? '_one, _many, _other' : 'its plural keys (_one, _other…)';
  return [...text.matchAll(/[\p{L}\p{M}]+\((?:s|x|es|nt)\)/gu)].map((m) =>
    `${lang} ${id}: "${m[0]}" is a plural hack; write real plural forms with ${forms}`);
}

/** "de Arvieu", "le ordinateur", "de {{name}}" in French: the words that must elide, and values that may need it. */
export function missingElision(id, text) {
  const problems = [];
  const before = `(?<![\\p{L}\\p{M}’'-])${ELIDING}`;
  for (const m of text.matchAll(new RegExp(`${before}[\\s\\u00a0\\u202f]+([\\p{L}\\p{M}]+)`, 'giu'))) {
    if (startsWithElidingSound(m[2])) problems.push(`fr ${id}: "${m[0]}" must elide (${m[1].slice(0, -1)}’${m[2]})`);
  }
  for (const m of text.matchAll(new RegExp(`${before}[\\s\\u00a0\\u202f]+\\{\\{\\s*(\\w+)\\s*(?:,\\s*([\\w-]+))?\\s*\\}\\}`, 'giu'))) {
    const [whole, word, name, format] = m;
    if (format && ELISION_FORMATS.has(format)) problems.push(`fr ${id}: "${whole}" says "${word}" twice; write {{${name}, ${format}}} alone`);
    else if (!NUMERIC_PLACEHOLDERS.has(name) && format !== 'number' && format !== 'datetime') {
      problems.push(`fr ${id}: "${whole}" may need elision ("de Arvieu"); write {{${name}, ${word.toLowerCase()}}} (renderer/src/i18n/elision.ts)`);
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}])(?:[dlmtsjn]|qu)’\{\{/giu)) {
    problems.push(`fr ${id}: "${m[0]}" elides whatever the value is; write {{name, de}} (or le, la, que)`);
  }
  return problems;
}

/**
 * One inclusive-writing form: the middle dot "·" (accompagné·e, accompagné·es, médiateur·rice), never
 * "(e)", ".e", "/e", "-e", "•e", "·e·s", nor "médiateur·ice" / "médiateur·trice", nor doublets
 * ("auteur ou autrice"). See docs/i18n.md.
 */
export function inclusiveForms(id, text) {
  const problems = [];
  const say = (found, fix) => problems.push(`fr ${id}: "${found}" — inclusive writing uses the middle dot: ${fix}`);
  for (const m of text.matchAll(/[\p{Ll}](?:\((?:e|es|ne|le|se|te|rice|euse)\)|[./•⋅∙‧-](?:e|es|rice|rices|euse|euses)(?![\p{L}]))/gu)) {
    say(m[0], 'write "·e", "·es", "·rice"');
  }
  for (const m of text.matchAll(/·e·s(?![\p{L}])/gu)) say(m[0], 'write the plural "·es"');
  for (const m of text.matchAll(/teurs?·(?!rices?(?![\p{L}]))[\p{L}]+/gu)) say(m[0], 'a "-teur" word takes "·rice" (médiateur·rice, médiateur·rices)');
  for (const m of text.matchAll(/teurs·rices/gu)) say(m[0], 'write the plural "teur·rices"');
  for (const m of text.matchAll(/(?<![\p{L}])([\p{L}]+)eurs? ou ([\p{L}]+)(?:rice|euse)s?(?![\p{L}])/gu)) say(m[0], 'no doublet: "auteur·rice"');
  for (const m of text.matchAll(/(?<![\p{L}])([\p{L}]+) ou \1e(s?)(?![\p{L}])/gu)) say(m[0], `no doublet: "${m[1]}·e${m[2]}"`);
  return problems;
}

/** One word for e-mail in French: "courriel". */
export function emailWord(id, text) {
  return [...text.matchAll(/(?<![\p{L}])(e-?mails?|mails?|mél)(?![\p{L}])/giu)].map((m) =>
    `fr ${id}: "${m[0]}" — write "courriel"`);
}

/** No French left in English: accented letters or French words, outside the allowed proper nouns. */
export function frenchInEnglish(id, text) {
  let rest = text;
  for (const name of FRENCH_ALLOWED_IN_ENGLISH) rest = rest.split(name).join(' ');
  const found = FRENCH_CHARACTERS.exec(rest) ?? FRENCH_WORDS.exec(rest);
  return found ? [`en ${id}: "${found[0]}" looks French (in "${text}"); translate it or add the proper noun to FRENCH_ALLOWED_IN_ENGLISH`] : [];
}

/** French typography: a no-break space before : ; ! ? and inside « », so a line never starts with a lone colon. */
export function frenchSpacing(id, text) {
  return / [:;!?»]|« /.test(text) ? [`fr ${id}: use a no-break space (U+00A0 or U+202F) before : ; ! ? » and after «`] : [];
}

/** `{{x, format}}` names a format that exists; elision formats only in French. */
export function formats(lang, id, text) {
  const problems = [];
  for (const m of text.matchAll(/\{\{\s*\w+\s*,\s*([\w-]+)[^}]*\}\}/g)) {
    const format = m[1].toLowerCase();
    if (ELISION_FORMATS.has(format)) {
      if (lang !== 'fr') problems.push(`${lang} ${id}: the elision format "${format}" is French only`);
    } else if (!BUILT_IN_FORMATS.has(format)) problems.push(`${lang} ${id}: unknown format "${format}"`);
  }
  return problems;
}

/** `$t(ns:key, {...})` nests another message: it must exist in the same language. */
export function nestedReferences(lang, id, text, table) {
  const ns = id.split(':')[0];
  return [...text.matchAll(/\$t\(([\w.:-]+)/g)].flatMap((m) => {
    const target = m[1].includes(':') ? m[1] : `${ns}:${m[1]}`;
    const exists = [...table.keys()].some((k) => baseKey(k) === target || k === target);
    return exists ? [] : [`${lang} ${id}: nests $t(${m[1]}), which does not exist`];
  });
}

/** Every message for one language, then the rules that compare languages. */
export function checkTables(tables, { registered = Object.keys(tables) } = {}) {
  const problems = [];
  const languages = Object.keys(tables);
  for (const lang of languages) if (!registered.includes(lang)) problems.push(`locales/${lang}: not registered in locales/languages.json`);
  for (const lang of registered) if (!languages.includes(lang)) problems.push(`locales/languages.json registers "${lang}" but locales/${lang}/ does not exist`);

  for (const lang of languages) {
    const table = tables[lang];
    for (const [id, text] of table) {
      if (typeof text !== 'string' || text.trim() === '') { problems.push(`${lang} ${id}: empty or not text`); continue; }
      if (!(lang === 'fr' && EXACT_NATIONAL_NAMES.has(id))) problems.push(...pluralHacks(lang, id, text));
      problems.push(...formats(lang, id, text), ...nestedReferences(lang, id, text, table));
      if (lang === 'fr') problems.push(...frenchSpacing(id, text), ...missingElision(id, text), ...inclusiveForms(id, text), ...emailWord(id, text));
      if (lang === 'en') problems.push(...frenchInEnglish(id, text));
    }
    problems.push(...pluralForms(lang, table));
    for (const other of languages.filter((l) => l !== lang)) problems.push(...missingKeys(lang, table, other, tables[other]));
  }
  problems.push(...placeholderParity(tables));
  return problems;
}

/**
 * Plural keys carry every plural form of the language, as Intl.PluralRules names them (French: one,
 * many, other — English: one, other — Polish: one, few, many, other): i18next asks for exactly those.
 */
export function pluralForms(lang, table) {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const problems = [];
  const bases = new Set([...table.keys()].filter((id) => PLURAL.test(id)).map(baseKey));
  for (const base of bases) {
    for (const form of forms) if (!table.has(`${base}_${form}`)) problems.push(`${base}: ${lang} lacks the plural form "${form}"`);
  }
  return problems;
}

export function missingKeys(lang, table, other, otherTable) {
  const otherBases = new Set([...otherTable.keys()].map(baseKey));
  const bases = new Set([...table.keys()].map(baseKey));
  return [...bases].filter((base) => !otherBases.has(base)).map((base) => `${base}: in ${lang}, missing from ${other}`);
}

/** Placeholders match across languages, or a translated message silently drops a value. */
export function placeholderParity(tables) {
  const [first, ...rest] = Object.keys(tables);
  const problems = [];
  for (const [id, text] of tables[first] ?? []) {
    for (const lang of rest) {
      const candidates = [...tables[lang].entries()].filter(([k]) => baseKey(k) === baseKey(id)).map(([, v]) => String(v));
      if (candidates.length === 0) continue;
      const theirs = new Set(candidates.flatMap((c) => [...placeholders(c)]));
      for (const name of placeholders(String(text))) if (name !== 'count' && !theirs.has(name)) problems.push(`${id}: {{${name}}} missing in ${lang}`);
    }
  }
  return problems;
}
