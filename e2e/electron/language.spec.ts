/**
 * The shell speaks the page's language (skipped, visibly, where the Electron binary is absent): a
 * French system, the page switched to English: the menu at once, Chromium's locale (and with it the
 * date fields' order) from the next start. Needs `npm run build` first.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { completeFirstRun, launchRelais, skipWithoutElectron } from '../support/electron';

skipWithoutElectron('language.spec.ts');

test('switched to English: the menu at once, Chromium in en-GB from the next start', async () => {
  test.setTimeout(120_000);
  const first = await launchRelais();
  const { userData } = first;
  try {
    await completeFirstRun(first.page);
    await first.page.getByRole('navigation').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => readFileSync(join(userData, 'language.json'), 'utf8')).toContain('"language":"en"');
    const menu = await first.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label));
    expect(menu).toContain('File');
    await first.app.close();

    const second = await launchRelais({ userData });
    expect(await second.app.evaluate(({ app }) => app.getLocale())).toBe('en-GB');
    expect(await second.page.evaluate(() => navigator.language)).toBe('en-GB');
    await expect(second.page.getByRole('heading', { level: 1 })).toContainText('Hello');
    await second.app.close();
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});
