/**
 * A window closed in the middle of an import, or of a restore (the largest save Relais makes), leaves
 * the database as it was before, or fully after, never in between (issue 12): each is one IndexedDB
 * transaction, and a transaction the page never finished is rolled back by the browser. Closed at
 * several moments of the same work.
 */
import { expect, test, type Browser } from '@playwright/test';
import { sealBundle } from '../../renderer/src/domain/sync/bundle';
import { createCard } from '../../renderer/src/domain/sync/card';
import { deviceOf, testCard, villageRecord } from '../../renderer/src/testkit/hostileCorpus';
import { testDeviceKeys } from '../../renderer/src/testkit/keys';
import { openScreen, startApp } from '../support/app';
import { chooseFile } from '../support/sync';
import { tableDigests } from '../support/database';
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
