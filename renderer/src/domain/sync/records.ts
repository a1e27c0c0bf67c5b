/**
 * Structural checks of a record received in a bundle, before the domain validators see its data:
 * ids, stamps, flags and the promise that an erased record carries no payload. A record whose stamps
 * are far in the future (a sender's clock set days ahead) is not refused but quarantined: applied, it
 * would win every later edit for days.
 */
import { dataOf, META_FIELDS } from '../records';
import { RECORD_KIND_DECLARATIONS, type RecordKind } from '../kinds';
import { deviceOfStamp, MAX_DRIFT_MS, parseStamp, type ParsedStamp } from '../hlc';
import { ANY_DEVICE_ID_PATTERN, UUID_PATTERN } from '../ids';
import type { ValidationIssue } from '../validation';
import { isPlainObject } from './safety';
import type { SyncRecord } from './merge';

export type DataValidator = (data: never) => ValidationIssue[];
export type ValidatorRegistry = Partial<Record<RecordKind, DataValidator>>;

export interface BundleEntry {
  kind: RecordKind;
  record: SyncRecord;
}

export type RecordCheck =
  | { status: 'ok' }
  | { status: 'future'; stamp: string }
  | { status: 'invalid'; reason: string; issues?: ValidationIssue[] };

const META = new Set<string>(META_FIELDS);
const FLAGS = new Set(['deleted', 'erased']);

/**
 * Stamps already parsed while opening one bundle. A record's fields mostly share one or two stamps, and
 * parsing one is a regular expression plus `Date.parse`: worth doing once per distinct stamp.
 */
export type StampCache = Map<string, ParsedStamp | null>;
/** Past this many distinct stamps the cache starts over: it must never grow with the bundle. */
const STAMP_CACHE_LIMIT = 4096;

export function createStampCache(): StampCache {
  return new Map();
}

/**
 * One string for each distinct stamp of an opened bundle: `JSON.parse` makes a new string for every
 * field's stamp (about twenty a record, mostly the same one), and 100k records held them apart —
 * hundreds of MB of an import's heap (bench scenario 6). Same values, shared; the map starts over past
 * STAMP_CACHE_LIMIT entries, so it never grows with the bundle.
 */
export function shareStamps(record: SyncRecord, shared: Map<string, string>): void {
  const versions = record.versions as Record<string, string>;
  for (const field in versions) {
    const stamp = versions[field];
    const known = shared.get(stamp);
    if (known !== undefined) versions[field] = known;
    else {
      if (shared.size >= STAMP_CACHE_LIMIT) shared.clear();
      shared.set(stamp, stamp);
    }
  }
}

function parseStampOnce(stamp: string, cache: StampCache | undefined): ParsedStamp | null {
  if (!cache) return parseStamp(stamp);
  const known = cache.get(stamp);
  if (known !== undefined) return known;
  const parsed = parseStamp(stamp);
  if (cache.size >= STAMP_CACHE_LIMIT) cache.clear();
  cache.set(stamp, parsed);
  return parsed;
}

function isIsoDateTime(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));
}

function checkMeta(record: Record<string, unknown>): string | null {
  if (typeof record.id !== 'string' || !UUID_PATTERN.test(record.id)) return 'id';
  if (!isIsoDateTime(record.createdAt) || !isIsoDateTime(record.updatedAt)) return 'dates';
  if (typeof record.authorDevice !== 'string' || !ANY_DEVICE_ID_PATTERN.test(record.authorDevice)) return 'authorDevice';
  if (record.deleted !== 0 && record.deleted !== 1) return 'deleted';
  if (record.erased !== 0 && record.erased !== 1) return 'erased';
  if (record.seq !== undefined && typeof record.seq !== 'number') return 'seq';
  if (!isPlainObject(record.versions)) return 'versions';
  if (record.replaced !== undefined && !isPlainObject(record.replaced)) return 'replaced';
  if (record.seal !== undefined && !(typeof record.seal === 'string' && UUID_PATTERN.test(record.seal))) return 'seal';
  return null;
}

/**
 * `replaced[field]`: stamps older than the field's own, in the one spelling the merge writes (sorted,
 * one per device, none of the value's own device), so that equal histories compare equal. A single
 * stamp is how records were written before per-device lists.
 */
