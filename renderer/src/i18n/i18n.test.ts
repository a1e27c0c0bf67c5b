// The real messages through the real i18next set-up: plurals, elision and nesting as a person reads them.
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from './index';
import { LANGUAGES, PSEUDO_LANGUAGES, intlLocale } from './languages';
import { bundledResources, resourcesFor } from './resources';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoText } from './pseudo';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  await initI18n('fr');
});

describe('French', () => {
  const fr = (key: string, options: Record<string, unknown>) => nbsp(i18next.t(key, { lng: 'fr', ...options }));

  it('elides and contracts an interpolated name', () => {
    expect(fr('villages:new.openExisting', { name: 'Arvieu' })).toBe('Ouvrir la page d’Arvieu');
    expect(fr('villages:new.openExisting', { name: 'Lormes' })).toBe('Ouvrir la page de Lormes');
    expect(fr('home:toSurvey.startFor', { name: 'Le Havre' })).toBe('Faire le diagnostic du Havre');
    expect(fr('sync:preview.claimedElsewhere', { holder: 'Aïcha Benali', print: '1' }))
      .toBe('Cet appareil se présente comme l’ancien ordinateur d’Aïcha Benali, déjà inscrit ici avec une autre clé (empreinte 1) : vérifiez avec la personne.');
  });

  it('agrees the files imported with their number, none and one in the singular', () => {
    expect(fr('teamImport:done.title', { count: 1, imported: '1', total: '3' })).toBe('1 fichier importé sur 3');
    expect(fr('teamImport:done.title', { count: 0, imported: '0', total: '3' })).toBe('0 fichier importé sur 3');
    expect(fr('teamImport:done.title', { count: 20, imported: '20', total: '101' })).toBe('20 fichiers importés sur 101');
  });

  it('writes real plurals, nested ones included', () => {
    expect(fr('workshops:print.summaryTotals', { count: 1, planned: 1, attendance: 1 })).toBe('1 séance tenue sur 1 prévue, 1 présence au total.');
    expect(fr('workshops:print.summaryTotals', { count: 3, planned: 4, attendance: 1234 })).toBe('3 séances tenues sur 4 prévues, 1 234 présences au total.');
    expect(fr('workshops:session.totals', { count: 8, followed: 3, anonymous: 5 })).toBe('8 personnes présentes : 3 suivies, 5 sans suivi');
    expect(fr('workshops:session.totals', { count: 1, followed: 1, anonymous: 0 })).toBe('1 personne présente : 1 suivie, 0 sans suivi');
    expect(fr('workshops:session.dejaCount', { count: 2 })).toBe('dont 2 déjà accompagnées');
    expect(fr('sync:history.summary', { new: 1, updated: 2, conflicting: 0 })).toBe('1 nouvelle, 2 mises à jour, 0 conflit');
  });

  it('uses the "many" form for a million as French does, with digits grouped by Intl', () => {
    expect(fr('activities:list.count', { count: 1_000_000, formatted: '1 000 000' })).toBe('1 000 000 activités');
  });
});

describe('English', () => {
  const en = (key: string, options: Record<string, unknown>) => i18next.t(key, { lng: 'en', ...options });

  it('writes real plurals and leaves names alone', () => {
    expect(en('workshops:print.summaryTotals', { count: 1, planned: 3, attendance: 1 })).toBe('1 session held out of 3 planned, 1 attendance in total.');
    expect(en('workshops:session.closeMessage', { followed: 1, anonymous: 2 })).toBe(
      'The workshop will be recorded in the activities with 1 followed participant and 2 walk-ins. The session can no longer be changed.');
    expect(en('villages:new.openExisting', { name: 'Arvieu' })).toBe('Open the page of Arvieu');
  });

  it('names the sync screen the same in the menu and on the page', () => {
    expect(en('common:nav.sync', {})).toBe(en('sync:title', {}));
  });
});

describe('languages', () => {
  it('come from one list, with the Intl locale of each', () => {
    expect(LANGUAGES).toEqual(['fr', 'en']);
    expect(Object.keys(bundledResources())).toEqual(expect.arrayContaining([...LANGUAGES]));
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('en-XA')).toBe('en-GB');
    expect(intlLocale('xx')).toBe('fr-FR');
  });

  it('each name themselves in their own file', () => {
    expect(LANGUAGES.map((lng) => i18next.t('common:language.name', { lng }))).toEqual(['Français', 'English']);
  });
});

describe('pseudo-languages', () => {
  it('accent every letter, keep placeholders and nesting, and grow the text by about a third', () => {
    const text = 'Delete the village {{name}}? $t(workshops:x, {"count": {{n}} })';
    const pseudo = pseudoText(text);
    expect(pseudo.startsWith(PSEUDO_OPEN) && pseudo.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(pseudo).toContain('{{name}}');
    expect(pseudo).toContain('$t(workshops:x, {"count": {{n}} })');
    expect(pseudo.replace(/\{\{\w+\}\}|\$t\([^)]*\)/g, '')).not.toMatch(/[A-Za-z]/);
    const visible = 'Delete the village ? '.length;
    expect(pseudo.length - text.length).toBeGreaterThanOrEqual(Math.round(visible * 0.35));
  });

  it('cover every English message, and every plural form the pseudo-language needs', () => {
    const en = bundledResources().en;
    for (const code of Object.keys(PSEUDO_LANGUAGES)) {
      const pseudo = resourcesFor(code)!;
      expect(Object.keys(pseudo)).toEqual(Object.keys(en));
    }
    const rtl = resourcesFor('ar-XB')!.workshops as { home: Record<string, string> };
    for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(rtl.home[`sessionCount_${form}`]).toBeDefined();
  });

  it('run through i18next once chosen, with numbers formatted as in English (last: it switches the app language)', async () => {
    await initI18n('en-XA');
    expect(i18next.language).toBe('en-XA');
    const summary = i18next.t('workshops:print.summaryTotals', { count: 2, planned: 3, attendance: 1500 });
    expect(summary).toMatch(/^\[.*2.*\[3 .*\[1,500 /u);
    expect(summary).not.toMatch(/[A-Za-z]/);
  });
});
