/**
 * Field-by-field merge of two versions of the same record (the local one and one from a bundle).
 *
 * Every data field, `deleted` and `erased` carries a hybrid-logical-clock stamp in `versions`; for each
 * field the higher stamp wins (stamps compare as strings and embed the device id, so two devices never
 * mint the same stamp). Merging never mints a stamp, only picks existing ones: that is what makes it
 * commutative, associative and idempotent — re-imports change nothing and the order of bundles does not
 * matter (design.md, "Sync by bundles", promises 1–4).
 *
 * Pure: no Dexie, no DOM. Runs in Node tests, in the import worker and in the page.
 */
import { dataOf, type RecordMeta } from '../records';
import { canonicalJson, deepEqual, sameValue } from '../canonical';
import { deviceOfStamp } from '../hlc';

/** The sync view of any stored record: metadata plus flat data fields. `seq` is local and never merged. */
export type SyncRecord = Omit<RecordMeta, 'seq'> & { seq?: number; [field: string]: unknown };

/** A value that lost a same-field race: kept so the user can see it and restore it. */
export interface FieldConflict {
  field: string;
  losingValue: unknown;
  losingStamp: string;
  winningStamp: string;
  /** Which side lost: the value stored here, or the one in the bundle. */
  losingSide: 'local' | 'remote';
}

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflicting' | 'deleted';

export interface MergeResult {
  /** The merged record (without `seq`: the importer assigns a local one when `changed`). */
  record: SyncRecord;
  /** False when the merged record equals the stored one: the importer must not rewrite it. */
  changed: boolean;
  outcome: MergeOutcome;
  conflicts: FieldConflict[];
}

/** Versioned fields that are not data: they travel as metadata columns. */
const FLAG_FIELDS = new Set(['deleted', 'erased']);

function valueOf(record: SyncRecord, field: string): unknown {
  return record[field];
}

/**
 * The stamps a field's value is known to have replaced (`replaced[field]`), as a list. Records written
 * before per-device lists hold a single stamp: read as a list of one.
 */
function replacedStamps(record: Pick<RecordMeta, 'replaced'>, field: string): readonly string[] {
  const entry = record.replaced?.[field];
  return entry === undefined ? [] : typeof entry === 'string' ? [entry] : entry;
}

/**
 * Did the value stamped `version`, which replaced `replaced`, know the write stamped `stamp`? A
 * device's writes follow one another, each made knowing the ones before, so knowing one write of a
 * device is knowing every earlier one of it: hence one stamp per device is enough. Stamps of
 * different devices say nothing about each other (clocks order them, not knowledge).
 */
function knows(version: string, replaced: readonly string[], stamp: string): boolean {
  const device = deviceOfStamp(stamp);
  if (deviceOfStamp(version) === device) return stamp <= version;
  return replaced.some((known) => deviceOfStamp(known) === device && stamp <= known);
}

/**
 * The one spelling of what a value stamped `version` replaced: the latest of `stamps` per device,
 * sorted, without the value's own device (its stamp already says it knew its device's earlier writes).
 */
function replacedList(stamps: Iterable<string>, version: string): string[] {
  const own = deviceOfStamp(version);
  const latest = new Map<string, string>();
  for (const stamp of stamps) {
    const device = deviceOfStamp(stamp);
    const known = latest.get(device);
    if (device !== own && (known === undefined || stamp > known)) latest.set(device, stamp);
  }
  return [...latest.values()].sort();
}

/**
 * `replaced[field]` for a local edit stamped `stamp` that overwrites the stored value of `field`: the
 * stored value, and everything it had replaced. Empty when the edit replaces nothing another device
 * wrote. (The repository calls this, so that the rule lives here with the merge that reads it.)
 */
export function replacedByEdit(stored: Pick<RecordMeta, 'versions' | 'replaced'>, field: string, stamp: string): string[] {
  const current = stored.versions[field];
  if (current === undefined) return [];
  return replacedList([...replacedStamps(stored, field), current], stamp);
}