function checkReplaced(entry: unknown, version: string | undefined, stamps: StampCache | undefined): string | null {
  if (version === undefined) return 'field unstamped';
  const list: unknown[] = typeof entry === 'string' ? [entry] : Array.isArray(entry) && entry.length > 0 ? entry : [];
  if (list.length === 0) return 'not a stamp or a list of stamps';
  const devices = new Set<string>();
  for (const [i, stamp] of list.entries()) {
    if (typeof stamp !== 'string' || parseStampOnce(stamp, stamps) === null) return 'not a stamp';
    if (stamp >= version) return 'not older';
    if (typeof entry === 'string') continue;
    if (i > 0 && stamp <= (list[i - 1] as string)) return 'not sorted';
    if (devices.has(deviceOfStamp(stamp)) || deviceOfStamp(stamp) === deviceOfStamp(version)) return 'device repeated';
    devices.add(deviceOfStamp(stamp));
  }
  return null;
}

/** Every stamp well formed; every data field stamped; flags stamped; an erasure leaves no payload. */
function checkVersions(record: SyncRecord, stamps: StampCache | undefined): string | null {
  const versions = record.versions;
  for (const [field, stamp] of Object.entries(versions)) {
    if (typeof stamp !== 'string' || parseStampOnce(stamp, stamps) === null) return `stamp of ${field}`;
    if (META.has(field) && !FLAGS.has(field)) return `meta field ${field} stamped`;
  }
  if (versions.deleted === undefined) return 'deleted unstamped';
  for (const [field, entry] of Object.entries(record.replaced ?? {})) {
    const problem = checkReplaced(entry, versions[field], stamps);
    if (problem) return `replaced stamps of ${field}: ${problem}`;
  }
  const dataKeys = Object.keys(dataOf(record));
  if (record.erased === 1) {
    if (record.deleted !== 1 || versions.erased === undefined) return 'erasure incomplete';
    if (dataKeys.length > 0 || Object.keys(versions).some((f) => !FLAGS.has(f))) return 'erased record holds data';
    if (record.replaced !== undefined) return 'erased record holds history';
    return null;
  }
  if (versions.erased !== undefined) return 'erased stamp on a live record';
  const unstamped = dataKeys.find((key) => versions[key] === undefined);
  return unstamped ? `field ${unstamped} unstamped` : null;
}

/**
 * Fields the kind does not declare, whether they hold a value or only a stamp (a value removed): named,
 * so the refusal says which field (a `telephone` on a followed person is not a typo to guess at).
 */
function undeclaredFields(kind: RecordKind, record: SyncRecord): ValidationIssue[] {
  const declared = RECORD_KIND_DECLARATIONS[kind].fields as object;
  const unknown: ValidationIssue[] = [];
  const note = (field: string) => unknown.push({ field, code: 'unknownField', params: { field } });
  for (const field of Object.keys(record)) if (!META.has(field) && !Object.hasOwn(declared, field)) note(field);
  for (const field of Object.keys(record.versions)) {
    if (!FLAGS.has(field) && !Object.hasOwn(declared, field) && !Object.hasOwn(record, field)) note(field);
  }
  return unknown;
}

/** The newest of a record's stamps: when it was last written, anywhere. */
export function latestStamp(versions: Record<string, string>): string {
  return Object.values(versions).reduce((a, b) => (a >= b ? a : b), '');
}

/**
 * A stamp further ahead of `now` (the receiver's wall clock) than clocks may drift: a record carrying
 * one is quarantined, not applied, until `now` catches up (applied, it would win every later edit).
 */
export function isFutureStamp(stamp: string, now: number, stamps?: StampCache): boolean {
  const parsed = parseStampOnce(stamp, stamps);
  return parsed !== null && parsed.millis > now + MAX_DRIFT_MS;
}

/** Check one entry of a bundle; `now` is the receiver's wall clock; `stamps` spares re-parsing stamps. */
export function checkRecord(kind: RecordKind, raw: unknown, validators: ValidatorRegistry, now: number, stamps?: StampCache): RecordCheck {
  if (!isPlainObject(raw)) return { status: 'invalid', reason: 'not an object' };
  const metaProblem = checkMeta(raw);
  if (metaProblem) return { status: 'invalid', reason: metaProblem };
  const record = raw as SyncRecord;
  const unknown = undeclaredFields(kind, record);
  if (unknown.length > 0) return { status: 'invalid', reason: 'data', issues: unknown };
  const versionProblem = checkVersions(record, stamps);
  if (versionProblem) return { status: 'invalid', reason: versionProblem };
  if (!record.erased) {
    const validate = validators[kind];
    // A kind without a registered validator cannot be trusted: refuse rather than store unchecked data.
    if (!validate) return { status: 'invalid', reason: `no validator for ${kind}` };
    const issues = validate(dataOf(record) as never);
    if (issues.length > 0) return { status: 'invalid', reason: 'data', issues };
  }
  const latest = latestStamp(record.versions);
  if (isFutureStamp(latest, now, stamps)) return { status: 'future', stamp: latest };
  return { status: 'ok' };
}
