/**
 * A third language needs no code change: under the en-XA pseudo-language (English accented and
 * ~35 % longer, generated at run time), every visible word of the main screens must come from the
 * locales, and no button, label or menu item may be cut off. A failure lists each culprit.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, openScreen, startApp } from '../support/app';
import { createSeriesFromStarter, sessionRow } from '../support/workshops';
import { auditScreen, chooseLanguage, type I18nAudit } from '../support/i18nAudit';

const SCREENS = [
  '/', '/villages', '/surveys', '/activities', '/activities/new?type=individuel', '/activities/new?type=collectif',
  '/places', '/places/new', '/beneficiaries', '/beneficiaries/new', '/workshops', '/workshops/templates', '/sync', '/settings',
];

async function loadDemo(page: Page): Promise<void> {
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/éléments de démonstration présents/)).toBeVisible();
}

async function audit(page: Page, path: string, report: I18nAudit, open = true): Promise<void> {
  if (open) await openApp(page, path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  const found = await auditScreen(page, path);
  report.hardCoded.push(...found.hardCoded);
  report.cutOff.push(...found.cutOff);
}

for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
  test(`pseudo-locale at ${size.width}×${size.height}: no hard-coded text, no cut-off label`, async ({ page }) => {
    await page.setViewportSize(size);
    await startApp(page);
    await loadDemo(page);
    await chooseLanguage(page, 'en-XA');
    // Check every screen before failing, so one run lists every problem.
    const report: I18nAudit = { hardCoded: [], cutOff: [] };
    for (const path of SCREENS) await audit(page, path, report);
    await openApp(page, '/villages');
    await page.getByRole('link', { name: /Lormes/ }).first().click();
    await audit(page, '/villages/:id', report);
    expect(report.hardCoded, `hard-coded text:\n${report.hardCoded.join('\n')}`).toEqual([]);
    expect(report.cutOff, `cut-off labels:\n${report.cutOff.join('\n')}`).toEqual([]);
  });
}

/** The app path of the page shown (`/workshops/series/…`), to come back to it in another language. */
const currentPath = (page: Page) => new URL(page.url()).hash.replace(/^#/, '');

test('pseudo-locale: the trainer’s screens, a person’s history and the keyboard help come from the locales', async ({ page }) => {
  await startApp(page, { role: 'Formateur·rice' });
  await openScreen(page, 'Ateliers');
  await createSeriesFromStarter(page, 2);
  await page.getByRole('button', { name: 'Inscrire une nouvelle personne suivie' }).click();
  await page.getByRole('form', { name: 'Ajouter un participant suivi' }).getByRole('button', { name: 'Créer et inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Participants suivis' }).getByText('B-0001')).toBeVisible();
  const paths = [currentPath(page)];
  await sessionRow(page, 1).getByRole('link', { name: 'Feuille d’émargement' }).click();
  paths.push(currentPath(page));
  await page.getByRole('link', { name: 'Retour' }).click();
  await page.getByRole('link', { name: 'Bilan de la série' }).click();
  paths.push(currentPath(page));
  await page.getByRole('link', { name: 'Retour' }).click();
  await sessionRow(page, 1).getByRole('link', { name: 'Animer' }).click();
  paths.push(currentPath(page));
  await openScreen(page, 'Personnes suivies');
  await page.getByRole('link', { name: /B-0001/ }).click();
  paths.push(currentPath(page));

  await chooseLanguage(page, 'en-XA');
  const report: I18nAudit = { hardCoded: [], cutOff: [] };
  for (const path of [...paths, '/workshops']) await audit(page, path, report);
  // The calendar's week view, and the keyboard help over it.
  await page.getByRole('button', { name: /^\[Ŵééķ / }).click();
  await audit(page, '/workshops (week)', report, false);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'keyboard help', report, false);
  expect(report.hardCoded, `hard-coded text:\n${report.hardCoded.join('\n')}`).toEqual([]);
  expect(report.cutOff, `cut-off labels:\n${report.cutOff.join('\n')}`).toEqual([]);
});

test('pseudo-locale: the first run screen comes from the locales too', async ({ page }) => {
  await openApp(page);
  await chooseLanguage(page, 'en-XA');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('[Ŵéļçöɱé ţö Ŕéļåîš');
  const found = await auditScreen(page, 'first run');
  expect([...found.hardCoded, ...found.cutOff]).toEqual([]);
});

test('the audit is not blind: it reports a hard-coded string and a cut-off button', async ({ page }) => {
  await openApp(page);
  await chooseLanguage(page, 'en-XA');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const probe = document.createElement('div');
    // Styles set through the CSSOM: the page's CSP refuses inline style attributes in markup.
    probe.innerHTML = '<p>Hard-coded words</p><button>[Ŝåṽé ţhé ŕéçöŕð]</button>';
    const button = probe.querySelector('button')!;
    button.style.width = '40px';
    button.style.whiteSpace = 'nowrap';
    document.body.prepend(probe);
  });
  const found = await auditScreen(page, 'probe');
  expect(found.hardCoded).toEqual([expect.stringContaining('"Hard-coded words"')]);
  expect(found.cutOff).toEqual([expect.stringContaining('[Ŝåṽé ţhé ŕéçöŕð]')]);
});
