/**
 * A database an older Relais left (schema 15, before the dashboard's rows were kept per activity type),
 * opened by this one. The upgrade rebuilds those rows from every activity, minutes at a region's
 * million, while no screen can read the data: the start-up screen must say how far it has gone out of
 * how many, and the app must then open on figures equal to the activities stored.
 */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { generateDataset, TABLES } from '../../bench/generate';
import { SCHEMA_VERSIONS } from '../../renderer/src/db/schema';
import { openScreen, startApp } from '../support/app';

const OLD_VERSION = 15;
/** Four chunks of the rebuild (5,000 activities each): the screen has several counts to show. */
const RECORDS = 20_000;

/**
 * Writes `dataset` into a database at schema `version`, as that release left it: from a page of the app's
 * origin that does not run the app (a missing file), with Dexie declaring every version up to it.
 */
async function leaveOlderDatabase(page: Page, version: number, dataset: Record<string, object[]>): Promise<void> {
  await page.goto('/not-the-app');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('dexie/dist/dexie.js') });
  const versions = SCHEMA_VERSIONS.filter((v) => v.version <= version).map(({ version: number, stores }) => ({ number, stores }));
  await page.evaluate(async ({ versions, dataset }) => {
    const Dexie = (window as unknown as { Dexie: typeof import('dexie').default }).Dexie;
    const db = new Dexie('relais');
    for (const { number, stores } of versions) db.version(number).stores(stores);
    await db.open();
    for (const [table, rows] of Object.entries(dataset)) await db.table(table).bulkPut(rows);
    db.close();
  }, { versions, dataset });
}

type Seen = Array<{ text: string; value: string | null; max: string | null }>;

/** Every text and bar the upgrading screen shows, recorded as the page draws them. */
async function recordUpgradingScreen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Seen = [];
    (window as unknown as { upgradingSeen: Seen }).upgradingSeen = seen;
    new MutationObserver(() => {
      const status = document.querySelector('.upgrading [role=status]');
      const bar = document.querySelector('.upgrading progress');
      if (!status || !bar) return;
      const shown = { text: status.textContent ?? '', value: bar.getAttribute('value'), max: bar.getAttribute('max') };
      const last = seen[seen.length - 1];
      if (!last || last.text !== shown.text || last.value !== shown.value) seen.push(shown);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** What the page recorded (`recordUpgradingScreen`). */
function upgradingSeen(page: Page): Promise<Seen> {
  return page.evaluate(() => (window as unknown as { upgradingSeen: Seen }).upgradingSeen);
}

/**
 * Checks what the screen showed: first its "getting ready" words with a bar that does not pretend to a
 * value, then counts out of `total` that only go up, in `words`, ending with all of them.
 */
function expectProgressOutOfTotal(seen: Seen, starting: string, words: (counted: number) => string, total: number): void {
  expect(seen[0]).toEqual({ text: starting, value: null, max: null });
  const counts = seen.slice(1);
  expect(counts.length).toBeGreaterThan(0);
  for (const { text, value, max } of counts) {
    expect(text).toBe(words(Number(value)));
    expect(Number(max)).toBe(total);
    // A chunk of the rebuild is 5,000 activities.
    expect(Number(value) % 5000 === 0 || Number(value) === total).toBe(true);
  }
  const values = counts.map((c) => Number(c.value));
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values[values.length - 1]).toBe(total);
}

const DATASET = generateDataset(RECORDS);
const TABLE_ROWS = Object.fromEntries(TABLES.map((table) => [table, DATASET[table] as object[]]));
const ACTIVITIES = DATASET.activities.length;

test('an older database is upgraded with its progress out of the total shown, then its figures are whole', async ({ page }) => {
  await leaveOlderDatabase(page, OLD_VERSION, TABLE_ROWS);
  await recordUpgradingScreen(page);

  await startApp(page, { role: 'Coordinateur·rice' });

  const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
  // "5 000 activités sur 17 760 recomptées pour le tableau de bord", the bar at 5000 of 17760.
  expectProgressOutOfTotal(await upgradingSeen(page), 'Préparation…',
    (counted) => `${number(counted)} activités sur ${number(ACTIVITIES)} recomptées pour le tableau de bord`, ACTIVITIES);

  // The rows rebuilt count every activity the older release stored.
  await openScreen(page, 'Tableau de bord', 'Tableau de bord du territoire');
  const figures = page.getByRole('list', { name: 'Chiffres clés' });
  await expect(figures.getByRole('listitem').filter({ hasText: /activités$/ }).locator('.stat')).toHaveText(number(ACTIVITIES));
});

test('in English, the upgrading screen says the same in English', async ({ page }) => {
  await leaveOlderDatabase(page, OLD_VERSION, TABLE_ROWS);
  // The language chosen last time, which the app reads before its database is open.
  await page.evaluate(() => localStorage.setItem('relais.language', 'en'));
  await recordUpgradingScreen(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Relais' })).toBeVisible();

  const number = (n: number) => new Intl.NumberFormat('en').format(n);
  expectProgressOutOfTotal(await upgradingSeen(page), 'Getting ready…',
    (counted) => `${number(counted)} of ${number(ACTIVITIES)} activities recounted for the dashboard`, ACTIVITIES);
});
