/**
 * The app's database and its repositories. Tests open their own database by name
 * (on fake-indexeddb) with `openRelais(name)`; the app uses `getRelais()`.
 */
import { RelaisDatabase } from './schema';
import { RecordRepository } from './repository';
import { ownershipOf, RECORD_KINDS, tableOf, validatorOf, type DataOf, type RecordKind, type TableOf } from '../domain/kinds';
import { writeTransaction } from './identity';

/** One repository per record kind, under its table's name: `relais.villages`, `relais.workshopSessions`… */
export type Repositories = { [K in RecordKind as TableOf<K>]: RecordRepository<DataOf<K>> };

export type Relais = Repositories & { db: RelaisDatabase };

/** The repository of a record kind, for code that works on any kind (restoring a conflict's value). */
export function repositoryOf<K extends RecordKind>(db: RelaisDatabase, kind: K): RecordRepository<DataOf<K>> {
  return new RecordRepository(db, db.recordTable(kind), validatorOf(kind), ownershipOf(kind));
}

/**
 * A repository for every kind of the registry. TypeScript cannot follow a loop that fills a mapped
 * type, hence the one assertion: the keys are the registry's own table names (db/index.test.ts checks
 * that each one writes its kind's table).
 */
function repositoriesOf(db: RelaisDatabase): Repositories {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [tableOf(kind), repositoryOf(db, kind)])) as Repositories;
}

export function openRelais(name = 'relais'): Relais {
  const db = new RelaisDatabase(name);
  return { db, ...repositoriesOf(db) };
}

/**
 * Run `work` (writes through the repositories) in ONE read-write transaction over the tables of
 * `kinds`: either all of it is stored or none of it (a window closed half-way leaves nothing behind).
 */
export function writeAllOrNothing<T>(relais: Relais, kinds: readonly RecordKind[], work: () => Promise<T>): Promise<T> {
  const { db } = relais;
  return writeTransaction(db, kinds.map((kind) => db.recordTable(kind)), work);
}

let instance: Relais | undefined;

export function getRelais(): Relais {
  instance ??= openRelais();
  return instance;
}

/**
 * The repositories of a database opened read-only (db/readOnly.ts), once open: only for the tables it
 * has (an older schema may lack some); every write through them is refused by the guard.
 */
export function readOnlyRelais(db: RelaisDatabase): Relais {
  if (!db.readOnly || !db.isOpen()) throw new Error('readOnlyRelais needs a database opened read-only');
  const present = new Set(db.tables.map((table) => table.name));
  const kinds = RECORD_KINDS.filter((kind) => present.has(tableOf(kind)));
  return { db, ...Object.fromEntries(kinds.map((kind) => [tableOf(kind), repositoryOf(db, kind)])) } as Relais;
}

/**
 * From now on the app reads `relais` (a database opened read-only by db/readOnly.ts) instead of the one
 * that could not be opened: the recovery screen's "open read-only".
 */
export function switchToReadOnly(relais: Relais): void {
  if (!relais.db.readOnly) throw new Error('only a read-only database may replace the app database');
  instance?.db.close();
  instance = relais;
}
