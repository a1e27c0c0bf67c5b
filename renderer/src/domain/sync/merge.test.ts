import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatStamp } from '../hlc';
import { mergeRecord, replacedByEdit, syncedContent, type SyncRecord } from './merge';

/**
 * Reference model: a record's state on a device is fully determined by the set of writes that device
 * has seen (per field, the value of the highest-stamped write, and every other write of the field as
 * seen, in `replaced`; any erasure absorbs everything).
 * So merging what two devices hold must give the state of the union of their writes — which implies
 * commutativity, associativity and idempotence, independently of how merge is written.
 */
const DEVICES = ['000000000000000a', '000000000000000b', '000000000000000c'];
const FIELDS = ['code', 'genre', 'notes'];
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const CREATED = '2025-03-01T08:00:00.000Z';

type Write =
  | { type: 'set'; field: string; value: unknown; stamp: string }
  | { type: 'delete'; value: 0 | 1; stamp: string }
  | { type: 'erase'; stamp: string };

const CREATION: Write = { type: 'delete', value: 0, stamp: formatStamp(Date.parse(CREATED), 0, DEVICES[0]) };

const writeArb: fc.Arbitrary<Omit<Write, 'stamp'> & { millis: number; device: string }> = fc.record({
  millis: fc.integer({ min: Date.parse(CREATED) + 1, max: Date.parse(CREATED) + 50 }),
  device: fc.constantFrom(...DEVICES),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'erase'),
  field: fc.constantFrom(...FIELDS),
  value: fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.constant(undefined), fc.array(fc.constantFrom(1, 2), { maxLength: 2 })),
  flag: fc.constantFrom<0 | 1>(0, 1),
}).map(({ millis, device, kind, field, value, flag }) => (
  kind === 'set' ? { type: 'set', field, value, millis, device }
    : kind === 'delete' ? { type: 'delete', value: flag, millis, device }
      : { type: 'erase', millis, device }) as Omit<Write, 'stamp'> & { millis: number; device: string });

/** Unique stamps: a device never issues the same stamp twice (the counter makes them distinct). */
const writesArb = fc.array(writeArb, { minLength: 1, maxLength: 14 }).map((raw) =>
  raw.map((w, i) => ({ ...w, stamp: formatStamp(w.millis, i, w.device) }) as Write));

function stateOf(writes: readonly Write[], updatedAt = CREATED): SyncRecord {
  const base = { id: ID, createdAt: CREATED, updatedAt, authorDevice: DEVICES[0] };
  const all = [CREATION, ...writes];
  const erasures = all.filter((w) => w.type === 'erase').map((w) => w.stamp).sort();
  if (erasures.length > 0) {
    const last = erasures[erasures.length - 1];
    return { ...base, versions: { deleted: last, erased: last }, deleted: 1, erased: 1 };
  }
  const record: SyncRecord = { ...base, versions: {}, deleted: 0, erased: 0 };
  for (const w of [...all].sort((a, b) => (a.stamp < b.stamp ? -1 : 1))) {
    if (w.type === 'set') {
      record.versions[w.field] = w.stamp;
      if (w.value === undefined) delete record[w.field];
      else record[w.field] = w.value;
    } else if (w.type === 'delete') {
      record.versions.deleted = w.stamp;
      record.deleted = w.value;
    }
  }
  const replaced = seenWrites(all, record.versions);
  if (Object.keys(replaced).length > 0) record.replaced = replaced;
  return record;
}

/**
 * Per field, the writes a device holding them all has seen besides the value it keeps: for each other
 * device, its latest stamp (a device's writes are sequential: its latest stands for all before it).
 */
function seenWrites(writes: readonly Write[], versions: Record<string, string>): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const field of FIELDS) {
    const latest = new Map<string, string>();
    for (const w of writes) {
      const device = w.stamp.slice(-16);
      if (w.type !== 'set' || w.field !== field || device === versions[field].slice(-16)) continue;
      if ((latest.get(device) ?? '') < w.stamp) latest.set(device, w.stamp);
    }
    if (latest.size > 0) seen[field] = [...latest.values()].sort();
  }
  return seen;
}

const subsetsArb = writesArb.chain((writes) => fc.tuple(
  fc.constant(writes),
  fc.subarray(writes),
  fc.subarray(writes),
  fc.subarray(writes),
));

