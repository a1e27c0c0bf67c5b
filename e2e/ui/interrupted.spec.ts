/**
 * A window closed in the middle of an import, a restore (the largest save Relais makes), a form's save
 * or an export leaves the database as it was before, or fully after, never in between (issue 12): each
 * is one IndexedDB transaction, and a transaction the page never finished is rolled back by the browser.
 * Closed (or its renderer killed) at several moments of the same work.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { sealBundle } from '../../renderer/src/domain/sync/bundle';
import { createCard } from '../../renderer/src/domain/sync/card';
import { deviceOf, testCard, villageRecord } from '../../renderer/src/testkit/hostileCorpus';
import { testDeviceKeys } from '../../renderer/src/testkit/keys';
import { choosePassphrase, KEYS_PASSPHRASE, openScreen, startApp } from '../support/app';
import { openMoreDetails, saveButton } from '../support/activityForm';
import { chooseFile } from '../support/sync';
import { metaValue, tableDigests } from '../support/database';
import { encodeBackup, makeRecoveryKey } from '../../renderer/src/domain/backup/format';
import { NEWEST_SCHEMA_VERSION } from '../../renderer/src/db/startup';

const VILLAGES = 20_000;

/** A sender's card and a large bundle of villages it signed (shared data: no encryption needed). */
async function senderFiles(): Promise<{ card: Buffer; bundle: Buffer }> {
  const keys = await testDeviceKeys();
  const signed = await testCard(keys, 'Aïcha Benali');
  const { signature: _signature, type: _type, format: _format, deviceId: _deviceId, ...input } = signed;
  const card = await createCard(input, keys.signer);
  const base = Date.parse('2025-03-03T09:00:00.000Z');
  const entries = Array.from({ length: VILLAGES }, (_, i) => ({ kind: 'village' as const, record: villageRecord({}, base + i, deviceOf(keys)) }));
  const { bytes } = await sealBundle({
    app: 'test', bundleId: '0195c72d-c111-7c36-a109-67a1da361f1f', kind: 'full', createdAt: new Date().toISOString(), since: null,
    source: signed, range: { from: 1, to: entries.length }, entries, signer: keys.signer, protection: { type: 'none' },
  });
  return { card: Buffer.from(card), bundle: Buffer.from(bytes) };
}

/** How many villages, and how many bundles in the history, the database holds (raw IndexedDB). */
function countsOf(digests: Record<string, string>): { villages: number; history: number } {
  return { villages: Number(digests.villages.split(':')[0]), history: Number(digests.importHistory.split(':')[0]) };
}

async function interruptImportAfter(browser: Browser, files: { card: Buffer; bundle: Buffer }, delayMs: number): Promise<'before' | 'after'> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await startApp(page);
  await openScreen(page, 'Échanges');
  await chooseFile(page, 'Importer une carte', 'aicha.relaiscard', files.card);
  await page.getByRole('dialog').getByRole('button', { name: /Les empreintes sont identiques/ }).click();
  await chooseFile(page, 'Ouvrir des fichiers d’échange', 'gros.relais', files.bundle);
  const item = page.getByRole('article', { name: 'gros.relais' });
  await expect(item.getByRole('button', { name: 'Importer' })).toBeVisible({ timeout: 60_000 });
  const before = await tableDigests(page);
  await item.getByRole('button', { name: 'Importer' }).click();
  await page.waitForTimeout(delayMs);
  await page.close(); // the window is gone, whatever the import was doing

  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  const now = await tableDigests(reopened);
  await context.close();
  if (JSON.stringify(now) === JSON.stringify(before)) return 'before';
  // Not as before: then the whole import, never a part of it.
  expect(countsOf(now)).toEqual({ villages: VILLAGES, history: 1 });
  return 'after';
}

test('a window closed at any moment of an import: the database is as before, or fully after', async ({ browser }) => {
  test.setTimeout(400_000);
  const files = await senderFiles();
  const outcomes: string[] = [];
  for (const delayMs of [0, 400, 1500, 15_000]) outcomes.push(`${delayMs} ms: ${await interruptImportAfter(browser, files, delayMs)}`);
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join(', ') });
  console.log(`interrupted import: ${outcomes.join(', ')}`);
  // The last one had time to finish: the check above really sees an "after".
  expect(outcomes.at(-1)).toBe('15000 ms: after');
});

const RECOVERY = 'tilleul-barque-prairie-lanterne';

