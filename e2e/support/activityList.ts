/**
 * The activity list in its paged mode (issue 10, above the in-memory ceiling), for its spec: one
 * mediator's laptop generated in Node with the project's own code (repositories, card, bundle export)
 * on fake-indexeddb, logging `count` activities; the page model of the list's paged parts; and how the
 * ceiling is lowered for a test (the documented tuning value, features/activities/listLimit.ts).
 */
import 'fake-indexeddb/auto';
import { expect, type Locator, type Page } from '@playwright/test';
import { closeTestDatabases, openTestRelais } from '../../renderer/src/testkit/sync';
import { exportBundle, exportMyCard } from '../../renderer/src/db/sync';
import type { Activity, CommuneRef } from '../../renderer/src/domain/records';
import { openScreen } from './app';
import { chooseFile } from './sync';

export const MEDIATOR = { name: 'Bruno Petit', structure: 'Tiers-lieu d’Arvieu' } as const;
const PASSPHRASE = 'liste-de-la-region-2026';
const ARVIEU = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };

export interface LoggedActivities {
  bundle: Buffer;
  card: Buffer;
  /**
   * The next changes of the same laptop, after the bundle: the newest activity edited (its thématique
   * now `sante`), their number unchanged. Unencrypted: no followed person in it, as the outbox may send.
   */
  update: Buffer;
  /** Every activity logged, newest first (date, then id, both descending: the list's order). */
  newestFirst: Array<{ id: string; date: string; type: Activity['type'] }>;
}

/** Activity `i`: two a day from 2025-01-01 (ties on every date), every other one a workshop; in Arvieu, or in `communes` in turn. */
function activityNumber(i: number, communes: readonly CommuneRef[] = [ARVIEU]): Activity {
  const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
  const base = {
    date: day, duree: 45, typeLieu: 'domicile' as const, commune: communes[i % communes.length], thematiques: ['email' as const], thematiquesDemarche: [],
    materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: { nom: MEDIATOR.structure },
  };
  return i % 2 === 0
    ? { ...base, type: 'collectif', titreAtelier: `Atelier ${i}`, participantsAnonymes: { total: 3, dejaAccompagne: 0, genres: {}, tranchesAge: {}, statutsSociaux: {} } }
    : { ...base, type: 'individuel' };
}

export async function logActivities(count: number, communes?: readonly CommuneRef[]): Promise<LoggedActivities> {
  try {
    const laptop = openTestRelais('list-mediator');
    const logged: LoggedActivities['newestFirst'] = [];
    const written = new Map<string, Activity>();
    for (let i = 0; i < count; i++) {
      const activity = activityNumber(i, communes);
      const { id } = await laptop.activities.create(activity);
      written.set(id, activity);
      logged.push({ id, date: activity.date, type: activity.type });
    }
    const prepared = await exportBundle(laptop.db, {
      kind: 'changes', protection: { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 1 }, author: { ...MEDIATOR }, app: 'e2e',
    });
    await prepared.commit();
    const card = await exportMyCard(laptop.db, { ...MEDIATOR, role: 'mediateur' });
    logged.sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
    const newest = logged[0];
    await laptop.activities.update(newest.id, { ...written.get(newest.id)!, thematiques: ['sante'] });
    const update = await exportBundle(laptop.db, { kind: 'changes', protection: { type: 'none' }, author: { ...MEDIATOR }, app: 'e2e' });
    await update.commit();
    return { bundle: Buffer.from(prepared.bytes), card: Buffer.from(card), update: Buffer.from(update.bytes), newestFirst: logged };
  } finally {
    await closeTestDatabases();
  }
}

/** The coordinator enrols the mediator's card and imports her bundle from the exchange screen. */
export async function importMediatorWork(page: Page, work: LoggedActivities): Promise<void> {
  await openScreen(page, 'Échanges');
  await chooseFile(page, 'Importer une carte', 'carte.relaiscard', work.card);
  await page.getByRole('dialog', { name: `Inscrire ${MEDIATOR.name}\u202f?` })
    .getByRole('button', { name: 'Les empreintes sont identiques\u202f: inscrire' }).click();
  await expect(page.getByRole('list', { name: 'Appareils inscrits' }).getByText(MEDIATOR.name)).toBeVisible();
  await chooseFile(page, 'Ouvrir des fichiers d’échange', 'bruno.relais', work.bundle);
  const item = page.getByRole('article', { name: 'bruno.relais' });
  await item.getByLabel('Phrase de passe de ce fichier').fill(PASSPHRASE);
  await item.getByRole('button', { name: 'Ouvrir' }).click();
  await item.getByRole('button', { name: 'Importer' }).click();
  await expect(item.getByText(/Import terminé/)).toBeVisible({ timeout: 30_000 });
}

/** Lowers the list's in-memory ceiling (a tuning value read once at start) and restarts the page. */
export async function lowerListCeiling(page: Page, limit: number): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('relais.tuning.listInMemoryLimit', value), String(limit));
  await page.reload();
}

/** The paged list's parts, as a person finds them. */
export function pagedList(page: Page) {
  const list = page.getByRole('region', { name: 'Liste des activités' });
  return {
    status: page.locator('.activity-results').getByRole('status'),
    list,
    rows: list.getByRole('listitem'),
    showNext: page.getByRole('button', { name: 'Afficher les 200 suivantes' }),
    continueSearch: page.getByRole('button', { name: 'Continuer la recherche' }),
    /** The number of rows the list holds (the virtual list draws only those in view). */
    async size(): Promise<number> {
      return Number(await list.getByRole('listitem').first().getAttribute('aria-setsize'));
    },
    /** Scrolls the list to its end, so its last rows are drawn. */
    async scrollToEnd(): Promise<void> {
      await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    },
  };
}

/** Presses Tab until `target` has the keyboard focus (at most `presses` times). */
export async function tabTo(page: Page, target: Locator, presses = 80): Promise<void> {
  for (let i = 0; i < presses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