describe('merge (reference model: state of the union of writes)', () => {
  it('merging two devices gives the state of all the writes they saw', () => {
    fc.assert(fc.property(subsetsArb, ([, a, b]) => {
      const merged = mergeRecord(stateOf(a, '2025-03-02T00:00:00.000Z'), stateOf(b)).record;
      expect(syncedContent(merged)).toBe(syncedContent(stateOf([...a, ...b])));
    }), { numRuns: 500 });
  });

  it('is commutative, associative and idempotent', () => {
    fc.assert(fc.property(subsetsArb, ([, a, b, c]) => {
      const [A, B, C] = [stateOf(a), stateOf(b), stateOf(c)];
      const m = (x: SyncRecord, y: SyncRecord) => mergeRecord(x, y).record;
      expect(syncedContent(m(A, B))).toBe(syncedContent(m(B, A)));
      expect(syncedContent(m(m(A, B), C))).toBe(syncedContent(m(A, m(B, C))));
      const once = m(A, B);
      const again = mergeRecord(once, B);
      expect(again.changed).toBe(false);
      expect(again.outcome).not.toBe('updated');
    }), { numRuns: 500 });
  });

  it('reports unchanged (nothing to write) exactly when the stored record already holds everything', () => {
    fc.assert(fc.property(subsetsArb, ([, a, b]) => {
      const result = mergeRecord(stateOf(a), stateOf(b));
      const union = stateOf([...a, ...b]);
      expect(result.changed).toBe(syncedContent(union) !== syncedContent(stateOf(a)));
    }), { numRuns: 500 });
  });

  it('logs the losing value of a same-field race between two devices, never an erased payload', () => {
    fc.assert(fc.property(subsetsArb, ([, a, b]) => {
      const local = stateOf(a);
      const remote = stateOf(b);
      const { record, conflicts } = mergeRecord(local, remote);
      if (record.erased) expect(conflicts).toEqual([]);
      for (const c of conflicts) {
        const loser = c.losingSide === 'local' ? local : remote;
        const winner = c.losingSide === 'local' ? remote : local;
        expect(c.losingStamp < c.winningStamp).toBe(true);
        expect(loser.versions[c.field]).toBe(c.losingStamp);
        expect(winner.versions[c.field]).toBe(c.winningStamp);
        expect(c.field === 'deleted' ? loser.deleted : loser[c.field]).toEqual(c.losingValue);
        expect(c.losingStamp.slice(-16)).not.toBe(c.winningStamp.slice(-16));
      }
    }), { numRuns: 500 });
  });
});

describe('merge examples', () => {
  const stamp = (ms: number, device: string) => formatStamp(Date.parse(CREATED) + ms, 0, device);

  it('keeps concurrent edits of different fields from both devices', () => {
    const local = stateOf([{ type: 'set', field: 'code', value: 'B-1', stamp: stamp(5, DEVICES[0]) }]);
    const remote = stateOf([{ type: 'set', field: 'genre', value: 'feminin', stamp: stamp(3, DEVICES[1]) }]);
    const { record, outcome, conflicts } = mergeRecord(local, remote);
    expect(record.code).toBe('B-1');
    expect(record.genre).toBe('feminin');
    expect(outcome).toBe('updated');
    expect(conflicts).toEqual([]);
  });

  it('keeps the later value of a same-field race and logs the other', () => {
    const local = stateOf([{ type: 'set', field: 'notes', value: 'ici', stamp: stamp(5, DEVICES[0]) }]);
    const remote = stateOf([{ type: 'set', field: 'notes', value: 'là', stamp: stamp(9, DEVICES[1]) }]);
    const { record, outcome, conflicts } = mergeRecord(local, remote);
    expect(record.notes).toBe('là');
    expect(outcome).toBe('conflicting');
    expect(conflicts).toEqual([{ field: 'notes', losingValue: 'ici', losingStamp: stamp(5, DEVICES[0]), winningStamp: stamp(9, DEVICES[1]), losingSide: 'local' }]);
  });

  it('an erasure can never be revived by an older or newer edit', () => {
    const erased = stateOf([{ type: 'erase', stamp: stamp(2, DEVICES[1]) }]);
    const edited = stateOf([{ type: 'set', field: 'code', value: 'B-9', stamp: stamp(40, DEVICES[0]) }]);
    for (const [a, b] of [[erased, edited], [edited, erased]]) {
      const { record } = mergeRecord(a, b);
      expect(record.erased).toBe(1);
      expect(record.code).toBeUndefined();
      expect(Object.keys(record.versions).sort()).toEqual(['deleted', 'erased']);
    }
  });

  it('a tombstone wins over older edits, and an edit made after it does not undelete', () => {
    const deleted = stateOf([{ type: 'delete', value: 1, stamp: stamp(10, DEVICES[1]) }]);
    const older = stateOf([{ type: 'set', field: 'code', value: 'B-2', stamp: stamp(4, DEVICES[0]) }]);
    const { record, outcome } = mergeRecord(older, deleted);
    expect(record.deleted).toBe(1);
    expect(record.code).toBe('B-2');
    expect(outcome).toBe('deleted');
  });
});

