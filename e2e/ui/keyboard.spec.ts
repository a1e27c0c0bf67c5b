/**
 * Keyboard-only use: a mediator who cannot or does not use a mouse completes the first run and adds a
 * village with Tab, arrows, typing and Enter only. No click in this file.
 */
import { expect, test, type Page } from '@playwright/test';
import { KEYS_PASSPHRASE, startApp } from '../support/app';

/** Press Tab until the focused element matches, failing after `max` presses (focus order is real). */
async function tabTo(page: Page, matches: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await matches()) return;
  }
  throw new Error('focus never reached the expected control');
}

const focusedIs = (page: Page, role: string, name: string) => () =>
  page.evaluate(([r, n]) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    const roleOf = el.getAttribute('role') ?? ({ A: 'link', BUTTON: 'button', INPUT: (el as HTMLInputElement).type === 'radio' ? 'radio' : 'textbox' } as Record<string, string>)[el.tagName];
    return roleOf === r && label.replace(/\s+/g, ' ').trim().startsWith(n);
  }, [role, name]);

test('first run and adding a village work with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
  // The name field has focus on arrival.
  await expect(page.getByLabel('Votre nom affiché')).toBeFocused();
  await page.keyboard.type('Aïcha Benali');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // first role: Médiateur·rice
  await expect(page.getByRole('radio', { name: 'Médiateur·rice' })).toBeChecked();
  await tabTo(page, focusedIs(page, 'textbox', 'Votre structure'));
  await page.keyboard.type('Médiathèque de Lormes');
  // A browser has no OS keychain: the passphrase sealing this laptop's keys, typed twice.
  await tabTo(page, focusedIs(page, 'textbox', 'Phrase de passe de cet ordinateur'));
  await page.keyboard.type(KEYS_PASSPHRASE);
  await tabTo(page, focusedIs(page, 'textbox', 'Retapez la phrase de passe'));
  await page.keyboard.type(KEYS_PASSPHRASE);
  await expect(page.getByText('Solide', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Bonjour Aïcha Benali/ })).toBeVisible();

  // The skip link comes first, then the sidebar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await tabTo(page, focusedIs(page, 'link', 'Villages'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Villages' })).toBeVisible();
  await tabTo(page, focusedIs(page, 'link', 'Ajouter un village'));
  await page.keyboard.press('Enter');
  await tabTo(page, async () => page.getByRole('combobox', { name: 'Commune' }).evaluate((el) => el === document.activeElement));
  await page.keyboard.type('arvieu');
  // The best match is highlighted first; arrows move through the list.
  await expect(page.getByRole('option', { name: /^Arvieu 12120/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /^Arvieux 05350/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Arvieu (12120)')).toBeVisible();
  await tabTo(page, focusedIs(page, 'button', 'Ajouter le village'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Arvieu' })).toBeVisible();
});

test('no field the keyboard reaches in the activity form hides under its sticky save bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startApp(page);
  await page.goto('/#/activities/new?type=individuel');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // "More details" open, so its fields (equipment last) are in the tab order too.
  const more = page.getByRole('button', { name: /Plus de détails/ });
  if (await more.count()) await more.click();
  const hidden: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector('.activity-actions');
      if (!el || !bar) return { done: true, obscured: false, name: '' };
      if (bar.contains(el)) return { done: true, obscured: false, name: '' };
      const box = el.getBoundingClientRect();
      const barTop = bar.getBoundingClientRect().top;
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? el.tagName;
      return { done: false, obscured: box.bottom > barTop + 1, name: name.trim().slice(0, 60) };
    });
    if (state.done) break;
    if (state.obscured) hidden.push(state.name);
  }
  expect(hidden).toEqual([]);
});
