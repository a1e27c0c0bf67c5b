import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { generateDataset } from '../../../../bench/generate';
import type { RecordKind } from '../kinds';
import type { SyncRecord } from './merge';
import { eachEntry, entryCount, inChunksByKind, packRecords, transferablesOf, unpackChunk } from './packed';
import type { BundleEntry } from './records';

const KINDS: RecordKind[] = ['village', 'place', 'activity'];

/** Stamps per field, from a few stamps so that runs of one stamp, broken runs and repeats all occur. */
const someVersions = fc.uniqueArray(fc.tuple(fc.constantFrom('type', 'date', 'duree', 'tags', 'deleted', 'placeId', '__proto__x', 'é'), fc.constantFrom('s1', 's2', 's3')), { selector: ([field]) => field, maxLength: 8 })
  .map((pairs) => Object.fromEntries(pairs));

/** Records of a few kinds, ids drawn from a small alphabet so repeats and disorder are common. */
const someEntries = fc.array(
  fc.record({ kind: fc.constantFrom(...KINDS), id: fc.stringMatching(/^[a-e]{1,2}$/), n: fc.integer(), note: fc.option(fc.string(), { nil: undefined }), versions: someVersions }),
  { maxLength: 60 },
).map((rows) => rows.map(({ kind, id, n, note, versions }): BundleEntry => ({ kind, record: { id, n, ...(note === undefined ? {} : { note }), versions } as unknown as SyncRecord })));

/** What a walk of `inChunksByKind` hands out: kind, then each chunk's records as JSON. */
function walked(entries: Parameters<typeof inChunksByKind>[0], chunkSize: number) {
  return inChunksByKind(entries, chunkSize).map(({ kind, count, chunks }) => ({ kind, count, chunks: [...chunks].map((chunk) => JSON.stringify(chunk)) }));
}

describe('packed records', () => {
  it('walk exactly as the decoded records do: same kinds, same sorted chunks, repeats in their order', () => {
    fc.assert(fc.property(someEntries, fc.integer({ min: 1, max: 7 }), (entries, chunkSize) => {
      const packed = packRecords(entries, chunkSize);
      expect(entryCount(packed)).toBe(entries.length);
      expect(walked(packed, chunkSize)).toEqual(walked(entries, chunkSize));
      // Sorted by id within each kind, and nothing lost or invented.
      for (const { chunks } of inChunksByKind(packed, chunkSize)) {
        const ids = [...chunks].flat().map((r) => r.id);
        expect(ids).toEqual([...ids].sort());
      }
      const back = [...eachEntry(packed, chunkSize)].map((e) => `${e.kind}:${JSON.stringify(e.record)}`).sort();
      expect(back).toEqual(entries.map((e) => `${e.kind}:${JSON.stringify(e.record)}`).sort());
    }));
  });

  it('keeps repeats of one record in the order they came (the later merges over the earlier)', () => {
    const first = { id: 'a', n: 1, versions: {} } as unknown as SyncRecord;
    const second = { id: 'a', n: 2, versions: {} } as unknown as SyncRecord;
    const packed = packRecords([{ kind: 'village', record: { id: 'b', versions: {} } as unknown as SyncRecord }, { kind: 'village', record: first }, { kind: 'village', record: second }], 2);
    expect([...inChunksByKind(packed, 2)[0].chunks].map((chunk) => chunk.map((r) => (r as unknown as { n?: number }).n ?? null))).toEqual([[1, 2], [null]]);
  });

  it('holds real activities as compact JSON bytes, outside the heap, and decodes a chunk only when the walk reaches it', () => {
    const activities = generateDataset(10_000).activities.slice(0, 3000);
    const packed = packRecords(activities.map((record) => ({ kind: 'activity' as const, record: record as unknown as SyncRecord })), 2000);
    expect(packed.kinds[0].chunks.every((chunk) => chunk.buffer instanceof ArrayBuffer)).toBe(true);
    // Each stamp once per run of fields: well under the records' own JSON (1,685 characters an activity).
    const bytes = packed.kinds[0].chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    expect(bytes).toBeLessThan(0.7 * JSON.stringify(activities).length);
    const parse = vi.spyOn(JSON, 'parse');
    const [walk] = inChunksByKind(packed, 2000);
    const chunks = walk.chunks[Symbol.iterator]();
    expect(parse).not.toHaveBeenCalled();
    const first = chunks.next().value as SyncRecord[];
    expect(parse).toHaveBeenCalledTimes(1);
    const byId = [...activities].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(first).toEqual(JSON.parse(JSON.stringify(byId.slice(0, 2000))));
    expect(unpackChunk(packed.kinds[0].chunks[1])).toHaveLength(1000);
    parse.mockRestore();
  });

  it('hands over one buffer of its own per chunk, to be transferred', () => {
    const packed = packRecords([...'abcdefg'].map((id) => ({ kind: 'village' as const, record: { id, versions: {} } as unknown as SyncRecord })), 3);
    const buffers = transferablesOf(packed);
    expect(buffers).toHaveLength(3);
    expect(new Set(buffers).size).toBe(3);
    expect(buffers.map((b) => b.byteLength)).toEqual(packed.kinds[0].chunks.map((c) => c.byteLength));
    expect(transferablesOf([])).toEqual([]);
  });
});
