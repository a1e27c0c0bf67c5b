/**
 * The app's database and its repositories. Tests open their own database by name
 * (on fake-indexeddb) with `openRelais(name)`; the app uses `getRelais()`.
 */
import { RelaisDatabase } from './schema';
import { RecordRepository } from './repository';
import { RECORD_KINDS, tableOf, validatorOf, type DataOf, type RecordKind, type TableOf } from '../domain/kinds';

/** One repository per record kind, under its table's name: `relais.villages`, `relais.workshopSessions`… */
export type Repositories = { [K in RecordKind as TableOf<K>]: RecordRepository<DataOf<K>> };

export type Relais = Repositories & { db: RelaisDatabase };

/** The repository of a record kind, for code that works on any kind (restoring a conflict's value). */
export function repositoryOf<K extends RecordKind>(db: RelaisDatabase, kind: K): RecordRepository<DataOf<K>> {
  return new RecordRepository(db, db.recordTable(kind), validatorOf(kind));
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
  // An `async` scope, not `work` itself: Dexie follows native awaits inside a transaction only when the
  // scope function is async; otherwise a few awaits of plain async functions in a row lose the
  // transaction, which then commits early (PrematureCommitError) and the rest would run outside it.
  return db.transaction('rw', [db.meta, ...kinds.map((kind) => db.recordTable(kind))], async () => work());
}

let instance: Relais | undefined;

export function getRelais(): Relais {
  instance ??= openRelais();
  return instance;
}
