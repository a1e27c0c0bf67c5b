import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, dialog: {}, Menu: {} }));
const { menuTemplate } = await import('./menu');
const { pickLocale, t } = await import('./strings');

type Item = { label?: string; role?: string; submenu?: Item[] };

function roles(items: Item[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
}

const base = { isPackaged: true, platform: 'linux' as NodeJS.Platform, onAbout: () => undefined };

describe('menuTemplate', () => {
  it('has Fichier, Édition, Affichage, Aide in French', () => {
    const labels = (menuTemplate({ ...base, locale: 'fr' }) as Item[]).map((item) => item.label);
    expect(labels).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('has File, Edit, View, Help in English', () => {
    const labels = (menuTemplate({ ...base, locale: 'en' }) as Item[]).map((item) => item.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers quit, copy/paste, zoom and full screen', () => {
    const all = roles(menuTemplate({ ...base, locale: 'fr' }) as Item[]);
    for (const role of ['quit', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']) {
      expect(all).toContain(role);
    }
  });

  it('offers developer tools only when not packaged', () => {
    expect(roles(menuTemplate({ ...base, locale: 'fr' }) as Item[])).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ ...base, isPackaged: false, locale: 'fr' }) as Item[])).toContain('toggleDevTools');
  });

  it('adds the macOS application menu on macOS only', () => {
    expect(roles(menuTemplate({ ...base, platform: 'darwin', locale: 'fr' }) as Item[])[0]).toBe('appMenu');
  });
});

describe('strings', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['en-US', 'en'],
    ['de-DE', 'fr'],
    ['', 'fr'],
  ])('%s -> %s', (system, locale) => {
    expect(pickLocale(system)).toBe(locale);
  });

  it('fills placeholders', () => {
    expect(t('fr', 'aboutDetail', { version: '1.2.3', dataLocation: '/data' })).toContain('Relais 1.2.3');
  });
});
