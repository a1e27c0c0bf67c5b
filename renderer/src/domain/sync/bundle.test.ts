/**
 * The bundle codec's streaming paths: the payload written batch by batch through the native gzip, read
 * back through the native gunzip (lines straddling chunk boundaries, limits counted on inflated bytes),
 * and a bundle the receiver already holds answered without its records.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { bundleKey, openBundle, PayloadWriter, sealBundle, type BundleLimits } from './bundle';
import { bundleErrorCode } from './errors';
import { testDeviceKeys } from '../../testkit/keys';
import { forgeBundle, testCard, villageRecord } from '../../testkit/hostileCorpus';
import { RECORD_VALIDATORS } from './validators';
import { syncedContent } from './merge';
import type { BundleEntry } from './records';

const keys = await testDeviceKeys();
const validators = RECORD_VALIDATORS;
const LIMITS: BundleLimits = { maxFileBytes: 64 << 20, maxManifestBytes: 256 << 10, maxInflatedBytes: 8 << 20, maxRecords: 100_000, maxRecordBytes: 1 << 20 };

/** Villages with notes long enough that records straddle the inflater's output chunks. */
function villages(count: number): BundleEntry[] {
  const base = Date.parse('2025-03-03T09:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const record = villageRecord({}, base + i);
    record.population = i;
    record.versions = { ...record.versions, population: record.versions.commune };
    return { kind: 'village' as const, record };
  });
}

async function seal(entries: BundleEntry[]): Promise<{ bytes: Uint8Array; key: string }> {
  const { bytes, manifest } = await sealBundle({
    app: 'test', bundleId: '0195c72d-c111-7c36-a109-67a1da361f1e', kind: 'full', createdAt: new Date().toISOString(), since: null,
    source: await testCard(keys), range: { from: 1, to: entries.length }, entries, signer: keys.signer, protection: { type: 'none' },
  });
  return { bytes, key: bundleKey(manifest) };
}

describe('streamed payload', () => {
  it('round-trips thousands of records written in several batches', async () => {
    const entries = villages(4500); // three batches of the sealer, dozens of inflater chunks
    const { bytes } = await seal(entries);
    const opened = await openBundle(bytes, {}, { validators, limits: LIMITS });
    expect(opened.alreadyImported).toBeUndefined();
    expect(opened.manifest.recordCount).toBe(4500);
    expect(opened.manifest.counts).toEqual({ village: 4500 });
    expect(opened.entries.map((e) => syncedContent(e.record))).toEqual(entries.map((e) => syncedContent(e.record)));
  });

  it('counts what the writer was given, and says whether it holds personal data', async () => {
    const writer = new PayloadWriter();
    await writer.add(villages(3));
    await writer.add([]);
    await writer.add(villages(2));
    const payload = await writer.finish();
    expect(payload.recordCount).toBe(5);
    expect(payload.counts).toEqual({ village: 5 });
    expect(payload.personalData).toBe(false);
    const lines = new TextDecoder().decode(await gunzip(payload.bytes)).split('\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => !line.includes('"seq"'))).toBe(true);
  });
});

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('inflating hostile payloads', () => {
  it('stops a bomb at the inflated-bytes limit, whatever the manifest declares', async () => {
    const bomb = gzipSync(new Uint8Array(64 << 20), { level: 9 }); // 64 MB of zeros in ~64 kB
    const bytes = await forgeBundle({ keys, payload: bomb, manifest: (m) => ({ ...m, recordCount: 1, counts: { village: 1 } }) });
    const error = await openBundle(bytes, {}, { validators, limits: LIMITS }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('tooLarge');
  });

  it('refuses a signed payload whose gzip stream is cut short', async () => {
    const whole = gzipSync(new TextEncoder().encode(`${JSON.stringify({ kind: 'village', record: villageRecord() })}\n`.repeat(50)));
    const bytes = await forgeBundle({ keys, payload: whole.subarray(0, whole.length - 30), manifest: (m) => ({ ...m, recordCount: 50, counts: { village: 50 } }) });
    const error = await openBundle(bytes, {}, { validators, limits: LIMITS }).catch((e: unknown) => e);
    expect(['truncated', 'corrupted']).toContain(bundleErrorCode(error));
  });

  it('refuses a payload that is not gzip at all', async () => {
    const bytes = await forgeBundle({ keys, payload: new TextEncoder().encode('{"kind":"village"}'), manifest: (m) => ({ ...m, recordCount: 1, counts: { village: 1 } }) });
    const error = await openBundle(bytes, {}, { validators, limits: LIMITS }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('corrupted');
  });
});

describe('a bundle already imported', () => {
  it('is recognised after its signature is checked, without reading its records', async () => {
    const { bytes, key } = await seal(villages(10));
    const asked: string[] = [];
    const opened = await openBundle(bytes, {}, { validators, isKnownBundle: (id) => { asked.push(id); return true; } });
    expect(asked).toEqual([key]);
    expect(key).toMatch(/^[0-9a-f]{32}\/0195c72d-c111-7c36-a109-67a1da361f1e\/[0-9a-f]{64}$/);
    expect(opened.alreadyImported).toBe(true);
    expect(opened.entries).toHaveLength(0);
    expect(opened.manifest.recordCount).toBe(10);
  });

  it('is opened in full when the history does not hold it', async () => {
    const { bytes } = await seal(villages(10));
    const opened = await openBundle(bytes, {}, { validators, isKnownBundle: async () => false });
    expect(opened.alreadyImported).toBeUndefined();
    expect(opened.entries).toHaveLength(10);
  });

  it('is still refused when damaged: the signature is checked before the history is asked', async () => {
    const { bytes } = await seal(villages(3));
    const damaged = bytes.slice();
    damaged[40] ^= 0xff; // inside the manifest
    const error = await openBundle(damaged, {}, { validators, isKnownBundle: () => true }).catch((e: unknown) => e);
    expect(bundleErrorCode(error)).not.toBeUndefined();
  });
});