/** A backup of a notebook with many villages, opened by a recovery passphrase (low scrypt cost: a test). */
async function largeBackup(): Promise<Buffer> {
  const keys = await testDeviceKeys();
  const base = Date.parse('2025-03-03T09:00:00.000Z');
  const villages = Array.from({ length: VILLAGES }, (_, i) => villageRecord({ seq: i + 1 }, base + i, deviceOf(keys)));
  const profile = { displayName: 'Aïcha Benali', role: 'mediateur', structure: 'Médiathèque de Lormes' };
  const bytes = await encodeBackup(
    { schemaVersion: NEWEST_SCHEMA_VERSION, tables: { villages, meta: [{ key: 'profile', value: profile }, { key: 'seq', value: VILLAGES }] } },
    { app: 'test', createdAt: new Date().toISOString(), recipients: [], recovery: await makeRecoveryKey(RECOVERY, 10) },
  );
  return Buffer.from(bytes);
}

async function interruptRestoreAfter(browser: Browser, backup: Buffer, delayMs: number): Promise<'before' | 'after'> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await startApp(page);
  await page.goto('/#/settings');
  const section = page.getByRole('region', { name: 'Sauvegardes' });
  await chooseFile(page, 'Choisir un fichier de sauvegarde', 'sauvegarde.relaisbackup', backup);
  await section.getByLabel(/^Phrase secrète de récupération/).fill(RECOVERY);
  const before = await tableDigests(page);
  await section.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await page.waitForTimeout(delayMs);
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto('/');
  // Before: the app as it was; after: the restored notebook asks for a passphrase for its new keys.
  await expect(reopened.getByRole('navigation', { name: 'Navigation principale' })
    .or(reopened.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' }))).toBeVisible();
  const now = await tableDigests(reopened);
  await context.close();
  if (JSON.stringify(now) === JSON.stringify(before)) return 'before';
  expect({ villages: Number(now.villages.split(':')[0]), secrets: Number(now.secrets.split(':')[0]) }).toEqual({ villages: VILLAGES, secrets: 0 });
  return 'after';
}

test('a window closed at any moment of a restore: the database is as before, or fully after', async ({ browser }) => {
  test.setTimeout(400_000);
  const backup = await largeBackup();
  const outcomes: string[] = [];
  for (const delayMs of [0, 300, 1200, 15_000]) outcomes.push(`${delayMs} ms: ${await interruptRestoreAfter(browser, backup, delayMs)}`);
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join(', ') });
  console.log(`interrupted restore: ${outcomes.join(', ')}`);
  expect(outcomes.at(-1)).toBe('15000 ms: after');
});

type Kill = 'close' | 'crash';

/** The window goes away: closed, or its renderer killed (as a crash or the OS would), whatever it was doing. */
async function kill(context: BrowserContext, page: Page, how: Kill): Promise<void> {
  if (how === 'close') return page.close();
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined); // never answers: the renderer is gone
  await page.waitForEvent('crash');
}

async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })
    .or(page.getByRole('heading', { name: 'Déverrouiller les clés de cet ordinateur' }))
    .or(page.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' }))).toBeVisible();
  return page;
}

const count = (digest: string | undefined) => Number((digest ?? '0:').split(':')[0]);

/** A workshop with many fields, typed but not saved yet (its draft is on disk). */
async function typeWorkshop(page: Page): Promise<void> {
  await openScreen(page, 'Activités');
  await page.getByRole('link', { name: 'Nouvel atelier' }).click();
  await page.getByRole('radio', { name: '90 min' }).check();
  await page.getByRole('radio', { name: 'À distance' }).check();
  await page.getByRole('checkbox', { name: 'Prévention en sécurité numérique' }).check();
  await page.getByLabel('Titre de l’atelier').fill('Sécuriser son téléphone');
  await page.getByRole('radio', { name: 'Débutant' }).check();
  await page.getByLabel('Nombre total de participants anonymes').fill('8');
  await page.getByLabel('Dont déjà accompagné·es').fill('3');
  await openMoreDetails(page);
  const genres = page.getByRole('group', { name: 'Répartition par genre' });
  await genres.getByLabel('Féminin').fill('5');
  await genres.getByLabel('Masculin').fill('3');
  await page.getByRole('group', { name: 'Répartition par tranche d’âge' }).getByLabel('70 ans et plus').fill('6');
  await page.getByLabel('Étiquettes').fill('seniors, téléphone');
  await expect.poll(async () => count((await tableDigests(page, ['drafts'])).drafts)).toBeGreaterThan(0);
}

