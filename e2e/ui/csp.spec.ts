/**
 * The Content-Security-Policy has no 'unsafe-inline', no 'wasm-unsafe-eval' and no blob: workers:
 * this walks the app as a person would — every screen with demo data (virtual lists position their rows
 * with React style props), a bundle opened in the Worker — and fails on any CSP violation the page
 * reports. A deliberate inline <style> at the end proves the watcher does see violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { navLink, openApp, startApp } from '../support/app';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const EXPECTED_META_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
  "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test.beforeEach(async ({ page }) => {
  // Installed before any script of the page runs, and again on every reload.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
});

test('the page carries the exact CSP, and a whole working session breaks none of it', async ({ page }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', EXPECTED_META_CSP);

  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();

  for (const screen of ['Accueil', 'Villages', 'Diagnostics', 'Activités', 'Lieux', 'Personnes suivies', 'Ateliers', 'Paramètres']) {
    await navLink(page, screen).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // The dashboard draws its charts with ECharts (its own chunk, a canvas, no HTML tooltip).
  await navLink(page, 'Tableau de bord').click();
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  // The activities list is virtualised: its rows are placed with inline style props.
  await navLink(page, 'Activités').click();
  await expect(page.locator('.virtual-row').first()).toBeVisible();

  // A file on the exchange screen is opened by the bundle Worker (its own script file, not a blob:).
  await navLink(page, 'Échanges').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Ouvrir des fichiers d’échange' }).click()]);
  await chooser.setFiles({ name: 'essai.relais', mimeType: 'application/octet-stream', buffer: Buffer.from('not a bundle at all') });
  await expect(page.getByRole('article', { name: 'essai.relais' }).getByRole('alert')).toHaveText('Ce fichier n’est pas un fichier d’échange Relais.');

  expect(await violations(page)).toEqual([]);

  // The watcher is live: markup-inline style is exactly what the policy refuses.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
  });
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^style-src-elem blocked inline/)]);
});
