/**
 * The local database. Every schema change is a new entry in SCHEMA_VERSIONS (never edit a released one):
 * Dexie upgrades an older database in place, on the user's laptop, when the new app first opens it.
 */
import Dexie, { type Table } from 'dexie';
import type { Stored } from '../domain/records';
import { tableOf, type DataOf, type RecordKind, type TableOf } from '../domain/kinds';
import type { AliasRow, CardRow, ConflictRow, ImportRow, InboxFileRow, QuarantineRow } from './sync/rows';
import type { MetaKey, MetaRow } from './meta';
import { migrateToKeyIdentity } from './migrations';
import type { Statement } from '../domain/sync/seal';
import { structuresOf, type Profile } from '../domain/profile';
import type { SecretName, SecretRow } from './sync/keys';
import type { StatRow } from '../domain/stats/activityStats';
import { activityStatsMiddleware } from './stats/middleware';
import { readOnlyGuard } from './readOnlyGuard';
import { buildOwnChanges, dropPlaceRows, rebuildStats, ROWS_BY_TYPE_VERSION } from './stats/migration';
import type { OwnChangeRow } from './stats/ownChanges';

export interface DraftRow {
  /** Form identity, e.g. `activity:new` or `survey:<id>`. */
  key: string;
  value: unknown;
  savedAt: string;
}

/** Indexes common to every synced table: primary id, change counter (export), tombstone + recency. */
const SYNCED = 'id, seq, updatedAt, deleted';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
  /**
   * This version changes what the dashboard's count rows hold: they are rebuilt from the activities
   * (`rebuildStats`), once per upgrade, after the last such version's own upgrade (`rowsRebuiltOnce`).
   */
  rebuildsRows?: true;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      meta: 'key',
      drafts: 'key',
      villages: `${SYNCED}, commune.codeInsee`,
      surveys: `${SYNCED}, villageId, date, [deleted+date]`,
      activities: `${SYNCED}, date, villageId, type, [deleted+date], *thematiques`,
      places: `${SYNCED}, villageId`,
      beneficiaries: `${SYNCED}, code`,
    },
  },
  {
    // Sync by bundles: conflict log (deduplicated per losing write), import history (one row per
    // bundle: re-imports are recognised), quarantined future-dated records, coordinators' cards.
    version: 2,
    stores: {
      conflicts: '++id, recordId, at, resolved, [recordId+field+losingStamp]',
      imports: 'bundleId, importedAt, sourceDevice',
      quarantine: '++id, recordId, bundleId, at',
      cards: 'deviceId',
    },
  },
  {
    // Workshops (issue 5): templates, series and their dated sessions, all synced records.
    version: 3,
    stores: {
      workshopTemplates: `${SYNCED}, starterKey`,
      workshopSeries: `${SYNCED}, templateId`,
      workshopSessions: `${SYNCED}, seriesId, date, statut`,
    },
  },
  {
    // Data protection: find a followed person's latest activity without scanning every activity
    // (people with no activity for a year are anonymised automatically: db/retention.ts).
    version: 4,
    stores: {
      activities: `${SYNCED}, date, villageId, type, [deleted+date], *thematiques, *beneficiaryIds`,
    },
  },
  {
    // Trust (issue 9): device ids derived from keys, enrolled cards, legacy ids bound to keys, the
    // authors' signed statements that seal their records (domain/sync/seal.ts), and an import history
    // keyed by signer + bundle id + payload hash (a new table: Dexie cannot change a primary key; the
    // old one is copied over, then dropped). See db/migrations.ts.
    version: 6,
    stores: {
      cards: 'deviceId, trust',
      aliases: 'legacyId, deviceId',
      importHistory: '[sourceDevice+bundleId+payloadSha256], importedAt, sourceDevice, bundleId',
      imports: null,
      statements: 'id, author',
    },
    upgrade: migrateToKeyIdentity,
  },
  {
    // National formats (issue 11). Places imported from a national CSV are matched by the file's id
    // (`idNational`) on the next import. The profile's single structure name becomes its list of
    // employing structures, each with La Coop's 12-month retention.
    //
    // Records are NOT rewritten: every field added since (the employing structure, year of birth, the
    // schema's place columns, coverage per operator…) is optional, and older shapes stay valid (a
    // place's `itinerance` as one string, read by `itinerancesOf`). Rewriting a synced field would need
    // a new stamp: this device would then claim an edit of records others wrote and send them all again.
    version: 7,
    stores: {
      places: `${SYNCED}, villageId, idNational`,
    },
    upgrade: async (tx) => {
      const meta = tx.table<MetaRow, MetaKey>('meta');
      const row = await meta.get('profile');
      if (!row) return;
      const profile = row.value as Profile;
      if (!profile.structures) await meta.put({ key: 'profile', value: { ...profile, structures: structuresOf(profile) } });
    },
  },
  {
    // Coordinators (issue 10): the dashboard's count rows, kept by the database in the transaction of
    // every write to activities (db/stats/middleware.ts), built here once from what is stored; the
    // changes made on this laptop ("not exported" counts only these, db/stats/ownChanges.ts); and
    // "my activity" of the home page counted through the author's own index.
    version: 9,
    stores: {
      activities: `${SYNCED}, date, villageId, type, [deleted+date], *thematiques, *beneficiaryIds, [authorDevice+deleted+date]`,
      activityStats: 'key',
      ownChanges: 'key, seq',
    },
    upgrade: buildOwnChanges,
    rebuildsRows: true,
  },
  {
    // Issue 14, synced folders: every bundle file that arrived in the inbox folder, by the SHA-256 of
    // its bytes (a file seen before is recognised whatever its name), with what became of it; a held
    // bundle keeps its bytes here until a person decides (db/sync/inbox.ts).
    version: 11,
    stores: { inboxFiles: 'sha256, receivedAt, outcome' },
  },
  {
    // Issue 9, secrets sealed at rest: the device's private keys, each wrapped with a vault key that the
    // OS or the person's passphrase seals (db/sync/keys.ts). Keys an older version left in clear in
    // `meta` are sealed here and deleted there when the vault is first opened: that needs the OS or the
    // passphrase, which an upgrade transaction cannot wait for.
    version: 12,
    stores: { secrets: 'name' },
  },
  {
    // Import speed (issues 9 and 10): the dashboard keeps no count rows per place any more (nearly one
    // row per activity, rewritten by every import, domain/stats/activityStats.ts); the place filter,
    // and the places of a commune or a département, read their activities through this index instead.
    version: 13,
    stores: {
      activities: `${SYNCED}, date, villageId, type, [deleted+date], *thematiques, *beneficiaryIds, [authorDevice+deleted+date], [placeId+date]`,
    },
    upgrade: dropPlaceRows,
  },
  {
    // Followed people in the dashboard's gender, age band and status sections (issue 10): the rows of
    // versions 9–13 counted anonymous people only there; rebuilt once with them (db/stats/followedPeople.ts).
    version: 14,
    stores: {},
    rebuildsRows: true,
  },
  {
    // Issue 10 at a region's scale: a place's activities count in its commune's and département's rows
    // (they counted in none, and each row carried a `where` count per place: ten thousand keys at a
    // region's scale, decoded at every filter change). Rebuilt once (db/stats/placeCommunes.ts).
    version: 15,
    stores: {},
    rebuildsRows: true,
  },
  {
    // Issue 10, two filters: every count row is kept per activity type (its key is dimension, value, type,
    // month; domain/stats/activityStats.ts), so the period, the type and one other filter are read from
    // rows instead of scanning the activities. Rebuilt once, a chunk of activities and of rows at a time.
    // (The number reserved for this work, 12, was taken by sealed secrets: Dexie only upgrades a database
    // to a version above its own, so the change takes the next free one.)
    version: ROWS_BY_TYPE_VERSION, // 16
    stores: {},
    rebuildsRows: true,
  },
];

