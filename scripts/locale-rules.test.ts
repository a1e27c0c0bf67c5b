// Each rule of `npm run i18n:check` fails on a bad sample and passes the corrected one: a rule that
// cannot fail would prove nothing.
import { describe, expect, it } from 'vitest';
import {
  checkTables, emailWord, formats, frenchInEnglish, inclusiveForms, missingElision, nestedReferences, pluralHacks,
} from './locale-rules.mjs';

const table = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('plural hacks', () => {
  it('refuses "(s)" plurals in French and English', () => {
    expect(pluralHacks('fr', 'w:x', '{{held}} séance(s) tenue(s) sur {{planned}}')).toEqual([
      expect.stringContaining('"séance(s)"'), expect.stringContaining('"tenue(s)"'),
    ]);
    expect(pluralHacks('en', 'w:x', '{{held}} session(s) held')).toEqual([expect.stringContaining('"session(s)"')]);
    expect(pluralHacks('fr', 'w:x', 'animaux(x) et travail(aux)')).toHaveLength(1);
  });

  it('accepts real plural forms and ordinary parentheses', () => {
    expect(pluralHacks('fr', 'w:x_other', '{{count}} séances tenues (sur {{planned}})')).toEqual([]);
    expect(pluralHacks('en', 'w:x', 'Langues étrangères (autres)')).toEqual([]);
  });
});

describe('elision', () => {
  it('refuses de, le, la, que before a vowel, an accented vowel or a mute h', () => {
    for (const bad of ['le diagnostic de Arvieu', 'le ordinateur', 'De Élancourt', 'la heure', 'plus que Aïcha', 'la île', 'de habitants']) {
      expect(missingElision('x:y', bad), bad).toHaveLength(1);
    }
  });

  it('accepts the elided forms, consonants, aspirated h and the usual exceptions', () => {
    for (const good of ['le diagnostic d’Arvieu', 'l’ordinateur d’Aïcha', 'de Lormes', 'le hameau', 'de Honfleur', 'le onze', 'de Yannick', 'Grande école du numérique']) {
      expect(missingElision('x:y', good), good).toEqual([]);
    }
  });

  it('refuses a name interpolated after de/le/la/que unless it goes through the elision format', () => {
    expect(missingElision('x:y', 'Ouvrir la page de {{name}}')).toEqual([expect.stringContaining('{{name, de}}')]);
    expect(missingElision('x:y', 'plus que {{name}}')).toEqual([expect.stringContaining('{{name, que}}')]);
    expect(missingElision('x:y', 'la page d’{{name}}')).toEqual([expect.stringContaining('elides whatever the value is')]);
    expect(missingElision('x:y', 'la page de {{name, de}}')).toEqual([expect.stringContaining('twice')]);
    expect(missingElision('x:y', 'Ouvrir la page {{name, de}}')).toEqual([]);
  });

  it('lets numbers and dates follow de/le without elision', () => {
    expect(missingElision('x:y', 'depuis le {{since}}, plus de {{count}} jours, le {{total, number}}')).toEqual([]);
  });
});

describe('inclusive writing', () => {
  it('refuses every form but the middle dot', () => {
    for (const bad of ['accompagné(e)', 'accompagné.e', 'accompagné/e', 'accompagné-e', 'accompagné•e', 'accompagné·e·s', 'accompagné(es)']) {
      expect(inclusiveForms('x:y', bad), bad).toHaveLength(1);
    }
  });

  it('refuses mixing -teur suffixes and doublets', () => {
    expect(inclusiveForms('x:y', 'Médiateur·ice')).toEqual([expect.stringContaining('·rice')]);
    expect(inclusiveForms('x:y', 'Médiateur·trice')).toEqual([expect.stringContaining('·rice')]);
    expect(inclusiveForms('x:y', 'Auteur ou autrice')).toEqual([expect.stringContaining('doublet')]);
    expect(inclusiveForms('x:y', 'accompagné ou accompagnée')).toEqual([expect.stringContaining('accompagné·e')]);
  });

  it('accepts the chosen form', () => {
    expect(inclusiveForms('x:y', 'Déjà accompagné·e ; accompagné·es ; Médiateur·rice, coordinateur·rices ; seul·e ; cybermalveillance.gouv.fr ; Wi-Fi')).toEqual([]);
  });
});

