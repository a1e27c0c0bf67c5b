/**
 * "Open read-only" from the recovery screen (issue 12): a database a newer Relais upgraded opens in the
 * app itself, read-only. The lists show the records, a banner says why and how to work again, nothing
 * offers to write, and after browsing the database is exactly as it was (native version and every row).
 * Every kind of write is refused by the database layer itself in Node (renderer/src/db/readOnly.test.ts);
 * here the screens hide what would write, and the addresses of forms get a refusal in words.
 */
import { expect, test, type Page } from '@playwright/test';
import { navLink, openApp, startApp } from '../support/app';
import { tableDigests } from '../support/database';
import { expectNone, seriousViolations } from '../support/axe';

/** The native IndexedDB version of the `relais` database. */
function nativeVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'relais')?.version);
}

/**
 * What a newer release does to the database: one version up, a table of its own, and (`dropped`) a table
 * it no longer needs. Run on a page of our origin that does not start the app, so nothing holds it open.
 */
async function upgradeAsANewerRelease(page: Page, dropped?: string): Promise<void> {
  await page.goto('/icon.svg');
  await page.evaluate(async (dropped) => {
    const current = (await indexedDB.databases()).find((d) => d.name === 'relais')?.version ?? 0;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('relais', current + 10);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('futureThings', { keyPath: 'id' }).put({ id: 'one' });
        if (dropped) request.result.deleteObjectStore(dropped);
      };
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
  }, dropped);
}

/** A laptop with the demo data, its activity count as the list says it. */
async function laptopWithDemoData(page: Page): Promise<string> {
  await startApp(page);
  await openApp(page, '/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText('Données de démonstration chargées')).toBeVisible();
  // A followed person (the demo data has none), so the read-only mode can be checked on one.
  await navLink(page, 'Personnes suivies').click();
  await page.getByRole('link', { name: 'Nouvelle personne suivie' }).click();
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('link', { name: /B-0001/ })).toBeVisible();
  await navLink(page, 'Activités').click();
  const count = page.getByRole('status').filter({ hasText: /^\d+ activités$/ });
  await expect(count).toBeVisible();
  return (await count.textContent()) ?? '';
}

async function openReadOnlyFromRecovery(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Relais ne peut pas ouvrir vos données' })).toBeVisible();
  await page.getByRole('button', { name: 'Consulter sans modifier' }).click();
  await expect(page.getByRole('heading', { name: 'Lecture seule' })).toBeVisible();
}

test('a newer database opens read-only: the records show, a banner says why, nothing writes, nothing changes on disk', async ({ page }) => {
  test.setTimeout(120_000); // a laptop's data, then a walk through most screens
  const activities = await laptopWithDemoData(page);
  await upgradeAsANewerRelease(page);
  const version = await nativeVersion(page);
  const before = await tableDigests(page);
  expect(Object.keys(before)).toContain('futureThings');

  await openReadOnlyFromRecovery(page);
  expectNone(await seriousViolations(page, 'read-only home'));
  const banner = page.getByRole('region', { name: 'Lecture seule' });
  await expect(banner).toContainText('enregistrées par une version plus récente de Relais');
  await expect(banner).toContainText('installez la dernière version de Relais');

  // The activities list shows every record, and offers neither "new" nor "delete".
  await navLink(page, 'Activités').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: activities })).toBeVisible();
  await expect(banner).toBeVisible(); // it stays on every page
  await expect(page.getByRole('link', { name: /Nouvel accompagnement/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Nouvel atelier/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Supprimer/ })).toHaveCount(0);

  // An activity opens as its details, with the read-only notice, not as a form.
  await page.locator('.row-link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activité (lecture seule)' })).toBeVisible();
  await expect(page.getByText('cette fiche peut être consultée, pas modifiée')).toBeVisible();
  await expect(page.getByRole('button', { name: /Enregistrer/ })).toHaveCount(0);

  // Forcing a write: the keyboard shortcut and the address of the form both get the refusal, in words.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { level: 1, name: 'Indisponible en lecture seule' })).toBeVisible();
  await expect(page.getByText('En lecture seule, rien ne peut être changé.')).toBeVisible();
  expectNone(await seriousViolations(page, 'read-only refusal'));
  await openApp(page, '/activities/new?type=collectif');
  await expect(page.getByRole('heading', { level: 1, name: 'Indisponible en lecture seule' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Enregistrer/ })).toHaveCount(0);
  await openApp(page, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Indisponible en lecture seule' })).toBeVisible();

  // The workshops offer no new series, no new template and no action on a template's card (each would
  // write: a starter is copied into the database before use); a followed person offers no erasure.
  await navLink(page, 'Ateliers').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ateliers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouvelle série' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Modèles d’ateliers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modèles d’ateliers' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible(); // the starters are listed
  await expect(page.getByRole('link', { name: 'Nouveau modèle' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Créer une série/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dupliquer' })).toHaveCount(0);
  await navLink(page, 'Personnes suivies').click();
  await page.getByRole('link', { name: /B-0001/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personne suivie (lecture seule)' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Féminin' })).toBeVisible(); // its facts, not its form
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Effacer définitivement' })).toHaveCount(0);

  // The dashboard and the exports read.
  await navLink(page, 'Tableau de bord').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord du territoire' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cette page ne peut pas s’afficher' })).toHaveCount(0);
  await navLink(page, 'Exports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  await page.getByRole('radio', { name: /^CSV/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^relais-cra-.*\.csv$/);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);

  // Closed: the database is at the same version, every row of every table the same.
  await page.goto('/icon.svg');
  expect(await nativeVersion(page)).toBe(version);
  expect(await tableDigests(page)).toEqual(before);
});

