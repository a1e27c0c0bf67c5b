/**
 * Automatic backups in the real shell (issue 12; skipped, visibly, where the Electron binary is absent):
 * closing the window after a change writes an encrypted backup into <userData>/backups, Settings lists
 * it, and restoring it on a fresh notebook with the recovery passphrase gives the same records.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { completeFirstRun, launchRelais, skipWithoutElectron } from '../support/electron';
import { choosePassphrase } from '../support/app';
import { RECORD_TABLES, tableDigests } from '../support/database';

skipWithoutElectron('backups.spec.ts');

const RECOVERY = 'tilleul-barque-prairie-lanterne';

test('closing the window after a change leaves an encrypted backup, listed in Settings, that restores elsewhere', async () => {
  test.setTimeout(180_000);
  const first = await launchRelais();
  const { page, userData } = first;
  await completeFirstRun(page);
  await page.evaluate(() => { window.location.hash = '#/settings'; });
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  const section = page.getByRole('region', { name: 'Sauvegardes' });
  await section.getByRole('button', { name: 'Définir la phrase secrète de récupération' }).click();
  await choosePassphrase(section, 'Phrase secrète de récupération', RECOVERY);
  await section.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const before = await tableDigests(page, RECORD_TABLES);

  // Close: main holds the close until the page has written its backup.
  await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await first.app.waitForEvent('close', { timeout: 30_000 }).catch(() => undefined);
  const files = readdirSync(join(userData, 'backups')).filter((name) => name.endsWith('.relaisbackup'));
  expect(files).toHaveLength(1);
  const bytes = readFileSync(join(userData, 'backups', files[0]));
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('RELAIS-BACKUP 1');
  expect(bytes.includes(Buffer.from('Lormes'))).toBe(false); // encrypted

  // Another laptop: restore with the recovery passphrase.
  const second = await launchRelais();
  await completeFirstRun(second.page, 'Bérénice Martin');
  await second.page.evaluate(() => { window.location.hash = '#/settings'; });
  const restore = second.page.getByRole('region', { name: 'Sauvegardes' });
  // The open dialog answers with the backup, as a person choosing it would.
  await second.app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
  }, join(userData, 'backups', files[0]));
  await restore.getByRole('button', { name: 'Choisir un fichier de sauvegarde' }).click();
  const form = restore.getByRole('group', { name: /Restaurer la sauvegarde/ });
  await form.getByLabel(/^Phrase secrète de récupération/).fill(RECOVERY);
  await form.getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await second.page.getByRole('dialog').getByRole('button', { name: 'Restaurer et remplacer' }).click();
  await expect(second.page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible({ timeout: 30_000 });
  expect(await tableDigests(second.page, RECORD_TABLES)).toEqual(before);
  await second.close();
  rmSync(userData, { recursive: true, force: true });
});
