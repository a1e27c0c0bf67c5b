/**
 * French elision and contraction before an interpolated word: "le diagnostic d’Arvieu", "de Lormes",
 * "du Havre", "l’ordinateur d’Aïcha". Messages ask for it with a format, `{{name, de}}`, instead of
 * writing "de {{name}}" (which gives "de Arvieu"); `npm run i18n:check` refuses the latter.
 *
 * Cautious on purpose: a vowel (accented or not) elides; an "h" elides only for the short list of
 * mute-h words in elision-words.json (most place names in "H" take an aspirated h: "de Honfleur");
 * "y" never does ("de Yannick"). The same list is read by scripts/check-locales.mjs.
 */
import words from './elision-words.json';

export const ELIDING_WORDS = ['de', 'le', 'la', 'que'] as const;
export type ElidingWord = (typeof ELIDING_WORDS)[number];

const APOSTROPHE = '’';
const MUTE_H = new Set(words.muteH);
const NO_ELISION = new Set(words.noElision);

function firstWord(text: string): string {
  return (/^[\p{L}\p{M}]+/u.exec(text)?.[0] ?? '').toLocaleLowerCase('fr');
}

/** Whether a French word written before `text` loses its vowel ("de" → "d’"). */
export function startsWithElidingSound(text: string): boolean {
  const word = firstWord(text.trimStart());
  if (!word || NO_ELISION.has(word)) return false;
  const base = word.normalize('NFD')[0];
  if ('aeiouœæ'.includes(base)) return true;
  return base === 'h' && MUTE_H.has(word);
}

/** "Le Havre" → "du Havre", "Les Andelys" → "des Andelys" (French contracts "de le" and "de les"). */
function contractDe(text: string): string | undefined {
  const match = /^(Le|Les)\s+(.+)$/u.exec(text);
  if (!match) return undefined;
  return `${match[1] === 'Le' ? 'du' : 'des'} ${match[2]}`;
}

/** `word` followed by `value`, elided or contracted as French requires. */
export function elide(word: ElidingWord, value: unknown): string {
  const text = String(value ?? '').trim();
  if (word === 'de') {
    const contracted = contractDe(text);
    if (contracted) return contracted;
  }
  if (!startsWithElidingSound(text)) return `${word} ${text}`;
  return `${word.slice(0, -1)}${APOSTROPHE}${text}`;
}

export function isElidingWord(value: string): value is ElidingWord {
  return (ELIDING_WORDS as readonly string[]).includes(value);
}