/**
 * What the merged value of `field` (stamped `version`) is known to have replaced: everything either
 * side had replaced, and the other side's value itself, which this merge has now seen (replaced by an
 * update it knew, or logged as a conflict right here). Carrying it keeps a losing value, and every
 * older write of its device, from being raised again by a late bundle on another laptop.
 */
function knownAfterMerge(local: SyncRecord, remote: SyncRecord, field: string, version: string): string[] {
  const mine = local.replaced?.[field];
  const theirs = remote.replaced?.[field];
  // The common case, a field neither side replaced anything in: nothing to learn.
  if (mine === undefined && theirs === undefined && local.versions[field] === remote.versions[field]) return [];
  const stamps = [...replacedStamps(local, field), ...replacedStamps(remote, field)];
  for (const side of [local, remote]) {
    const stamp = side.versions[field];
    if (stamp !== undefined && stamp !== version) stamps.push(stamp);
  }
  return replacedList(stamps, version);
}

/**
 * Same `replaced`, spelled the same: a record from before the lists (one stamp) differs from its list
 * of one, so that the merge rewrites it once in the spelling it now writes.
 */
function sameReplaced(a: SyncRecord, b: SyncRecord): boolean {
  if (a.replaced === undefined && b.replaced === undefined) return true;
  const fields = new Set([...Object.keys(a.replaced ?? {}), ...Object.keys(b.replaced ?? {})]);
  for (const field of fields) {
    const entryA = a.replaced?.[field];
    const entryB = b.replaced?.[field];
    if (typeof entryA === 'string' || typeof entryB === 'string' ? entryA !== entryB : !sameStamps(entryA ?? [], entryB ?? [])) return false;
  }
  return true;
}

function sameStamps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((stamp, i) => stamp === b[i]);
}

/**
 * Creation metadata is written once and should be equal on both sides; if a damaged peer disagrees,
 * pick deterministically (earliest creation, then smallest device id) so that every device agrees.
 */
function pickCreation(a: SyncRecord, b: SyncRecord): Pick<SyncRecord, 'createdAt' | 'authorDevice'> {
  const keyA = `${a.createdAt}|${a.authorDevice}`;
  const keyB = `${b.createdAt}|${b.authorDevice}`;
  const first = keyA <= keyB ? a : b;
  return { createdAt: first.createdAt, authorDevice: first.authorDevice };
}

function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

function sealedErasureKey(record: SyncRecord): string {
  return `${record.versions.erased}|${record.versions.deleted}|${record.seal}`;
}

/**
 * The payload-free record an erasure leaves behind: both sides' erasure stamps combined by max, unless a
 * side is an erasure sealed by its author (import drops seals no one vouches for), which is kept whole.
 */
function mergeErased(local: SyncRecord | undefined, remote: SyncRecord): SyncRecord {
  const sides = [local, remote].filter((r): r is SyncRecord => r !== undefined && r.erased === 1);
  const sealed = sides.filter((r) => r.seal !== undefined);
  if (sealed.length > 0) {
    // An erasure its author sealed is kept as it is, whoever else erased the record too: the record is
    // erased either way, and it stays provable to its author when relayed. Of two, the later.
    const kept = sealed.reduce((a, b) => (sealedErasureKey(a) >= sealedErasureKey(b) ? a : b));
    return {
      id: kept.id, createdAt: kept.createdAt, authorDevice: kept.authorDevice,
      updatedAt: local ? laterOf(local.updatedAt, remote.updatedAt) : remote.updatedAt,
      versions: { deleted: kept.versions.deleted, erased: kept.versions.erased }, deleted: 1, erased: 1, seal: kept.seal,
    };
  }
  const deletedStamp = sides.map((r) => r.versions.deleted).reduce(laterOf);
  const erasedStamp = sides.map((r) => r.versions.erased).reduce(laterOf);
  const base = local ?? remote;
  return {
    id: base.id,
    ...(local ? pickCreation(local, remote) : { createdAt: remote.createdAt, authorDevice: remote.authorDevice }),
    updatedAt: local ? laterOf(local.updatedAt, remote.updatedAt) : remote.updatedAt,
    versions: { deleted: deletedStamp, erased: erasedStamp },
    deleted: 1,
    erased: 1,
  };
}

