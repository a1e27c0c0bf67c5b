import { describe, expect, it } from 'vitest';
import { backupFileName, cardFileName, exchangeFileName, fileNameSlug, outboxBundleName } from './fileNames';

const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('fileNameSlug: safe characters only', () => {
  it('removes accents and joins words with hyphens', () => {
    expect(fileNameSlug('Médiathèque de Lormes')).toBe('mediatheque-de-lormes');
    expect(fileNameSlug('Aïcha Benali')).toBe('aicha-benali');
    expect(fileNameSlug('Cœur de Bourgogne, Œuvre & Straße')).toBe('coeur-de-bourgogne-oeuvre-strasse');
    expect(fileNameSlug('ﬁbre Ĳssel ＡＢＣ')).toBe('fibre-ijssel-abc');
  });

  it('turns slashes, apostrophes, colons and other path characters into plain hyphens', () => {
    expect(fileNameSlug('France Services / Château-Chinon')).toBe('france-services-chateau-chinon');
    expect(fileNameSlug('L’Isle-sur-la-Sorgue')).toBe('l-isle-sur-la-sorgue');
    expect(fileNameSlug('..\\..\\etc:passwd*?"<>|')).toBe('etc-passwd');
  });

  it('drops emoji and characters with no Latin spelling', () => {
    expect(fileNameSlug('Tiers-lieu 🚀🏡 Arvieu')).toBe('tiers-lieu-arvieu');
    expect(fileNameSlug('🎉🎉')).toBe('');
    expect(fileNameSlug('Ζωή 北京')).toBe('');
  });

  it('cuts a very long name between words, within the bound', () => {
    const long = 'Communauté de communes des Portes du Morvan et du Bazois réunies '.repeat(5);
    const slug = fileNameSlug(long);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('communaute-de-communes-des-portes-du');
    expect(fileNameSlug('a'.repeat(100))).toBe('a'.repeat(40));
  });

  it('always gives safe characters, whatever comes in', () => {
    for (const text of ['  --Hello--  ', 'ÀÉÎÕÜ çà', 'a/b\\c', 'x'.repeat(500), 'Ĳssel Łódź Đà Nẵng']) {
      const slug = fileNameSlug(text);
      expect(slug === '' || SAFE.test(slug), `${text} → ${slug}`).toBe(true);
    }
  });
});

describe('exchangeFileName', () => {
  const createdAt = '2026-03-16T14:05:09.123Z';

  it('names the structure, the sender and the date', () => {
    expect(exchangeFileName({ structure: 'Médiathèque de Lormes', name: 'Aïcha Benali', createdAt }))
      .toBe('relais-mediatheque-de-lormes-aicha-benali-2026-03-16-1405.relais');
  });

  it('says when the file is a full backup', () => {
    expect(exchangeFileName({ structure: 'Mairie', name: 'Jo', createdAt, backup: true })).toBe('relais-mairie-jo-sauvegarde-2026-03-16-1405.relais');
  });

  it('leaves out a part with nothing usable rather than writing an empty one', () => {
    expect(exchangeFileName({ structure: '🏡', name: 'Jo / Lou', createdAt })).toBe('relais-jo-lou-2026-03-16-1405.relais');
  });

  it('stays short and safe with very long names', () => {
    const name = exchangeFileName({ structure: 'S'.repeat(300), name: 'N '.repeat(300), createdAt });
    expect(name.length).toBeLessThanOrEqual(110);
    expect(name).toMatch(/^relais(-[a-z0-9]+)+\.relais$/);
  });
});

describe('cardFileName', () => {
  it('names the card after its owner, in safe characters (œ spelt out, a slash never a folder)', () => {
    expect(cardFileName('Bérénice Cœur / Nièvre')).toBe('carte-berenice-coeur-nievre.relaiscard');
  });

  it('still names a card whose owner name has nothing usable', () => {
    expect(cardFileName('🙂')).toBe('carte-relais.relaiscard');
  });
});

describe('backupFileName', () => {
  it('names a hand-saved backup by its UTC date and time, safe characters only', () => {
    expect(backupFileName(new Date('2026-11-30T16:22:33.000Z'))).toBe('relais-sauvegarde-2026-11-30-1622.relaisbackup');
  });
});

describe('outboxBundleName', () => {
  const base = { structure: 'Médiathèque de Lormes', name: 'Aïcha Benali', createdAt: '2026-03-05T14:07:00.000Z', upTo: 42 };
  it('says who sent it, up to which change and for whom, in safe characters', () => {
    expect(outboxBundleName({ ...base, deviceId: 'ab12cd34ef56ab12cd34ef56ab12cd34', recipientId: '9f8e7d6c5b4a9f8e7d6c5b4a9f8e7d6c' }))
      .toBe('relais-mediatheque-de-lormes-aicha-benali-2026-03-05-1407-ab12cd34-42-9f8e.relais');
  });

  it('never gives two senders, two recipients or two ranges the same name', () => {
    const names = new Set([
      outboxBundleName({ ...base, deviceId: 'a'.repeat(32), recipientId: 'c'.repeat(32) }),
      outboxBundleName({ ...base, deviceId: 'b'.repeat(32), recipientId: 'c'.repeat(32) }),
      outboxBundleName({ ...base, deviceId: 'a'.repeat(32), recipientId: 'd'.repeat(32) }),
      outboxBundleName({ ...base, deviceId: 'a'.repeat(32), recipientId: 'c'.repeat(32), upTo: 43 }),
    ]);
    expect(names.size).toBe(4);
  });
});