describe('update or race: what the winning edit had seen', () => {
  const [A, B, C] = DEVICES;
  const s = (second: number, device: string) => formatStamp(Date.parse(CREATED) + second * 1000, 0, device);
  /** The record with `genre` written at `stamp`, after replacing `replaced` (per other device, the latest). */
  const base = (genre: string, stamp: string, replaced: string[] = []): SyncRecord => ({
    id: ID, createdAt: CREATED, updatedAt: CREATED, authorDevice: A,
    versions: { deleted: s(0, A), code: s(0, A), genre: stamp },
    ...(replaced.length > 0 ? { replaced: { genre: replaced } } : {}),
    deleted: 0, erased: 0, code: 'B-1', genre,
  });

  it('an edit made after seeing the other value is an update, not a conflict', () => {
    const original = base('feminin', s(0, A));
    const editedOnB = base('masculin', s(60, B), [s(0, A)]);
    const result = mergeRecord(original, editedOnB);
    expect(result.conflicts).toEqual([]);
    expect(result.outcome).toBe('updated');
    expect(result.record.genre).toBe('masculin');
    expect(result.record.replaced).toEqual({ genre: [s(0, A)] });
  });

  it('an edit records what the stored value had replaced, and the stored value, per device', () => {
    const stored = base('masculin', s(60, B), [s(0, A)]);
    expect(replacedByEdit(stored, 'genre', s(90, C))).toEqual([s(0, A), s(60, B)]);
    // Its own device's earlier writes go without saying: its new stamp is later than all of them.
    expect(replacedByEdit(stored, 'genre', s(90, B))).toEqual([s(0, A)]);
    expect(replacedByEdit(stored, 'notes', s(90, C))).toEqual([]);
  });

  it('two edits of the same value made without seeing each other are a conflict, whichever side arrives', () => {
    const onA = base('non_communique', s(30, A));
    const onB = base('masculin', s(60, B), [s(0, A)]);
    for (const [local, remote] of [[onA, onB], [onB, onA]]) {
      const result = mergeRecord(local, remote);
      expect(result.record.genre).toBe('masculin');
      expect(result.conflicts).toEqual([expect.objectContaining({ field: 'genre', losingValue: 'non_communique', losingStamp: s(30, A) })]);
    }
  });

  it('a value written on one device after the other edit it had not seen still conflicts', () => {
    // B replaced the creation value; A, unaware of B, wrote later: A wins, B's value is logged.
    const onB = base('masculin', s(60, B), [s(0, A)]);
    const onA = base('feminin', s(90, A));
    const result = mergeRecord(onB, onA);
    expect(result.record.genre).toBe('feminin');
    expect(result.conflicts.map((c) => c.losingValue)).toEqual(['masculin']);
  });

  it('a value its author had already overwritten, arriving late, is not a conflict (fast-check seed -756548059)', () => {
    // B wrote 'b' then 'c'; C, who had only seen the original, wrote 'd'. After every laptop has
    // merged everything, B's first bundle arrives late somewhere: 'b' was replaced by its own author.
    const bFirst = base('b', s(20, B), [s(0, A)]);
    const bThen = base('c', s(40, B), [s(0, A)]);
    const onC = base('d', s(60, C), [s(0, A)]);
    const final = mergeRecord(bThen, onC);
    expect(final.conflicts.map((c) => c.losingValue)).toEqual(['c']); // the real race: c against d
    for (const [local, remote] of [[final.record, bFirst], [bFirst, final.record]]) {
      const late = mergeRecord(local, remote);
      expect(late.record.genre).toBe('d');
      expect(late.conflicts).toEqual([]);
    }
    expect(mergeRecord(final.record, bFirst).changed).toBe(false);
  });

  it('a race found on one laptop is not raised again on another by a late bundle, and is found where it was not', () => {
    const onA = base('b', s(30, A));
    const onB = base('c', s(60, B), [s(0, A)]);
    const foundOnA = mergeRecord(onA, onB);
    expect(foundOnA.conflicts.map((c) => c.losingValue)).toEqual(['b']);
    // C receives A's record after that merge, then A's older bundle: the race is A's log already.
    const late = mergeRecord(foundOnA.record, onA);
    expect(late).toMatchObject({ changed: false, conflicts: [] });
    // C receiving B's and A's values on their own finds the race itself.
    expect(mergeRecord(onB, onA).conflicts.map((c) => c.losingValue)).toEqual(['b']);
  });

  it('stamps of different devices say nothing of what was seen: a race with an older stamp is still logged', () => {
    // A wrote at 10 s, B at 12 s without seeing it; C saw B's value only and replaced it at 15 s.
    // Clocks put A's stamp before what C replaced, but C never saw A's value: it lost a race.
    const onA = base('a', s(10, A));
    const onB = base('b', s(12, B), [s(0, A)]);
    const onC = base('c', s(15, C), replacedByEdit(onB, 'genre', s(15, C)));
    for (const [local, remote] of [[onC, onA], [onA, onC]]) {
      const result = mergeRecord(local, remote);
      expect(result.record.genre).toBe('c');
      expect(result.conflicts).toEqual([expect.objectContaining({ losingValue: 'a', losingStamp: s(10, A) })]);
    }
  });

  it('reads a record written before per-device lists (one stamp) as a list of one, rewritten once as a list', () => {
    const original = base('feminin', s(0, A));
    const written = base('masculin', s(60, B), [s(0, A)]);
    const older = { ...written, replaced: { genre: s(0, A) } };
    expect(mergeRecord(original, older)).toMatchObject({ conflicts: [], record: { replaced: { genre: [s(0, A)] } } });
    const rewritten = mergeRecord(older, written);
    expect(rewritten).toMatchObject({ changed: true, conflicts: [], record: { replaced: { genre: [s(0, A)] } } });
    expect(mergeRecord(rewritten.record, older).changed).toBe(false);
  });
});