test('a page whose reads throw shows a plain error panel with "copy diagnostics" and the way home', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await laptopWithDemoData(page);
  // A newer release dropped the dashboard's table: the dashboard's read throws on this database.
  await upgradeAsANewerRelease(page, 'activityStats');
  await openReadOnlyFromRecovery(page);

  await navLink(page, 'Tableau de bord').click();
  const panel = page.getByRole('alert');
  await expect(page.getByRole('heading', { level: 1, name: 'Cette page ne peut pas s’afficher' })).toBeVisible();
  await expect(panel).toContainText('Rien n’a été modifié ni perdu.');
  expectNone(await seriousViolations(page, 'page error panel'));
  await page.getByRole('button', { name: 'Copier le diagnostic' }).click();
  await expect(page.getByText('Diagnostic copié')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Relais');
  await expect(page.getByRole('heading', { name: 'Lecture seule' })).toBeVisible(); // the shell stays

  // Another page works, and coming back home clears the panel.
  await navLink(page, 'Activités').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await navLink(page, 'Tableau de bord').click();
  await page.getByRole('link', { name: 'Revenir à l’accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cette page ne peut pas s’afficher' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
});

test('a record the code cannot read: its page shows the error panel, not a blank window, and the rest works', async ({ page }) => {
  await laptopWithDemoData(page);
  // A damaged activity, as a bug or a broken disk would leave it: its themes are gone.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('relais');
    request.onsuccess = () => {
      const store = request.result.transaction('activities', 'readwrite').objectStore('activities');
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const damaged = { ...cursor.result?.value };
        delete damaged.thematiques;
        const put = store.put(damaged);
        put.onsuccess = () => { request.result.close(); resolve(); };
        put.onerror = () => reject(put.error);
      };
    };
    request.onerror = () => reject(request.error);
  }));
  await page.reload();
  await navLink(page, 'Activités').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cette page ne peut pas s’afficher' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Rien n’a été modifié ni perdu.');
  await page.getByText('Détail technique').click();
  await expect(page.getByText(/TypeError/)).toBeVisible();

  await navLink(page, 'Villages').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Villages' })).toBeVisible();
  await navLink(page, 'Activités').click();
  await page.getByRole('link', { name: 'Revenir à l’accueil' }).click();
  // Home (which may list the damaged activity too, and then shows the same panel).
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('another window holding the data: "look without changing" says to close it, and nothing waits forever', async ({ page, context }) => {
  const holder = await context.newPage();
  await holder.goto('/icon.svg');
  await holder.evaluate(() => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('relais', 10); // an older release's empty database, never letting go
    request.onsuccess = () => { (window as unknown as { held: IDBDatabase }).held = request.result; resolve(); };
    request.onerror = () => reject(request.error);
  }));
  await page.goto('/');
  await expect(page.getByText('Une autre fenêtre ou un autre onglet de Relais utilise encore ces données.')).toBeVisible();
  await page.getByRole('button', { name: 'Consulter sans modifier' }).click();
  await expect(page.getByRole('alert')).toHaveText('Une autre fenêtre de Relais retient ces données. Fermez-la, puis cliquez sur « Réessayer ».');
  await holder.close();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Relais' })).toBeVisible();
});
