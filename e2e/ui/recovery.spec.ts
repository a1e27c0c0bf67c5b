/**
 * Start-up never shows a blank window (issue 12): a database at a newer schema version, one another tab
 * holds, and storage that cannot be opened each give the recovery screen, in plain words, with what can
 * still be done; an older database says it is being updated while it is.
 */
import { expect, test, type Page } from '@playwright/test';
import { choosePassphrase } from '../support/app';

const PASSPHRASE = 'lanterne-cirque-poivre-falaise';

/** A page of our origin that does not start the app: the database can be prepared behind its back. */
async function onOriginWithoutApp(page: Page): Promise<void> {
  await page.goto('/icon.svg');
}

/** Makes the `relais` database at a native IndexedDB version, with one row, as another release would. */
async function makeDatabase(page: Page, nativeVersion: number, keepOpen: boolean, withRows = true): Promise<void> {
  await page.evaluate(({ nativeVersion, keepOpen, withRows }) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('relais', nativeVersion);
    request.onupgradeneeded = () => {
      if (!withRows) return;
      request.result.createObjectStore('meta', { keyPath: 'key' }).put({ key: 'profile', value: { displayName: 'Aïcha' } });
      request.result.createObjectStore('villages', { keyPath: 'id' }).put({ id: 'v1' });
    };
    request.onsuccess = () => {
      if (keepOpen) (window as unknown as { held: IDBDatabase }).held = request.result; // and no versionchange handler: it never lets go
      else request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  }), { nativeVersion, keepOpen, withRows });
}

test('a database saved by a newer Relais: the recovery screen and an encrypted export (read-only: read-only.spec.ts)', async ({ page }) => {
  await onOriginWithoutApp(page);
  await makeDatabase(page, 99_990, false);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Relais ne peut pas ouvrir vos données' })).toBeVisible();
  await expect(page.getByText('Ces données ont été enregistrées par une version plus récente de Relais.')).toBeVisible();

  await page.getByRole('button', { name: 'Enregistrer ce qui peut être lu' }).click();
  const form = page.getByRole('form', { name: 'Enregistrer ce qui peut être lu' });
  await choosePassphrase(form, 'Phrase secrète', PASSPHRASE);
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Enregistrer le fichier' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^relais-sauvegarde-.*\.relaisbackup$/);
  const bytes = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(bytes).toString('latin1');
  expect(text.startsWith('RELAIS-BACKUP 1\n')).toBe(true);
  expect(text).toContain('"villages":1');
  expect(text).not.toContain('Aïcha'); // the data is encrypted; only counts are in clear

  // Nothing was changed: the database is still at the newer version.
  const version = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'relais')?.version);
  expect(version).toBe(99_990);
});

test('a database another tab holds: the recovery screen says so, and "Try again" opens once it is closed', async ({ page, context }) => {
  const holder = await context.newPage();
  await onOriginWithoutApp(holder);
  await makeDatabase(holder, 10, true, false); // an empty database of a first release, left open
  await page.goto('/');
  // An older database is upgraded as it opens (minutes at a region's scale): said at once, not a blank window.
  await expect(page.getByRole('heading', { name: 'Mise à jour de vos données' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Préparation…');
  await expect(page.getByText('Une autre fenêtre ou un autre onglet de Relais utilise encore ces données.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restaurer une sauvegarde' })).toBeDisabled();
  await holder.close();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
});

test('storage that cannot be opened: the recovery screen, in English too, and nothing readable is said plainly', async ({ page }) => {
  // What Chromium answers when its IndexedDB files are damaged.
  await page.addInitScript(() => {
    const failing = (): IDBOpenDBRequest => {
      const request = new EventTarget() as IDBOpenDBRequest & { error: DOMException };
      Object.defineProperty(request, 'error', { value: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError') });
      setTimeout(() => {
        const event = new Event('error', { cancelable: true });
        request.dispatchEvent(event);
        (request as unknown as { onerror?: (e: Event) => void }).onerror?.(event);
      }, 0);
      return request;
    };
    Object.defineProperty(IDBFactory.prototype, 'open', { value: failing });
  });
  await page.goto('/');
  await expect(page.getByText('Le stockage de cet ordinateur n’a pas pu être ouvert.')).toBeVisible();
  await page.getByRole('button', { name: 'Consulter sans modifier' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ces données ne peuvent pas être lues du tout.');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Relais cannot open your data' })).toBeVisible();
  await expect(page.getByText('This computer’s storage could not be opened.')).toBeVisible();
});
