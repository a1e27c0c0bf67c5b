/**
 * The one way screens write records. Each write is one transaction that validates, stamps the
 * changed fields with a fresh HLC stamp, bumps the local change counter and stores the record.
 * Screens read through live queries (dexie-react-hooks) and redraw on their own.
 *
 * Only its author changes a record of a kind its author owns (domain/kinds.ts): another device's
 * activity or followed person can be erased here (data protection applies to every copy), not edited,
 * deleted or restored — other devices would refuse that change (docs/bundle-format.md, "Trust rules").
 */
import type { Table } from 'dexie';
import { dataOf, META_FIELDS, type RecordMeta, type Stored } from '../domain/records';
import { sameValue } from '../domain/canonical';
import { replacedByEdit } from '../domain/sync/merge';
import { ValidationError, type ValidationIssue } from '../domain/validation';
import { recordId } from '../domain/ids';
import type { Ownership } from '../domain/kinds';
import { ownDeviceIds, stampLocalWrite } from './device';
import { ensureIdentity } from './identity';
import type { RelaisDatabase } from './schema';
import { ownChangeKey } from './stats/ownChanges';

export type Validator<T> = (data: T) => ValidationIssue[];

/** A change to a record another device authored, of a kind only its author may change. */
export class NotAuthorError extends Error {
  constructor(readonly recordId: string) {
    super(`only its author may change record ${recordId}`);
    this.name = 'NotAuthorError';
  }
}

const META = new Set<string>(META_FIELDS);

/**
 * Keep only data fields, and drop undefined values so that "absent" has one representation in storage
 * and in bundles. Sync metadata handed in by mistake (a stored record spread into a form) is ignored:
 * it is the repository's to write, never the caller's.
 */
function clean<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([key, v]) => v !== undefined && !META.has(key))) as T;
}

export class RecordRepository<T extends object> {
  constructor(
    private readonly db: RelaisDatabase,
    private readonly table: Table<Stored<T>, string>,
    private readonly validate: Validator<T>,
    private readonly ownership: Ownership = 'shared',
  ) {}

  private check(data: T): void {
    const issues = this.validate(data);
    if (issues.length > 0) throw new ValidationError(issues);
  }

  /** Inside the write's transaction: a record only its author may change, authored elsewhere, is refused. */
  private async checkAuthor(current: RecordMeta): Promise<void> {
    if (this.ownership === 'author' && !(await ownDeviceIds(this.db)).has(current.authorDevice)) throw new NotAuthorError(current.id);
  }

  /** May this device edit, delete or restore `record`? (screens show a notice instead of a form when not) */
  async mayChange(record: RecordMeta): Promise<boolean> {
    return this.ownership === 'shared' || (await ownDeviceIds(this.db)).has(record.authorDevice);
  }

  /** A change made here, for "not exported" (db/stats/ownChanges.ts); inside the write's transaction. */
  private async noteOwnChange(id: string, seq: number): Promise<void> {
    await this.db.ownChanges.put({ key: ownChangeKey(this.table.name, id), seq });
  }

  get(id: string): Promise<Stored<T> | undefined> {
    return this.table.get(id);
  }

  async create(input: T): Promise<Stored<T>> {
    const data = clean(input);
    this.check(data);
    await ensureIdentity(this.db);
    return this.db.transaction('rw', this.table, this.db.meta, this.db.ownChanges, async () => {
      const { stamp, seq, deviceId } = await stampLocalWrite(this.db);
      const now = new Date().toISOString();
      const versions: Record<string, string> = { deleted: stamp };
      for (const key of Object.keys(data)) versions[key] = stamp;
      const meta: RecordMeta = {
        id: recordId(deviceId), createdAt: now, updatedAt: now, authorDevice: deviceId, versions, deleted: 0, erased: 0, seq,
      };
      const record = { ...data, ...meta } as Stored<T>;
      await this.table.add(record);
      await this.noteOwnChange(record.id, seq);
      return record;
    });
  }

  /**
   * Replace the data of a record with `next`, stamping only the fields whose value changed
   * (so that a concurrent edit of another field on another device survives the merge).
   */
  async update(id: string, next: T): Promise<Stored<T>> {
    const data = clean(next);
    this.check(data);
    await ensureIdentity(this.db);
    return this.db.transaction('rw', this.table, this.db.meta, this.db.ownChanges, async () => {
      const current = await this.table.get(id);
      if (!current || current.erased) throw new Error(`record not found: ${id}`);
      await this.checkAuthor(current);
      const before = dataOf(current) as Record<string, unknown>;
      const after = data as Record<string, unknown>;
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((key) => !sameValue(before[key], after[key]));
      if (changed.length === 0) return current;
      const { stamp, seq } = await stampLocalWrite(this.db);
      const versions = { ...current.versions };
      const replaced = { ...current.replaced };
      for (const key of changed) {
        const known = replacedByEdit(current, key, stamp);
        if (known.length > 0) replaced[key] = known;
        else delete replaced[key];
        versions[key] = stamp;
      }
      const { replaced: _before, ...rest } = pickMeta(current);
      const meta: RecordMeta = {
        ...rest, versions, ...(Object.keys(replaced).length > 0 ? { replaced } : {}), seq, updatedAt: new Date().toISOString(),
      };
      const record = { ...data, ...meta } as Stored<T>;
      await this.table.put(record);
      await this.noteOwnChange(id, seq);
      return record;
    });
  }

  /** Soft delete: the record becomes a tombstone that travels in bundles; `restore` undoes it. */
  remove(id: string): Promise<void> {
    return this.setDeleted(id, 1);
  }

  restore(id: string): Promise<void> {
    return this.setDeleted(id, 0);
  }

  private async setDeleted(id: string, deleted: 0 | 1): Promise<void> {
    await ensureIdentity(this.db);
    await this.db.transaction('rw', this.table, this.db.meta, this.db.ownChanges, async () => {
      const current = await this.table.get(id);
      if (!current || current.erased || current.deleted === deleted) return;
      await this.checkAuthor(current);
      const { stamp, seq } = await stampLocalWrite(this.db);
      // A new version: the seal of the previous one no longer holds (the next export seals this one).
      const { seal: _stale, ...unsealed } = current;
      await this.table.put({
        ...unsealed, deleted, seq, updatedAt: new Date().toISOString(), versions: { ...current.versions, deleted: stamp },
      } as Stored<T>);
      await this.noteOwnChange(id, seq);
    });
  }

  /**
   * Erasure for data protection (right to be forgotten): the payload is cleared here and everywhere the
   * erasure travels; it can never be undone, by the user or by an older bundle.
   */
  async erase(id: string): Promise<void> {
    await ensureIdentity(this.db);
    await this.db.transaction('rw', this.table, this.db.meta, this.db.ownChanges, async () => {
      const current = await this.table.get(id);
      if (!current || current.erased) return;
      const { stamp, seq } = await stampLocalWrite(this.db);
      const { replaced: _forgotten, ...rest } = pickMeta(current);
      const meta: RecordMeta = {
        ...rest, deleted: 1, erased: 1, seq, updatedAt: new Date().toISOString(),
        versions: { deleted: stamp, erased: stamp },
      };
      await this.table.put(meta as Stored<T>);
      await this.noteOwnChange(id, seq);
    });
  }
}

function pickMeta(record: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, authorDevice, versions, replaced, deleted, erased, seq } = record;
  return replaced ? { id, createdAt, updatedAt, authorDevice, versions, replaced, deleted, erased, seq }
    : { id, createdAt, updatedAt, authorDevice, versions, deleted, erased, seq };
}
