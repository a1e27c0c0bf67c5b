/**
 * The page's database as a test sees it, read with raw IndexedDB (never through the app): a hash of
 * every row of every table, to say "the same data" or "before or after, never in between".
 */
import type { Page } from '@playwright/test';

/** The record tables: what a person would call their data. */
export const RECORD_TABLES = ['villages', 'surveys', 'activities', 'places', 'beneficiaries', 'workshopTemplates', 'workshopSeries', 'workshopSessions'];

/**
 * Every row of `tables` (all tables when omitted), as one canonical text per table, keyed by table.
 * `omit` leaves fields out of every row: `seq`, the local change number, which a record received in a
 * bundle gets afresh (the same records, numbered by another laptop); rows are then compared with their
 * keys sorted, as a bundle need not keep the order of a row's fields.
 */
export async function tableDigests(page: Page, tables?: string[], omit: string[] = []): Promise<Record<string, string>> {
  return page.evaluate(async ({ only, omit }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relais');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const names = only ?? [...db.objectStoreNames];
      const digests: Record<string, string> = {};
      for (const name of names) {
        if (!db.objectStoreNames.contains(name)) continue;
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        const sorted = (value: unknown): unknown => (Array.isArray(value) ? value.map(sorted)
          : value !== null && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])])) : value);
        const kept = omit.length === 0 ? rows : rows.map((row) => sorted(Object.fromEntries(Object.entries(row as object).filter(([field]) => !omit.includes(field)))));
        const bytes = new TextEncoder().encode(JSON.stringify(kept));
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        digests[name] = `${rows.length}:${[...hash.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
      }
      return digests;
    } finally {
      db.close();
    }
  }, { only: tables, omit });
}

/** One value of the `meta` table (an export mark, the change counter…), read with raw IndexedDB. */
export async function metaValue(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relais');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('meta', 'readonly').objectStore('meta').get(wanted);
        request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, key);
}

/**
 * Keeps a write transaction on `table` open (a request after each other) until the returned release is
 * called: the app's reads of that table wait behind it, as they wait behind a long read at a region's
 * scale — what a screen shows meanwhile can be looked at.
 */
export async function holdTable(page: Page, table: string): Promise<() => Promise<void>> {
  await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relais');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const held = window as unknown as { relaisHeld?: { release: boolean; done: Promise<void> } };
    const store = db.transaction(name, 'readwrite').objectStore(name);
    const state = { release: false, done: Promise.resolve() };
    state.done = new Promise<void>((resolve) => {
      store.transaction.oncomplete = () => { db.close(); resolve(); };
    });
    const spin = () => { if (!state.release) store.count().onsuccess = spin; };
    spin();
    held.relaisHeld = state;
  }, table);
  return async () => {
    await page.evaluate(async () => {
      const held = (window as unknown as { relaisHeld: { release: boolean; done: Promise<void> } }).relaisHeld;
      held.release = true;
      await held.done;
    });
  };
}