/**
 * The versions as Dexie runs them: the count rows rebuilt after the last version that changes them, and
 * by no earlier one. Dexie runs, in one transaction, the upgrade of every version above the database's,
 * so whenever an earlier `rebuildsRows` version's upgrade runs, the last one's runs too; each rebuild
 * reads every activity and starts from nothing (a database at version 13 was rebuilt three times).
 */
export function rowsRebuiltOnce(versions: readonly SchemaVersion[]): SchemaVersion[] {
  const last = Math.max(...versions.filter((step) => step.rebuildsRows).map((step) => step.version));
  return versions.map((step) => {
    if (step.version !== last) return step;
    const own = step.upgrade;
    return { ...step, upgrade: async (tx) => { await own?.(tx); await rebuildStats(tx); } };
  });
}

/** What every database declares: the versions with the rows rebuilt once (made once, not per database). */
const DECLARED_VERSIONS = rowsRebuiltOnce(SCHEMA_VERSIONS);

/** The table of every record kind, named and typed from the kinds registry (domain/kinds.ts). */
export type RecordTables = { [K in RecordKind as TableOf<K>]: Table<Stored<DataOf<K>>, string> };

/** The tables: Dexie creates one property per store of SCHEMA_VERSIONS; this interface types them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- types the properties Dexie defines at run time
export interface RelaisDatabase extends RecordTables {
  meta: Table<MetaRow, MetaKey>;
  drafts: Table<DraftRow, string>;
  conflicts: Table<ConflictRow, number>;
  importHistory: Table<ImportRow, [string, string, string]>;
  quarantine: Table<QuarantineRow, number>;
  cards: Table<CardRow, string>;
  aliases: Table<AliasRow, string>;
  statements: Table<Statement, string>;
  secrets: Table<SecretRow, SecretName>;
  activityStats: Table<StatRow, string>;
  ownChanges: Table<OwnChangeRow, string>;
  inboxFiles: Table<InboxFileRow, string>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class RelaisDatabase extends Dexie {
  /**
   * `dashboardRows: false` only for the bench's raw floor (Dexie `bulkPut` with the app's indexes and
   * nothing else); the app always keeps the dashboard's rows.
   */
  /** Opened read-only (db/readOnly.ts): every write is refused before it reaches IndexedDB. */
  readonly readOnly: boolean;

  /**
   * `readOnly`: declare no schema (Dexie opens the database at whatever version it is, without upgrading
   * it, and reads the tables it has) and refuse every write (db/readOnlyGuard.ts).
   */
  constructor(name = 'relais', options: { dashboardRows?: boolean; readOnly?: boolean } = {}) {
    super(name);
    this.readOnly = options.readOnly === true;
    if (this.readOnly) {
      this.use(readOnlyGuard);
      return;
    }
    if (options.dashboardRows !== false) this.use(activityStatsMiddleware);
    for (const step of DECLARED_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }

  /** The table of a record kind, typed by the kind: how code that works on any kind reaches records. */
  recordTable<K extends RecordKind>(kind: K): Table<Stored<DataOf<K>>, string> {
    return this.table<Stored<DataOf<K>>, string>(tableOf(kind));
  }
}