describe('re-import fast path (identical writes on both sides)', () => {
  const stamp = formatStamp(Date.parse(CREATED), 0, DEVICES[0]);
  const record = (values: Record<string, unknown>): SyncRecord => ({
    id: ID, createdAt: CREATED, updatedAt: CREATED, authorDevice: DEVICES[0],
    versions: { deleted: stamp, code: stamp, counts: stamp, tags: stamp }, deleted: 0, erased: 0, ...values,
  });

  it('reports the same writes as unchanged, never to be rewritten, whatever the key order', () => {
    const local = { ...record({ code: 'B-1', counts: { a: 1, b: 2 }, tags: ['x', 'y'] }), seq: 12 };
    const remote = record({ tags: ['x', 'y'], counts: { b: 2, a: 1 }, code: 'B-1', updatedAt: '2025-03-02T08:00:00.000Z' });
    const result = mergeRecord(local, remote);
    expect(result).toMatchObject({ changed: false, outcome: 'unchanged', conflicts: [] });
    expect(result.record.seq).toBeUndefined();
    expect(result.record.updatedAt).toBe('2025-03-02T08:00:00.000Z');
    expect(syncedContent(result.record)).toBe(syncedContent(local));
  });

  it('still settles a damaged peer (same stamps, other values) by the tie rule, the same way from both sides', () => {
    const a = record({ code: 'B-1', counts: { a: 1 }, tags: ['x'] });
    const b = record({ code: 'B-1', counts: { a: 2 }, tags: ['x'] });
    const ab = mergeRecord(a, b);
    const ba = mergeRecord(b, a);
    expect(syncedContent(ab.record)).toBe(syncedContent(ba.record));
    // Exactly one side had to take the other's value: that side is rewritten.
    expect([ab.changed, ba.changed].sort()).toEqual([false, true]);
    expect(ab.conflicts).toEqual([]);
  });

  it('does not take the fast path when the creation metadata disagrees', () => {
    const a = record({ code: 'B-1' });
    const b = { ...record({ code: 'B-1' }), createdAt: '2025-02-01T08:00:00.000Z' };
    expect(mergeRecord(a, b)).toMatchObject({ changed: true, record: { createdAt: '2025-02-01T08:00:00.000Z' } });
  });
});
