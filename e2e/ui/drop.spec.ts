/**
 * A file dropped anywhere on the window goes to the exchange screen (bundles to the import, cards to the
 * cards), and never makes the page navigate away to the file (which would leave the app).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startApp } from '../support/app';

test('a file dropped on the home screen opens in the import of the exchange screen', async ({ page }) => {
  await startApp(page);
  await expect(page.getByRole('heading', { level: 1, name: /Bonjour/ })).toBeVisible();
  const navigated = await page.evaluate(async () => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], 'pas-un-echange.relais'));
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(drop);
    return { overHandled: over.defaultPrevented, dropHandled: drop.defaultPrevented };
  });
  // The browser's default (open the file in place of the app) was prevented.
  expect(navigated).toEqual({ overHandled: true, dropHandled: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'pas-un-echange.relais' }).getByRole('alert'))
    .toHaveText('Ce fichier n’est pas un fichier d’échange Relais.');
});

test('a card dropped on another screen goes to the cards of the exchange screen', async ({ browser, page }) => {
  // Bérénice, a coordinator on another laptop, hands out her card.
  const coordinator = await (await browser.newContext()).newPage();
  await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
  await coordinator.goto('/#/sync');
  const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Exporter ma carte' }).click()]);
  const card = [...(await readFile(await download.path()))];

  await startApp(page);
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'carte-berenice.relaiscard'));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, card);
  await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
  // A card is enrolled only once its fingerprint is compared and confirmed.
  const dialog = page.getByRole('dialog', { name: 'Inscrire Bérénice Martin\u202f?' });
  await dialog.getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Appareils inscrits' }).getByText('Bérénice Martin')).toBeVisible();
  // Not mistaken for a bundle: the import panel has nothing to say about it.
  await expect(page.getByRole('article', { name: 'carte-berenice.relaiscard' })).toHaveCount(0);
});
