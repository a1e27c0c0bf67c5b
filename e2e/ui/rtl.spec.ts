/**
 * A right-to-left language mirrors the layout with no code change: under the ar-XB pseudo-language
 * (generated from English, laid out right to left) <html> carries dir="rtl", the sidebar moves to
 * the right, each icon sits on the right of its label, titles and labels start on the right, and
 * nothing pushes the page sideways.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, startApp } from '../support/app';
import { chooseLanguage } from '../support/i18nAudit';

async function box(locator: Locator): Promise<{ x: number; right: number; width: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return { x: b.x, right: b.x + b.width, width: b.width };
}

/** Neither way: a page wider than the window scrolls sideways (the skip link once did, by 10,000 px). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
  test(`right to left at ${size.width}×${size.height}: the layout mirrors`, async ({ page }) => {
    await page.setViewportSize(size);
    await startApp(page);
    await openApp(page, '/settings');
    await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
    await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();
    await chooseLanguage(page, 'ar-XB');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar-XB');

    await openApp(page, '/villages');
    const sidebar = await box(page.locator('nav.sidebar'));
    const main = await box(page.locator('main'));
    expect(sidebar.x, 'the sidebar is on the right').toBeGreaterThan(main.x);
    expect(Math.round(sidebar.right)).toBe(size.width);

    const link = page.locator('.nav-link').nth(1);
    const icon = await box(link.locator('.nav-icon'));
    const label = await box(link.locator('span').last());
    expect(icon.x, 'the icon is on the right of its label').toBeGreaterThan(label.x);

    const title = await box(page.getByRole('heading', { level: 1 }));
    const actions = await box(page.locator('.page-actions'));
    expect(title.x, 'the title starts on the right, the actions sit on the left').toBeGreaterThan(actions.x);
    await expectNoSidewaysScroll(page);

    await openApp(page, '/places/new');
    const field = page.locator('.field').first();
    const fieldLabel = await box(field.locator('label').first());
    const input = await box(field.locator('input').first());
    expect(Math.abs(fieldLabel.right - input.right), 'a label starts above the right edge of its field').toBeLessThan(24);
    await expectNoSidewaysScroll(page);

    for (const path of ['/', '/activities', '/workshops/templates', '/sync', '/settings']) {
      await openApp(page, path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
  });
}

test('switching back to a left-to-right language restores dir="ltr"', async ({ page }) => {
  await openApp(page);
  await chooseLanguage(page, 'ar-XB');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
});
