/**
 * Activities: the reads of the activity list, the home screen and the village page, fast with 100 000
 * of them (issue 4, scenario 7): the list's first screen is a limited read of the `[deleted+date]` index,
 * the whole list is read in primary-key chunks; above the ceiling it is paged (issue 10).
 */
import Dexie, { type IndexableType } from 'dexie';
import type { Activity, Stored } from '../domain/records';
import { liveRecordsWhere } from './live';
import { ownDeviceIds } from './device';
import type { RelaisDatabase } from './schema';
import { rememberedFrom } from '../domain/rememberedDetails';
import { rememberDetails } from './activityDefaults';
import { deleteDraft } from './drafts';
import { writeTransaction } from './identity';
import type { Relais } from './index';
import { matches, type DrillDown } from '../domain/stats/filters';
import { allRowsOf, filtersNeedPlaces, placeCommunes } from './stats/dashboard';

/** Live (not deleted) activities in `[deleted+date]` order, i.e. by date, then by id. */
function liveByDate(db: RelaisDatabase) {
  return liveDateRange(db, Dexie.minKey, Dexie.maxKey);
}

/** Live activities dated from `from` to `to`, both included, in `[deleted+date]` order. */
function liveDateRange(db: RelaisDatabase, from: IndexableType, to: IndexableType) {
  return db.activities.where('[deleted+date]').between([0, from], [0, to], true, true);
}

/** The newest activities, newest first. */
export function readNewest(db: RelaisDatabase, limit: number): Promise<Stored<Activity>[]> {
  return liveByDate(db).reverse().limit(limit).toArray();
}

/** Records decoded per read: about a tenth of a second of work on a slow machine. */
export const CHUNK_SIZE = 2000;