function withoutSeq(record: SyncRecord): SyncRecord {
  const copy = { ...record };
  delete copy.seq;
  return copy;
}

function sameVersions(a: Record<string, string>, b: Record<string, string>): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => a[key] === b[key]);
}

/** Same synced content (all but `seq`, `updatedAt` and the seal): the condition for a seal to still hold. */
function sameContent(a: SyncRecord, b: SyncRecord): boolean {
  if (a.createdAt !== b.createdAt || a.authorDevice !== b.authorDevice || a.deleted !== b.deleted || a.erased !== b.erased) return false;
  if (!sameVersions(a.versions, b.versions) || !sameReplaced(a, b)) return false;
  return deepEqual(dataOf(a), dataOf(b));
}

/**
 * The merged record keeps a seal only when its content is exactly that of the sealed side: a mix of
 * two versions was written by no one, so no one's seal holds for it.
 */
function withSeal(record: SyncRecord, local: SyncRecord | undefined, remote: SyncRecord): SyncRecord {
  const sealed = [remote, local].find((side) => side?.seal !== undefined && sameContent(record, side));
  if (sealed) record.seal = sealed.seal;
  else delete record.seal;
  return record;
}

/**
 * For one field, the winning side and the conflict (if any). A conflict is logged when both sides hold
 * a stamped, different value AND the winning side did not know the losing write: its own device's
 * earlier writes, and per other device the latest write listed in `replaced[field]` and all before
 * it, were seen and replaced (an update, or a race logged where it was first found), never raced.
 */
function resolveField(local: SyncRecord, remote: SyncRecord, field: string): { winner: SyncRecord; conflict?: FieldConflict } {
  const localStamp = local.versions[field];
  const remoteStamp = remote.versions[field];
  if (remoteStamp === undefined) return { winner: local };
  if (localStamp === undefined) return { winner: remote };
  if (localStamp === remoteStamp) {
    // Same stamp means same write; a damaged peer could still disagree: break the tie on the value.
    const a = valueOf(local, field);
    const b = valueOf(remote, field);
    const localFirst = deepEqual(a, b) || canonicalJson(a) >= canonicalJson(b);
    return { winner: localFirst ? local : remote };
  }
  const remoteWins = remoteStamp > localStamp;
  const winner = remoteWins ? remote : local;
  const loser = remoteWins ? local : remote;
  const losingStamp = remoteWins ? localStamp : remoteStamp;
  const winningStamp = remoteWins ? remoteStamp : localStamp;
  if (knows(winningStamp, replacedStamps(winner, field), losingStamp)) return { winner };
  // Deleting and undeleting are whole-record acts shown as such (outcome "deleted"), not field values.
  if (FLAG_FIELDS.has(field)) return { winner };
  if (sameValue(valueOf(loser, field), valueOf(winner, field))) return { winner };
  return {
    winner,
    conflict: {
      field, losingValue: valueOf(loser, field), losingStamp, winningStamp, losingSide: remoteWins ? 'local' : 'remote',
    },
  };
}

function mergeLive(local: SyncRecord, remote: SyncRecord): { record: SyncRecord; conflicts: FieldConflict[]; tieFlipped: boolean } {
  const fields = new Set([...Object.keys(local.versions), ...Object.keys(remote.versions)]);
  const versions: Record<string, string> = {};
  const replaced: Record<string, string[]> = {};
  const data: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  let deleted: 0 | 1 = 0;
  let tieFlipped = false;
  for (const field of [...fields].sort()) {
    const { winner, conflict } = resolveField(local, remote, field);
    // Equal stamps but the remote value was taken: data changed though no stamp did.
    if (winner === remote && local.versions[field] === remote.versions[field]) tieFlipped = true;
    versions[field] = winner.versions[field];
    if (!FLAG_FIELDS.has(field)) {
      const known = knownAfterMerge(local, remote, field, versions[field]);
      if (known.length > 0) replaced[field] = known;
    }
    if (conflict) conflicts.push(conflict);
    if (field === 'deleted') deleted = winner.deleted;
    else if (!FLAG_FIELDS.has(field) && winner[field] !== undefined) data[field] = winner[field];
  }
  const record: SyncRecord = {
    ...data,
    id: local.id,
    ...pickCreation(local, remote),
    updatedAt: laterOf(local.updatedAt, remote.updatedAt),
    versions,
    ...(Object.keys(replaced).length > 0 ? { replaced } : {}),
    deleted,
    erased: 0,
  };
  return { record, conflicts, tieFlipped };
}

