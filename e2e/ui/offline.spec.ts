import { expect, test } from '@playwright/test';
import { startApp } from '../support/app';

/**
 * "Works offline" is a promise, not a label: walking through every screen, the app requests nothing
 * but its own files (no fonts, icons, analytics or APIs from the network).
 */
test('no screen makes a network request outside the app', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL ?? '') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await startApp(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const links = await nav.getByRole('link').all();
  expect(links.length).toBeGreaterThanOrEqual(8);
  for (const link of links) {
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(page.getByText('Fonctionne hors ligne')).toBeVisible();
  expect(foreign).toEqual([]);
});

test('the page refuses, by its Content-Security-Policy, to load anything from outside', async ({ page }) => {
  await page.goto('/');
  const violated = await page.evaluate(() => new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
    const image = new Image();
    image.src = 'https://example.org/pixel.png';
  }));
  expect(violated).toBe('img-src');
});
