/**
 * The passphrase judge on the samples that matter to French users: common words and passwords, azerty
 * walks, a first name and a year, the person's own name; and four random words, always accepted.
 */
import { describe, expect, it } from 'vitest';
import { drawWords, loadPassphraseJudge, MIN_GUESSES_LOG10, randomIndex, suggestionWords, type PassphraseJudge } from './passphrase';

const judge: PassphraseJudge = await loadPassphraseJudge();
const PERSON = ['Aïcha Benali', 'Médiathèque de Lormes'];

async function dictionaries() {
  const [common, fr, en] = await Promise.all([import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-fr'), import('@zxcvbn-ts/language-en')]);
  return { ...common.dictionary, ...fr.dictionary, ...en.dictionary };
}

describe('refused, saying why', () => {
  it.each([
    ['bonjour', 'commonWord'], ['soleil', 'commonWord'], ['motdepasse', 'commonPassword'], ['azerty123', 'commonPassword'],
  ])('a common word or password: %s', (passphrase, weakness) => {
    const verdict = judge.judge(passphrase);
    expect(verdict.accepted).toBe(false);
    expect(verdict.weaknesses).toContain(weakness);
  });

  it.each(['azertyuiop', 'qsdfghjklm', 'wxcvbn', 'poiuytreza'])('an azerty keyboard walk: %s', (passphrase) => {
    const verdict = judge.judge(passphrase);
    expect(verdict.accepted).toBe(false);
    expect(verdict.weaknesses).toContain('keyboardWalk');
  });

  it.each(['Marie1985', 'Jean-Pierre1962', 'julien2001', 'Nathalie1974'])('a name and a year: %s', (passphrase) => {
    const verdict = judge.judge(passphrase);
    expect(verdict.accepted).toBe(false);
    expect(verdict.weaknesses).toContain('year');
    expect(verdict.weaknesses.some((w) => w === 'name' || w === 'commonWord')).toBe(true);
  });

  it('the person\'s own name or structure, and a repeated character', () => {
    expect(judge.judge('lormes58140', PERSON)).toMatchObject({ accepted: false, weaknesses: expect.arrayContaining(['personal']) });
    expect(judge.judge('benali2024', PERSON).weaknesses).toContain('personal');
    expect(judge.judge('MediathequeLormes', PERSON)).toMatchObject({ accepted: false, weaknesses: ['personal'] }); // accents left out
    expect(judge.judge('aaaaaaaaaaaaaaaa').weaknesses).toContain('repeat');
    expect(judge.judge('')).toMatchObject({ accepted: false, score: 0 });
  });
});

describe('accepted', () => {
  it('four random words from the suggestion list, every time', () => {
    for (let i = 0; i < 60; i++) {
      const suggestion = judge.suggest();
      expect(suggestion.split('-')).toHaveLength(4);
      expect(judge.judge(suggestion)).toMatchObject({ accepted: true, score: 4, weaknesses: [] });
    }
  });

  it('even the four most common words of the list, drawn without any retry', async () => {
    const words = suggestionWords(await dictionaries());
    expect(words.length).toBeGreaterThan(5000); // ≥ 49 bits for four words
    expect(judge.suggestionWordCount).toBe(words.length);
    expect(judge.judge(words.slice(0, 4).join('-')).guessesLog10).toBeGreaterThanOrEqual(MIN_GUESSES_LOG10);
    for (let i = 0; i < 40; i++) expect(judge.judge(drawWords(words)).accepted).toBe(true);
  });

  it('a long sentence of one\'s own', () => {
    expect(judge.judge('le bus de Lormes passe à midi le mardi').accepted).toBe(true);
  });
});

describe('the suggestion list', () => {
  it('holds plain lowercase French words only, none among the first guesses of any list, no first names', async () => {
    const all = await dictionaries();
    const words = suggestionWords(all);
    expect(words.every((w) => /^[a-z]{4,8}$/.test(w))).toBe(true);
    const firstGuesses = new Set(Object.values(all).flatMap((list) => list.slice(0, 1000).map(String)));
    expect(words.filter((w) => firstGuesses.has(w))).toEqual([]);
    expect(words).not.toContain('marie');
    expect(words).not.toContain('putain');
  });

  it('draws each word uniformly (no modulo bias)', () => {
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[randomIndex(6)] += 1;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});