/**
 * The common case of a re-import: both sides hold the very same writes (identical stamps, creation
 * and values). The stamps alone are not enough: the same stamp with another value is a damaged peer,
 * which the tie rule of `resolveField` must settle, so values are compared too (cheaply, no JSON).
 */
function isSameWrite(local: SyncRecord, remote: SyncRecord): boolean {
  if (!sameVersions(local.versions, remote.versions)) return false;
  if (local.createdAt !== remote.createdAt || local.authorDevice !== remote.authorDevice) return false;
  if (!sameReplaced(local, remote)) return false;
  for (const field in local.versions) if (!deepEqual(local[field], remote[field])) return false;
  return true;
}

/**
 * What `mergeLive` returns when every field's winner is the local side (equal stamps, equal values),
 * built without walking the fields: the stored record, with the later `updatedAt`, never written.
 */
function unchangedRecord(local: SyncRecord, remote: SyncRecord): SyncRecord {
  const record = withoutSeq(local);
  record.updatedAt = laterOf(local.updatedAt, remote.updatedAt);
  record.erased = 0;
  if (record.replaced && Object.keys(record.replaced).length === 0) delete record.replaced; // as mergeLive
  return record;
}

/**
 * Merge `remote` (from a bundle) into `local` (stored here, or undefined when new). `erased` is
 * absorbing: once either side is erased, the result is the payload-free erased record, forever.
 */
export function mergeRecord(local: SyncRecord | undefined, remote: SyncRecord): MergeResult {
  if (local && local.id !== remote.id) throw new Error(`cannot merge different records: ${local.id} / ${remote.id}`);
  if (!local) {
    const record = remote.erased ? withSeal(mergeErased(undefined, remote), undefined, remote) : withoutSeq(remote);
    return { record, changed: true, outcome: record.deleted ? 'deleted' : 'new', conflicts: [] };
  }
  if (local.erased || remote.erased) {
    const record = withSeal(mergeErased(local, remote), local, remote);
    const changed = !local.erased || !sameVersions(local.versions, record.versions);
    return { record, changed, outcome: !changed ? 'unchanged' : local.deleted ? 'updated' : 'deleted', conflicts: [] };
  }
  if (isSameWrite(local, remote)) {
    return { record: unchangedRecord(local, remote), changed: false, outcome: 'unchanged', conflicts: [] };
  }
  const { record: mixed, conflicts, tieFlipped } = mergeLive(local, remote);
  const record = withSeal(mixed, local, remote);
  const changed = tieFlipped || !sameVersions(local.versions, record.versions) || !sameReplaced(local, record)
    || local.createdAt !== record.createdAt || local.authorDevice !== record.authorDevice;
  const outcome: MergeOutcome = conflicts.length > 0 ? 'conflicting'
    : !changed ? 'unchanged'
      : record.deleted && !local.deleted ? 'deleted'
        : 'updated';
  return { record, changed, outcome, conflicts };
}

/**
 * The part of a record every device must agree on after a full exchange: no `seq`, no `updatedAt`, and
 * no seal (an attestation of the content by its author, not content: a device may hold the very
 * same version unsealed, e.g. before its author exported it).
 */
export function syncedContent(record: SyncRecord): string {
  const copy: Record<string, unknown> = { ...record };
  delete copy.seq;
  delete copy.updatedAt;
  delete copy.seal;
  return canonicalJson(copy);
}
