/**
 * A territory's long lists on the dashboard (issue 10): a coordinator's communes (and, at a region's
 * scale, her 300 mediators) are too many for one chart. The chart draws the 15 largest and says so; the
 * table shows 30 rows and a button for every row; the printed report has every row.
 */
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { openScreen, startApp } from '../support/app';
import { importMediatorWork, logActivities, type LoggedActivities } from '../support/activityList';
import { takePrinted, useFakeDesktopShell } from '../support/desktopShell';
import { expectNone, seriousViolations } from '../support/axe';

/** 40 real communes of the Nièvre, from the official list. */
const communes: unknown = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json');
const NIEVRE = (communes as Array<{ code: string; nom: string; type: string; departement?: string; codesPostaux?: string[] }>)
  .filter((c) => c.type === 'commune-actuelle' && c.departement === '58' && c.codesPostaux?.length)
  .slice(0, 40)
  .map((c) => ({ codeInsee: c.code, nom: c.nom, codePostal: c.codesPostaux![0] }));

let work: LoggedActivities;
test.beforeAll(async () => {
  work = await logActivities(450, NIEVRE);
});

test('40 communes: the chart draws the 15 largest and says so, the table shows 30 then all 40, the printed report all 40', async ({ page }) => {
  test.setTimeout(120_000);
  await useFakeDesktopShell(page);
  await startApp(page, { role: 'Coordinateur·rice' });
  await importMediatorWork(page, work);
  await openScreen(page, 'Tableau de bord', 'Tableau de bord du territoire');

  const section = page.getByRole('region', { name: 'Activités par commune' });
  await expect(section.getByText('Le graphique montre les 15 communes qui comptent le plus d’activités, sur 40\u00a0; le tableau les donne toutes.')).toBeVisible();
  const table = section.getByRole('table', { name: 'Activités par commune' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(30);
  // Largest first: 450 activities in turn over 40 communes, the first ten have 12, the others 11.
  await expect(rows.first()).toHaveText(new RegExp(`^${NIEVRE[0].nom} \\(${NIEVRE[0].codeInsee}\\)12`));
  await expect(rows.nth(10)).toContainText('11');
  // The chart drew 15 bars' worth of height, not 40.
  const chartHeight = await section.locator('.chart').evaluate((host) => (host as HTMLElement).clientHeight);
  expect(chartHeight).toBe(15 * 28 + 48);

  // Every row, by keyboard; then only the first 30 again.
  const showAll = section.getByRole('button', { name: 'Afficher les 40 lignes' });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(40);
  const showFewer = section.getByRole('button', { name: 'N’afficher que les 30 premières' });
  await expect(showFewer).toBeFocused();
  await expect(showFewer).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.last()).toContainText(NIEVRE[39].codeInsee);
  expectNone(await seriousViolations(page, 'dashboard, a long table shown whole'));
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(30);

  // The printed report (the shell's PDF) has every commune; the screen is back to 30 after.
  await page.getByRole('button', { name: 'Imprimer le rapport' }).click();
  await expect.poll(async () => (await takePrinted(page)).flat().find((t) => t.caption === 'Activités par commune')?.rows).toBe(40);
  await expect(rows).toHaveCount(30);
  // The browser's own print (Ctrl+P) too.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(40);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(rows).toHaveCount(30);

  // In English.
  await page.evaluate(() => localStorage.setItem('relais.language', 'en'));
  await page.reload();
  const english = page.getByRole('region', { name: 'Activities per commune' });
  await expect(english.getByText('The chart shows the 15 communes with the most activities, of 40; the table lists them all.')).toBeVisible();
  await expect(english.getByRole('button', { name: 'Show all 40 rows' })).toBeVisible();
});