async function interruptSaveAfter(browser: Browser, delayMs: number, how: Kill): Promise<'before' | 'after'> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await startApp(page);
  await typeWorkshop(page);
  const before = await tableDigests(page);
  await saveButton(page).click();
  await page.waitForTimeout(delayMs);
  await kill(context, page, how);
  const now = await tableDigests(await reopen(context));
  await context.close();
  if (JSON.stringify(now) === JSON.stringify(before)) return 'before';
  // Not as before: then the whole save: the activity, its counts, its change, its draft gone, together.
  expect({
    activities: count(now.activities) - count(before.activities),
    ownChanges: count(now.ownChanges) - count(before.ownChanges),
    drafts: count(now.drafts) - count(before.drafts),
    stats: now.activityStats !== before.activityStats,
  }).toEqual({ activities: 1, ownChanges: 1, drafts: -1, stats: true });
  return 'after';
}

test("a window closed or killed at any moment of a form's save: the database is as before, or fully after", async ({ browser }) => {
  test.setTimeout(300_000);
  const outcomes: string[] = [];
  const trials: Array<[number, Kill]> = [[0, 'crash'], [10, 'close'], [30, 'crash'], [3000, 'close']];
  for (const [delayMs, how] of trials) outcomes.push(`${delayMs} ms ${how}: ${await interruptSaveAfter(browser, delayMs, how)}`);
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join(', ') });
  console.log(`interrupted save: ${outcomes.join(', ')}`);
  expect(outcomes.at(-1)).toBe('3000 ms close: after');
});

/** A notebook of many villages, never exported: restored from a backup, its new keys protected. */
async function notebookToExport(page: Page): Promise<void> {
  await startApp(page);
  await page.goto('/#/settings');
  const section = page.getByRole('region', { name: 'Sauvegardes' });
  await chooseFile(page, 'Choisir un fichier de sauvegarde', 'sauvegarde.relaisbackup', await largeBackup());
  await section.getByLabel(/^Phrase secrète de récupération/).fill(RECOVERY);
  await section.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(page.getByRole('heading', { name: 'Protégez les clés de cet ordinateur' })).toBeVisible({ timeout: 60_000 });
  await choosePassphrase(page, 'Phrase de passe de cet ordinateur', KEYS_PASSPHRASE);
  await page.getByRole('button', { name: 'Protéger mes clés' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
}

async function interruptExportAfter(browser: Browser, delayMs: number, how: Kill): Promise<'before' | 'after'> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true });
  const page = await context.newPage();
  await notebookToExport(page);
  await openScreen(page, 'Échanges');
  await page.getByRole('radio', { name: 'Avec une phrase de passe' }).check();
  await page.getByLabel('Phrase de passe', { exact: true }).fill('le bus de Lormes passe à midi');
  await expect(page.getByText(`${new Intl.NumberFormat('fr-FR').format(VILLAGES)} fiches dans ce fichier.`)).toBeVisible();
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  const before = await tableDigests(page);
  await page.getByRole('button', { name: 'Exporter le fichier' }).click();
  await page.waitForTimeout(delayMs);
  await kill(context, page, how);
  const reopened = await reopen(context);
  const now = await tableDigests(reopened);
  const mark = await metaValue(reopened, 'exportMark') as { seq: number } | undefined;
  await context.close();
  // The records never change by an export; only the marks may move.
  const { meta: metaBefore, ...restBefore } = before;
  const { meta: metaNow, ...restNow } = now;
  expect(restNow).toEqual(restBefore);
  if (metaNow === metaBefore) return 'before';
  if (mark === undefined) return 'before'; // sealing marks only: still nothing counted as exported
  // The "not exported" count moved: only because the file was handed over whole, and for all it holds.
  expect({ downloaded, seq: mark.seq }).toEqual({ downloaded: true, seq: VILLAGES });
  return 'after';
}

test('a window closed or killed at any moment of an export: the marks move only once the file is written', async ({ browser }) => {
  test.setTimeout(600_000);
  const outcomes: string[] = [];
  const trials: Array<[number, Kill]> = [[300, 'crash'], [1500, 'close'], [20_000, 'crash']];
  for (const [delayMs, how] of trials) outcomes.push(`${delayMs} ms ${how}: ${await interruptExportAfter(browser, delayMs, how)}`);
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join(', ') });
  console.log(`interrupted export: ${outcomes.join(', ')}`);
  expect(outcomes.at(-1)).toBe('20000 ms crash: after');
});
