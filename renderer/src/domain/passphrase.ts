/**
 * Passphrases people choose — for a bundle, or for the keys of a laptop without an OS keychain — judged
 * by a maintained estimator, zxcvbn-ts, with French and English dictionaries, common passwords and
 * keyboard layouts (azerty among them): it finds the words, names, years, keyboard walks and repeats a
 * guesser tries first and counts the guesses they leave. Refused below 10^10 guesses (its top score),
 * with what made it easy and a suggestion: four words drawn at random (crypto.getRandomValues) from the
 * French dictionary it ships.
 *
 * The dictionaries weigh a few megabytes: they are loaded on first use, in their own chunks, never at
 * app start (`loadPassphraseJudge`).
 */

/** zxcvbn's top score: at least 10^10 guesses. A bundle's passphrase meets an offline guesser. */
export const MIN_GUESSES_LOG10 = 10;

export type Score = 0 | 1 | 2 | 3 | 4;

/** What makes a refused passphrase easy to guess, in the words a person can act on. */
export const WEAKNESSES = ['commonPassword', 'commonWord', 'name', 'personal', 'keyboardWalk', 'year', 'date', 'repeat', 'sequence', 'tooSimple'] as const;
export type Weakness = (typeof WEAKNESSES)[number];

export interface PassphraseVerdict {
  score: Score;
  accepted: boolean;
  guessesLog10: number;
  /** Empty when accepted. */
  weaknesses: Weakness[];
}

export interface PassphraseJudge {
  /** `personal`: words a guesser would try for this person (name, structure). */
  judge(passphrase: string, personal?: readonly string[]): PassphraseVerdict;
  /** Four random words, always accepted by `judge`. */
  suggest(): string;
  /** How many words suggestions are drawn from (each word adds log2 of it in bits). */
  readonly suggestionWordCount: number;
}

interface EstimatedMatch {
  pattern: string;
  dictionaryName?: string;
  regexName?: string;
}

interface Estimator {
  check(password: string, userInputs?: (string | number)[]): { score: number; guessesLog10: number; sequence: EstimatedMatch[] };
}

function weaknessOf(match: EstimatedMatch): Weakness | undefined {
  switch (match.pattern) {
    case 'dictionary': {
      const name = match.dictionaryName ?? '';
      if (name.startsWith('passwords')) return 'commonPassword';
      if (name.startsWith('firstnames') || name.startsWith('lastnames')) return 'name';
      if (name === 'userInputs') return 'personal';
      return 'commonWord';
    }
    case 'spatial': return 'keyboardWalk';
    case 'regex': return match.regexName === 'recentYear' ? 'year' : undefined;
    case 'date': return 'date';
    case 'repeat': return 'repeat';
    case 'sequence': return 'sequence';
    default: return undefined;
  }
}

/** Words a guesser who knows this person would try: each word of their name and structure, with and without accents. */
function personalWords(personal: readonly string[]): string[] {
  const words = personal.flatMap((text) => text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  const plain = words.map((w) => w.normalize('NFD').replace(/\p{Diacritic}/gu, ''));
  return [...new Set([...words, ...plain, 'relais'])];
}

export function verdictOf(estimator: Estimator, passphrase: string, personal: readonly string[] = []): PassphraseVerdict {
  if (passphrase.length === 0) return { score: 0, accepted: false, guessesLog10: 0, weaknesses: ['tooSimple'] };
  const result = estimator.check(passphrase, personalWords(personal));
  const accepted = result.guessesLog10 >= MIN_GUESSES_LOG10;
  const found = new Set<Weakness>();
  if (!accepted) {
    for (const match of result.sequence) {
      const weakness = weaknessOf(match);
      if (weakness) found.add(weakness);
    }
    if (found.size === 0) found.add('tooSimple');
  }
  return {
    score: Math.max(0, Math.min(4, result.score)) as Score,
    accepted,
    guessesLog10: result.guessesLog10,
    weaknesses: WEAKNESSES.filter((w) => found.has(w)),
  };
}

/** A uniform index below `bound` (rejection sampling: no modulo bias). */
export function randomIndex(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const draw = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(draw);
    if (draw[0] < limit) return draw[0] % bound;
  }
}

/** Words each guessing list tries among its first this many are never suggested. */
const SKIP_MOST_COMMON = 1000;
/** Plain lowercase letters: typed the same on any keyboard, read aloud without spelling accents. */
const SUGGESTABLE = /^[a-z]{4,8}$/;
/** Words of the subtitles corpus nobody wants to read aloud to a colleague. */
const UNSUITABLE = new Set([
  'bite', 'bites', 'bordel', 'bordels', 'branler', 'chier', 'connard', 'connards', 'conne', 'connasse', 'connes', 'couille', 'couilles', 'crever',
  'enfoire', 'foutre', 'merde', 'merdes', 'merdique', 'nazi', 'nazis', 'negre', 'niquer', 'nique', 'pede', 'pedes', 'putain', 'putains',
  'pute', 'putes', 'salaud', 'salauds', 'salope', 'salopes', 'sucer', 'suicide', 'tuer', 'tueur', 'tueurs', 'viol', 'violer', 'cadavre',
  'cadavres', 'meurtre', 'meurtres', 'flic', 'flics', 'drogue', 'cocaine', 'prison', 'mort', 'morts', 'mourir', 'assassin',
]);

type Dictionaries = Record<string, (string | number)[]>;

/**
 * The suggestion list: French words of the subtitles corpus zxcvbn-ts ships, none among the first
 * guesses of any list, no first or last names, and no word of the English list (the corpus holds
 * English words, which a French speaker would misspell).
 */
export function suggestionWords(dictionaries: Dictionaries): string[] {
  const avoid = new Set<string>(UNSUITABLE);
  for (const [name, words] of Object.entries(dictionaries)) {
    const all = name.startsWith('firstnames') || name.startsWith('lastnames') || name === 'commonWords-en';
    for (const word of all ? words : words.slice(0, SKIP_MOST_COMMON)) avoid.add(String(word).toLowerCase());
  }
  const french = (dictionaries['commonWords-fr'] ?? []).map(String);
  return [...new Set(french.filter((w) => SUGGESTABLE.test(w) && !avoid.has(w)))];
}

export function drawWords(words: readonly string[], count = 4): string {
  return Array.from({ length: count }, () => words[randomIndex(words.length)]).join('-');
}

async function build(): Promise<PassphraseJudge> {
  const [{ ZxcvbnFactory }, common, fr, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const dictionary: Dictionaries = { ...common.dictionary, ...fr.dictionary, ...en.dictionary };
  const estimator: Estimator = new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs });
  const words = suggestionWords(dictionary);
  const judge = (passphrase: string, personal?: readonly string[]) => verdictOf(estimator, passphrase, personal);
  return {
    judge,
    suggest: () => {
      // Every draw passes by construction (tested); the loop only guards against a list that changed.
      for (let tries = 0; tries < 20; tries++) {
        const candidate = drawWords(words);
        if (judge(candidate).accepted) return candidate;
      }
      return drawWords(words, 6);
    },
    suggestionWordCount: words.length,
  };
}

let loading: Promise<PassphraseJudge> | undefined;

/** The judge, its dictionaries loaded once (a few hundred ms the first time). */
export function loadPassphraseJudge(): Promise<PassphraseJudge> {
  loading ??= build().catch((error: unknown) => {
    loading = undefined; // a failed load (e.g. a chunk missing) may be retried
    throw error;
  });
  return loading;
}
