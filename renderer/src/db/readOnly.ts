/**
 * Opening the database read-only, when this release cannot open it normally (issue 12): a newer Relais
 * upgraded it, or an upgrade failed. (Blocked by another window, it cannot: the browser queues every
 * opening behind the upgrade still waiting, so this one waits too, and gives up after `waitMs`.) The database is opened at the
 * version it has, without declaring a schema, so nothing is migrated or created on disk; every write is
 * refused by db/readOnlyGuard.ts. Screens whose reads need a table or index the database lacks (an upgrade
 * that failed leaves the older schema) fail alone, behind the page's error panel.
 */
import { readOnlyRelais, type Relais } from './index';
import { RelaisDatabase } from './schema';

export type ReadOnlyOpening =
  | { opened: true; relais: Relais; /** The schema version as installed. */ version: number }
  | { opened: false; /** The browser's own error names, for diagnostics. */ detail: string };

/**
 * Without a declared schema Dexie knows the tables only by `db.table(name)`: give each the property the
 * reads of db/ use (`db.activities`), as a declared schema would. A table the database lacks stays absent.
 */
function nameTheTables(db: RelaisDatabase): void {
  for (const table of db.tables) {
    if (!(table.name in db)) Object.defineProperty(db, table.name, { value: table, enumerable: true });
  }
}

/**
 * Open the database named `name` read-only. Refuses (rather than creating an empty one) when there is
 * no such database, when it cannot be opened at all, and (`detail: 'timeout'`) when the browser has not
 * opened it after `waitMs` — then it is closed as soon as the browser does.
 */
export async function openReadOnly(name: string, { waitMs = 5000 } = {}): Promise<ReadOnlyOpening> {
  const db = new RelaisDatabase(name, { readOnly: true });
  // Without a declared schema, Dexie opens the existing version and refuses a database that does not exist.
  const opening = db.open().then(
    (): ReadOnlyOpening => {
      nameTheTables(db);
      return { opened: true, relais: readOnlyRelais(db), version: db.verno };
    },
    (error: unknown): ReadOnlyOpening => ({ opened: false, detail: error instanceof Error ? error.name : 'unknown' }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), waitMs); });
  const result = await Promise.race([opening, late]);
  clearTimeout(timer);
  if (result === 'late' || !result.opened) {
    db.close(); // also once a late opening completes: Dexie closes what it opens after close()
    return result === 'late' ? { opened: false, detail: 'timeout' } : result;
  }
  return result;
}

/** Close a database opened read-only that will not be used after all (the screen that asked went away). */
export function closeReadOnly(relais: Relais): void {
  relais.db.close();
}
