/**
 * Opening the database read-only, when this release cannot open it normally (issue 12): a newer Relais
 * upgraded it, another window blocks the upgrade, or an upgrade failed. The database is opened at the
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
 * no such database, and when it cannot be opened at all.
 */
export async function openReadOnly(name: string): Promise<ReadOnlyOpening> {
  const db = new RelaisDatabase(name, { readOnly: true });
  try {
    // Without a declared schema, Dexie opens the existing version and refuses a database that does not exist.
    await db.open();
    nameTheTables(db);
    return { opened: true, relais: readOnlyRelais(db), version: db.verno };
  } catch (error) {
    db.close();
    return { opened: false, detail: error instanceof Error ? error.name : 'unknown' };
  }
}

/** Close a database opened read-only that will not be used after all (the screen that asked went away). */
export function closeReadOnly(relais: Relais): void {
  relais.db.close();
}