/** Newest first, as the `[deleted+date]` index read backwards: by date, then by id, both descending. */
function newestFirst(a: Stored<Activity>, b: Stored<Activity>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/**
 * Every live activity, newest first: the same order as `readNewest`. Read in primary-key chunks (each one
 * `getAll()`, the fastest read there is) inside one read transaction (one consistent snapshot), sorted at
 * the end. `stopped()` is asked between chunks: when it says yes the (unwanted) result is left partial.
 */
export function readAllNewestFirst(db: RelaisDatabase, stopped: () => boolean = () => false): Promise<Stored<Activity>[]> {
  const { activities } = db;
  return db.transaction('r', activities, async () => {
    const live: Stored<Activity>[] = [];
    let after: string | undefined;
    while (!stopped()) {
      const chunk = await (after === undefined ? activities.toCollection() : activities.where(':id').above(after))
        .limit(CHUNK_SIZE).toArray();
      for (const a of chunk) if (a.deleted === 0) live.push(a);
      if (chunk.length < CHUNK_SIZE) break;
      after = chunk[chunk.length - 1].id;
    }
    return live.sort(newestFirst);
  });
}

/**
 * The number of live activities, from the dashboard's month rows `all` of every type (db/stats keeps them equal to a
 * recount in the same transaction as every write): a few dozen rows, whatever the number of
 * activities. Counting through an index instead makes Chromium check every entry against its record
 * (26 µs each: 26 s for a region's million). `null` for a database without the rows (opened
 * read-only from before schema 9, far too old to be that big): not `undefined`, which `useRead` means
 * as "not read yet" (the list waited for it for ever).
 */
export async function countLiveActivitiesFromRows(db: RelaisDatabase): Promise<number | null> {
  if (!db.tables.some((table) => table.name === 'activityStats')) return null;
  return (await allRowsOf(db, {})).reduce((sum, row) => sum + row.activities, 0);
}

/**
 * The activities' last change: the highest change counter (`seq`) among them. Every write of an
 * activity gives it a new, higher one (an edit, a delete, an import's update, see
 * db/repository.ts and db/sync/import/apply.ts), so this moves even when their number does not. One
 * index key read. 0 when there are none.
 */
export async function lastActivityChange(db: RelaisDatabase): Promise<number> {
  return ((await db.activities.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}

/** Activities a paged step may look at by default: a few tenths of a second of reading, then the person decides. */
export const PAGED_SCAN_BUDGET = 20_000;

/** Where a newest-first read stopped: the last activity looked at, by date then id (a keyset, never an offset). */
export interface ListCursor {
  date: string;
  id: string;
}

/** The index range a paged read walks: every live activity, or one author's; a date range, both ends included. */
export interface PagedRange {
  author?: string;
  from?: string;
  to?: string;
}

export interface PagedStep {
  /** The matches found by this step, newest first (at most `want`). */
  found: Stored<Activity>[];
  /** Activities looked at by this step. */
  looked: number;
  /** Where the next step starts (after the last activity looked at); `undefined` if none was. */
  cursor: ListCursor | undefined;
  /** The range has nothing more to look at. */
  done: boolean;
  /** `stopped()` said yes: the step was abandoned, its result is to be thrown away. */
  abandoned: boolean;
}

/** After a step: all was looked at (`done`), a page was filled (`more`), or the budget ran out first (`budget`). */
export function stepOutcome(step: PagedStep, want: number): 'done' | 'more' | 'budget' {
  return step.done ? 'done' : step.found.length >= want ? 'more' : 'budget';
}

export interface PagedOptions {
  /** Start after this activity (the previous step's cursor); from the newest when absent. */
  after?: ListCursor;
  /** Matches wanted: the step stops as soon as it has them. */
  want: number;
  /** Activities this step may look at, at most: a rare filter never holds the page for long. */
  budget: number;
  /** Activities read per chunk, past the first (which is `want`: an unfiltered page reads no more than it shows). */
  chunk?: number;
  /** Asked between chunks: yes abandons the step at once. */
  stopped?: () => boolean;
}

/** Newest first past `after` in the range, at most `limit`: one read (its own transaction) of the index backwards. */
function chunkAfter(db: RelaisDatabase, range: PagedRange, after: ListCursor | undefined, limit: number): Promise<Stored<Activity>[]> {
  const from = range.from || Dexie.minKey;
  const to = after?.date ?? (range.to || Dexie.maxKey);
  const rows = range.author
    ? db.activities.where('[authorDevice+deleted+date]').between([range.author, 0, from], [range.author, 0, to], true, true)
    : liveDateRange(db, from, to);
  // Entries of the cursor's own date are ordered by id: those at or above the cursor's were looked at.
  return rows.reverse().filter((a) => a.erased === 0 && (after === undefined || a.date < after.date || a.id < after.id)).limit(limit).toArray();
}

/**
 * One step of a paged list above `LIST_IN_MEMORY_LIMIT` (features/activities): walks the range newest
 * first from `after`, in chunks, keeping the activities `matches` selects (the list's own pure filter,
 * so both modes show the same records) until `want` are found or `budget` were looked at. Never holds
 * more than one chunk besides what it found; each chunk is its own read, so the page is served between
 * chunks and `stopped()` abandons the step between them.
 */
export async function readPagedStep(
  db: RelaisDatabase, range: PagedRange, matches: (chunk: Stored<Activity>[]) => Stored<Activity>[], options: PagedOptions,
): Promise<PagedStep> {
  const { want, budget, chunk = CHUNK_SIZE, stopped = () => false } = options;
  const step: PagedStep = { found: [], looked: 0, cursor: options.after, done: false, abandoned: false };
  while (step.found.length < want && step.looked < budget) {
    if (stopped()) return { ...step, abandoned: true };
    const limit = Math.min(step.looked === 0 ? want : chunk, budget - step.looked);
    const read = await chunkAfter(db, range, step.cursor, limit);
    if (stopped()) return { ...step, abandoned: true };
    const kept = matches(read);
    const missing = want - step.found.length;
    // More matches than the page needs: stop at the last one kept, the next step starts after it.
    const lookedHere = kept.length > missing ? read.indexOf(kept[missing - 1]) + 1 : read.length;
    step.found.push(...kept.slice(0, missing));
    step.looked += lookedHere;
    if (lookedHere > 0) step.cursor = { date: read[lookedHere - 1].date, id: read[lookedHere - 1].id };
    if (read.length < limit) {
      step.done = lookedHere === read.length;
      break;
    }
  }
  return step;
}

/**
 * The next step of a dashboard drill-down past its first screen (`drillDown`, db/stats): the same
 * indexes (the period, or the author's), the dashboard's one predicate (`matches`), on from `after`.
 */
export async function readDrillStep(db: RelaisDatabase, drill: DrillDown, options: PagedOptions): Promise<PagedStep> {
  // Only a commune or département filter asks where a place is (as the first screen's read).
  const places = filtersNeedPlaces(drill) ? await placeCommunes(db) : new Map<string, string>();
  const range = { author: drill.author || undefined, from: drill.from || undefined, to: drill.to || undefined };
  return readPagedStep(db, range, (chunk) => chunk.filter((a) => matches(a, drill, (id) => places.get(id))), options);
}


/**
 * Live activities written on this laptop (by any of its device ids), dated between `from` and `to`
 * (both included): "my activity" on the home page, through the `[authorDevice+deleted+date]` index, so a
 * coordinator's imported team work is never counted as hers.
 */
export async function countOwnActivitiesBetween(db: RelaisDatabase, from: string, to: string): Promise<number> {
  const own = await ownDeviceIds(db);
  const counts = await Promise.all([...own].map((device) => (
    db.activities.where('[authorDevice+deleted+date]').between([device, 0, from], [device, 0, to], true, true).count()
  )));
  return counts.reduce((sum, n) => sum + n, 0);
}

export function liveActivitiesOfVillage(db: RelaisDatabase, villageId: string): Promise<Stored<Activity>[]> {
  return liveRecordsWhere(db.activities, 'villageId', villageId);
}

/**
 * Live activities dated from `from` to `to` (both included, either open), by date then id, in chunks of
 * about `size`: each chunk is one `getAll` on the `[deleted+date]` index (as fast as reading the whole
 * table), so an export streams 100 000 activities in date order without holding them. The next chunk
 * starts again at the last date read and skips the records of that date already given (there are
 * few per day; a day with more than a chunk is read in growing steps, never skipped).
 */
export async function* liveActivitiesByDate(db: RelaisDatabase, from?: string, to?: string, size = CHUNK_SIZE): AsyncGenerator<Stored<Activity>[]> {
  const upper = [0, to ?? Dexie.maxKey];
  let lastDate: string | undefined;
  let seenOnLastDate = 0;
  for (;;) {
    const lower = [0, lastDate ?? from ?? Dexie.minKey];
    const rows = await db.activities.where('[deleted+date]').between(lower, upper, true, true).limit(seenOnLastDate + size).toArray();
    const fresh = rows.slice(seenOnLastDate);
    if (fresh.length === 0) return;
    yield fresh;
    if (rows.length < seenOnLastDate + size) return;
    const tail = fresh[fresh.length - 1].date;
    let sameTail = 0;
    for (let i = rows.length - 1; i >= 0 && rows[i].date === tail; i -= 1) sameTail += 1;
    seenOnLastDate = tail === lastDate ? rows.length : sameTail;
    lastDate = tail;
  }
}

/**
 * The activity form's save, in ONE transaction with what goes with it: the record (created or
 * updated), the details the next new one starts from, and the end of its draft. A window closed in the
 * middle leaves all as before, or all after: never an activity saved whose draft comes back (saved a
 * second time), nor a draft gone with no activity (issue 12).
 */
export async function saveActivityFromForm(
  relais: Relais, input: { activity: Activity; editingId?: string; draftKey: string },
): Promise<string> {
  const { db } = relais;
  const { activity, editingId, draftKey } = input;
  return writeTransaction(db, [db.activities, db.drafts], async () => {
    let id = editingId;
    if (id) await relais.activities.update(id, activity);
    else {
      id = (await relais.activities.create(activity)).id;
      await rememberDetails(db, activity.type, rememberedFrom(activity));
    }
    await deleteDraft(db, draftKey);
    return id;
  });
}
