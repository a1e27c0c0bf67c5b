/**
 * Trust between laptops (issue 9), each a browser context with its own database: a coordinator enrols
 * a mediator by fingerprint; a bundle from the mediator's new laptop (a changed key) is held, shows both
 * fingerprints, and imports only once that key is enrolled in a separate, deliberate step; an erasure of
 * the mediator's followed person, sent by the coordinator, asks the mediator for a decision.
 */
import { expect, test, type Page } from '@playwright/test';
import { navLink, openScreen, startApp } from '../support/app';
import { enrolCard, exportBundle, exportMyCard, fingerprintIn, myFingerprint, openBundleFile } from '../support/sync';

const PASSPHRASE = 'le bus de Lormes passe à midi';

/** A followed person on this laptop (the next code, or `code`). */
async function followSomeone(page: Page, code?: string): Promise<void> {
  await navLink(page, 'Personnes suivies').click();
  await page.getByRole('link', { name: 'Nouvelle personne suivie' }).click();
  if (code) await page.getByLabel('Code').fill(code);
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Tranche d’âge').selectOption({ label: '70 ans et plus' });
  await page.getByLabel('Statut').selectOption({ label: 'Retraité·e' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('link', { name: new RegExp(code ?? 'B-0001') })).toBeVisible();
}

/** Export every change of this laptop, protected by the shared passphrase. */
async function exportWithPassphrase(page: Page): Promise<Buffer> {
  await openScreen(page, 'Échanges');
  await page.getByRole('radio', { name: 'Avec une phrase de passe' }).check();
  await page.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
  return exportBundle(page);
}

async function unlock(item: ReturnType<Page['getByRole']>): Promise<void> {
  await item.getByLabel('Phrase de passe de ce fichier').fill(PASSPHRASE);
  await item.getByRole('button', { name: 'Ouvrir' }).click();
}

test('enrol by fingerprint; a changed key is held, then enrolled; an erasure of someone else\'s record asks for a decision', async ({ browser }) => {
  test.setTimeout(240_000);
  const coordinator = await (await browser.newContext()).newPage();
  const mediator = await (await browser.newContext()).newPage();
  await startApp(coordinator, { name: 'Bérénice Martin', role: 'Coordinateur·rice', structure: 'Département de la Nièvre' });
  await startApp(mediator);

  // 1. Enrol by fingerprint, both ways (the helper compares the dialog with the owner's Settings).
  await enrolCard(coordinator, await exportMyCard(mediator), 'Aïcha Benali', mediator);
  await enrolCard(mediator, await exportMyCard(coordinator), 'Bérénice Martin', coordinator);
  const aichaPrint = await myFingerprint(mediator);

  // Aïcha follows someone and sends it; Bérénice imports it.
  await followSomeone(mediator);
  const first = await openBundleFile(coordinator, 'aicha-1.relais', await exportWithPassphrase(mediator));
  await unlock(first);
  await expect(first.getByText('Inscrit ici — signature valide.')).toBeVisible({ timeout: 30_000 });
  await first.getByRole('button', { name: 'Importer' }).click();
  await expect(first.getByText(/Import terminé\s:\s1 nouvelle/)).toBeVisible();

  // 2. Aïcha's new laptop (a new key) sends a file: held, both fingerprints shown, no import button.
  const newLaptop = await (await browser.newContext()).newPage();
  await startApp(newLaptop);
  await followSomeone(newLaptop, 'B-0101');
  const newPrint = await myFingerprint(newLaptop);
  expect(newPrint).not.toBe(aichaPrint);
  const held = await openBundleFile(coordinator, 'aicha-nouveau.relais', await exportWithPassphrase(newLaptop));
  await unlock(held);
  await expect(held.getByText('Fichier retenu\u202f: il n’est pas importé.')).toBeVisible({ timeout: 30_000 });
  await expect(held.getByText(/^Non inscrit ici/)).toBeVisible();
  expect(await fingerprintIn(held)).toBe(newPrint);
  await expect(held.getByText(`Aïcha Benali est déjà inscrit·e avec une autre clé (empreinte ${aichaPrint})`, { exact: false })).toBeVisible();
  await expect(held.getByRole('button', { name: 'Importer' })).toHaveCount(0);
  // Enrolling is a separate step, with the fingerprint to compare.
  await held.getByRole('button', { name: 'Inscrire cet appareil…' }).click();
  const dialog = coordinator.getByRole('dialog', { name: 'Inscrire Aïcha Benali\u202f?' });
  expect(await fingerprintIn(dialog)).toBe(newPrint);
  await expect(dialog.getByRole('alert')).toContainText(aichaPrint);
  await dialog.getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await expect(held.getByText('Inscrit ici — signature valide.')).toBeVisible();
  await held.getByRole('button', { name: 'Importer' }).click();
  await expect(held.getByText(/Import terminé\s:\s1 nouvelle/)).toBeVisible();

  // 3. Bérénice erases the person Aïcha follows (the right to be forgotten) and sends her changes.
  await navLink(coordinator, 'Personnes suivies').click();
  await coordinator.getByRole('link', { name: /B-0001/ }).click();
  await expect(coordinator.getByText('Cette fiche a été écrite sur un autre ordinateur\u202f: seul son auteur peut la modifier ou la supprimer.')).toBeVisible();
  await coordinator.getByRole('button', { name: 'Effacer définitivement' }).click();
  await coordinator.getByRole('dialog').getByRole('button', { name: 'Oui, effacer définitivement' }).click();
  const erasure = await openBundleFile(mediator, 'berenice.relais', await exportWithPassphrase(coordinator));
  await unlock(erasure);
  // Shown apart, with whose record it is; nothing imports before a choice.
  const review = erasure.getByRole('group', { name: 'À décider\u202f: effacements et suppressions de fiches écrites ailleurs' });
  await expect(review.getByRole('group', { name: 'Effacer définitivement 1 personne suivie (auteur\u202f: cet ordinateur)' })).toBeVisible({ timeout: 30_000 });
  await expect(erasure.getByRole('button', { name: 'Importer' })).toBeDisabled();
  await review.getByRole('radio', { name: 'Ne pas appliquer' }).check();
  await erasure.getByRole('button', { name: 'Importer' }).click();
  await expect(erasure.getByText(/1 effacement ou suppression non appliqué/)).toBeVisible();
  await navLink(mediator, 'Personnes suivies').click();
  await expect(mediator.getByRole('link', { name: /B-0001/ })).toBeVisible();
  // The held erasure waits, saying what it does; applying it later is one more deliberate click.
  await openScreen(mediator, 'Échanges');
  const waiting = mediator.getByRole('list', { name: 'Fiches en attente' });
  await expect(waiting.getByText('Effacement définitif — Personne suivie')).toBeVisible();
  await waiting.getByRole('button', { name: 'Appliquer' }).click();
  await navLink(mediator, 'Personnes suivies').click();
  await expect(mediator.getByRole('link', { name: /B-0001/ })).toHaveCount(0);
});