describe('one word for e-mail', () => {
  it('refuses e-mail, email and mail in French, accepts courriel', () => {
    expect(emailWord('x:y', 'Aucun nom, e-mail ni adresse ; contacter par mail ; Email')).toHaveLength(3);
    expect(emailWord('x:y', 'Aucun nom, courriel ni adresse ; Gmail')).toEqual([]);
  });
});

describe('no French in English', () => {
  it('refuses accented letters and French words', () => {
    expect(frenchInEnglish('x:y', 'Département')).toEqual([expect.stringContaining('"é"')]);
    expect(frenchInEnglish('x:y', 'Sessions avec participants')).toEqual([expect.stringContaining('"avec"')]);
    expect(frenchInEnglish('x:y', '« Demo »')).toHaveLength(1);
  });

  it('allows the listed proper nouns', () => {
    expect(frenchInEnglish('x:y', 'Lormes (Nièvre), Emmaüs Connect, a tiers-lieu, Pix competences, the department')).toEqual([]);
  });
});

describe('formats and nesting', () => {
  it('keeps the elision formats to French and refuses unknown formats', () => {
    expect(formats('en', 'x:y', 'the page of {{name, de}}')).toEqual([expect.stringContaining('French only')]);
    expect(formats('fr', 'x:y', '{{name, du}}')).toEqual([expect.stringContaining('unknown format')]);
    expect(formats('fr', 'x:y', '{{name, de}} {{count, number}}')).toEqual([]);
  });

  it('refuses a nested message that does not exist', () => {
    const messages = table({ 'w:held_one': 'x', 'w:held_other': 'x' });
    expect(nestedReferences('fr', 'w:a', '$t(held, {"count": {{n}} })', messages)).toEqual([]);
    expect(nestedReferences('fr', 'w:a', '$t(w:planned, {"count": {{n}} })', messages)).toEqual([expect.stringContaining('does not exist')]);
  });
});

describe('the whole check', () => {
  const good = () => ({
    fr: table({ 'v:open': 'Ouvrir la page {{name, de}}', 'v:n_one': '{{count}} séance', 'v:n_many': '{{count}} séances', 'v:n_other': '{{count}} séances' }),
    en: table({ 'v:open': 'Open the page of {{name}}', 'v:n_one': '{{count}} session', 'v:n_other': '{{count}} sessions' }),
  });

  it('passes a correct pair of languages', () => {
    expect(checkTables(good(), { registered: ['fr', 'en'] })).toEqual([]);
  });

  it('asks each language for its own plural forms', () => {
    const polish = table({ 'v:n_one': '{{count}} sesja', 'v:n_other': '{{count}} sesji' });
    expect(checkTables({ pl: polish }, { registered: ['pl'] })).toEqual(['v:n: pl lacks the plural form "few"', 'v:n: pl lacks the plural form "many"']);
  });

  it('reports missing plural forms, missing keys, lost placeholders and unregistered languages', () => {
    const tables = good();
    tables.fr.delete('v:n_many');
    tables.en.set('v:open', 'Open the page');
    tables.en.set('v:extra', 'Only in English');
    const problems = checkTables({ ...tables, de: table({}) }, { registered: ['fr', 'en'] });
    expect(problems).toEqual(expect.arrayContaining([
      'v:n: fr lacks the plural form "many"',
      'v:open: {{name}} missing in en',
      'v:extra: in en, missing from fr',
      'locales/de: not registered in locales/languages.json',
    ]));
  });
});
