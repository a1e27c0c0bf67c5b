/**
 * A window closed in the middle of an import leaves the database as it was before, or fully after,
 * never in between (issue 12): the import is one IndexedDB transaction, and a transaction the page
 * never finished is rolled back by the browser. Closed at several moments of the same import.
 */
import { expect, test, type Browser } from '@playwright/test';
import { sealBundle } from '../../renderer/src/domain/sync/bundle';
import { createCard } from '../../renderer/src/domain/sync/card';
import { deviceOf, testCard, villageRecord } from '../../renderer/src/testkit/hostileCorpus';
import { testDeviceKeys } from '../../renderer/src/testkit/keys';
import { openScreen, startApp } from '../support/app';
import { chooseFile } from '../support/sync';
import { tableDigests } from '../support/database';

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
