// The page's language kept from one start to the next: read tolerantly, written only when it changes.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let dir: string;
let file: string;
beforeEach(() => {
  vi.resetModules();
  dir = mkdtempSync(join(tmpdir(), 'relais-language-'));
  file = join(dir, 'language.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const load = () => import('./shellLanguage');

describe('loadShellLanguage', () => {
  it('reads the language kept at the last start', async () => {
    writeFileSync(file, '{"language":"en"}\n');
    const { loadShellLanguage, shellLocaleFor } = await load();
    expect(loadShellLanguage(file)).toBe('en');
    // The dialogs speak it, whatever the system's language.
    expect(shellLocaleFor('fr-FR')).toBe('en');
  });

  it.each([
    ['no file', null],
    ['a file that is not JSON', '{"language":'],
    ['a language the shell does not speak', '{"language":"de"}'],
    ['a command-line switch in its place', '{"language":"fr --inspect"}'],
    ['a language that is not text', '{"language":["en"]}'],
    ['JSON that is not an object', 'null'],
  ])('gives nothing for %s: the system decides', async (_label, text) => {
    if (text !== null) writeFileSync(file, text);
    const { loadShellLanguage, shellLocaleFor } = await load();
    expect(loadShellLanguage(file)).toBeUndefined();
    expect(shellLocaleFor('en-US')).toBe('en');
    expect(shellLocaleFor('fr-FR')).toBe('fr');
  });
});

describe('keepShellLanguage', () => {
  it('keeps the page’s language for the next start, and says when the shell must change its words', async () => {
    const { keepShellLanguage, loadShellLanguage, shellLocaleFor } = await load();
    loadShellLanguage(file);
    expect(await keepShellLanguage(file, 'en')).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en' });
    expect(shellLocaleFor('fr-FR')).toBe('en');
    expect(await keepShellLanguage(file, 'en')).toBe(false);
    expect(await keepShellLanguage(file, 'fr')).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'fr' });
    expect(shellLocaleFor('en-US')).toBe('fr');
  });

  it('does not write the file again when the page says, at start, the language already kept', async () => {
    writeFileSync(file, '{"language":"fr"}\n');
    const before = statSync(file).mtimeMs;
    const { keepShellLanguage, loadShellLanguage } = await load();
    loadShellLanguage(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await keepShellLanguage(file, 'fr')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(before);
  });
});

describe('chromiumLocale', () => {
  it('is the locale the page formats dates with: day first in both languages', async () => {
    const { chromiumLocale } = await load();
    expect(chromiumLocale('fr')).toBe('fr-FR');
    expect(chromiumLocale('en')).toBe('en-GB');
  });
});
