// The shell hears the interface's language at start and at every change, in the shell's own terms.
import { describe, expect, it, vi } from 'vitest';
import { initI18n, setLanguage } from '../i18n';
import { tellShellTheLanguage } from './shellLanguage';

describe('tellShellTheLanguage', () => {
  it('tells the language at start, then each change, an English pseudo-language as English and any other as French', async () => {
    const instance = await initI18n('fr');
    const setShellLanguage = vi.fn(async (_request: { language: string }) => undefined);
    tellShellTheLanguage(instance, { setShellLanguage });
    await vi.waitFor(() => expect(setShellLanguage.mock.calls).toEqual([[{ language: 'fr' }]]));
    await setLanguage('en');
    await setLanguage('en-XA');
    await setLanguage('ar-XB');
    await setLanguage('fr');
    await vi.waitFor(() => expect(setShellLanguage.mock.calls.map(([request]) => request.language)).toEqual(['fr', 'en', 'en', 'fr', 'fr']));
    instance.off('languageChanged');
  });

  it.each([
    ['refuses', () => vi.fn(async () => { throw new Error('no shell'); })],
    ['throws at once', () => vi.fn(() => { throw new Error('no shell'); })],
    ['has no such call (an older shell)', () => undefined],
  ])('lets the page start and go on when the shell %s', async (_label, make) => {
    const instance = await initI18n('fr');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = { setShellLanguage: make() } as unknown as Parameters<typeof tellShellTheLanguage>[1];
    expect(() => tellShellTheLanguage(instance, api)).not.toThrow();
    await setLanguage('en');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    warn.mockRestore();
    instance.off('languageChanged');
  });
});
