/**
 * Refusals say what was wrong: every hostile bundle of the corpus is refused with a precise reason
 * whose message exists in French and English and is not the generic one of its code; a passphrase
 * bundle asking for more scrypt work than allowed is refused from its header, before any work.
 */
import { describe, expect, it } from 'vitest';
import fr from '../../../../locales/fr/sync.json';
import en from '../../../../locales/en/sync.json';
import { frame, MAX_SCRYPT_WORK_FACTOR, openBundle, scryptWorkFactors, sealBundle } from './bundle';
import { BUNDLE_ERROR_CODES, BUNDLE_ERROR_REASONS, BundleError, bundleErrorCode, bundleErrorReason } from './errors';
import { RECORD_VALIDATORS } from './validators';
import { buildHostileCorpus, deviceOf, testCard, villageRecord } from '../../testkit/hostileCorpus';
import { testDeviceKeys } from '../../testkit/keys';

const sender = await testDeviceKeys();
const receiver = await testDeviceKeys();
const validators = RECORD_VALIDATORS;
const LIMITS = { maxFileBytes: 512 << 20, maxManifestBytes: 256 << 10, maxInflatedBytes: 8 << 20, maxRecords: 100_000, maxRecordBytes: 1 << 20 };

type Messages = { errors: Record<string, string>; errorReasons: Record<string, Record<string, string>> };

describe('every refusal has its own message', () => {
  it.each([['fr', fr], ['en', en]] as const)('%s: each code, and each reason of each code', (_lang, messages: Messages) => {
    for (const code of BUNDLE_ERROR_CODES) expect(messages.errors[code], code).toBeTruthy();
    for (const [code, reasons] of Object.entries(BUNDLE_ERROR_REASONS)) {
      for (const reason of reasons) {
        expect(messages.errorReasons[code]?.[reason], `${code}.${reason}`).toBeTruthy();
      }
    }
  });

  it('the reason survives a Worker (only the message crosses) and an unknown reason is ignored', () => {
    const error = new BundleError('corrupted', 'payload hash', 'payloadHash');
    const crossed = new Error(error.message);
    expect(bundleErrorCode(crossed)).toBe('corrupted');
    expect(bundleErrorReason(crossed)).toBe('payloadHash');
    expect(bundleErrorReason(new Error('corrupted.everything: x'))).toBeUndefined();
    expect(bundleErrorCode(new Error('needsPassphrase'))).toBe('needsPassphrase');
  });

  it('each hostile bundle is refused with a reason its message names, never the generic "damaged"', async () => {
    const corpus = await buildHostileCorpus(sender, { identity: receiver.ageIdentity, recipient: receiver.ageRecipient });
    const generic = new Set([fr.errors.corrupted, fr.errors.tooLarge, fr.errors.truncated]);
    for (const hostile of corpus) {
      const error = await openBundle(hostile.bytes, hostile.secrets, { validators, limits: LIMITS }).then(() => undefined, (e: unknown) => e);
      const code = bundleErrorCode(error);
      expect(code, hostile.name).toBe(hostile.expected);
      if (code && code in BUNDLE_ERROR_REASONS) {
        const reason = bundleErrorReason(error);
        expect(reason, `${hostile.name}: ${String(error)}`).toBeDefined();
        const message = (fr as Messages).errorReasons[code][reason!];
        expect(generic.has(message), hostile.name).toBe(false);
      }
    }
  });
});

describe('the scrypt work factor', () => {
  /** A passphrase bundle sealed cheaply (work factor 2). */
  async function sealed(): Promise<Uint8Array> {
    const { bytes } = await sealBundle({
      app: 'test', bundleId: '0195c72d-c111-7c36-a109-67a1da361f1e', kind: 'full', createdAt: new Date().toISOString(), since: null,
      source: await testCard(sender, 'A'),
      range: { from: 1, to: 1 }, entries: [{ kind: 'village', record: villageRecord({}, undefined, deviceOf(sender)) }], signer: sender.signer,
      protection: { type: 'passphrase', passphrase: 'lanterne-cirque', workFactor: 2 },
    });
    return bytes;
  }

  /** The same, its age header edited to ask for `logN`. */
  async function askingFor(logN: number): Promise<Uint8Array> {
    const bytes = await sealed();
    const body = new TextDecoder('latin1').decode(bytes.subarray(14));
    const edited = body.replace(/(-> scrypt \S+) 2\n/, `$1 ${logN}\n`);
    expect(edited).not.toBe(body);
    return frame('passphrase', Uint8Array.from(edited, (c) => c.charCodeAt(0)));
  }

  it('is capped at 20: what age-encryption can open; the age CLI\'s own cap (22) is higher', () => {
    expect(MAX_SCRYPT_WORK_FACTOR).toBe(20);
  });

  it('is read from the age header', async () => {
    const bytes = await askingFor(7);
    expect(scryptWorkFactors(bytes.subarray(14))).toEqual([7]);
  });

  it.each([21, 22, 30, 64, 1_000_000])('refuses %i from the header, before asking for the passphrase or doing any work', async (logN) => {
    const bytes = await askingFor(logN);
    for (const secrets of [{}, { passphrase: 'lanterne-cirque' }]) {
      const started = performance.now();
      const error = await openBundle(bytes, secrets, { validators }).then(() => undefined, (e: unknown) => e);
      expect(bundleErrorCode(error)).toBe('workFactorTooHigh');
      expect(performance.now() - started).toBeLessThan(1000); // 2^21 scrypt alone would take seconds and 2 GiB
    }
  });

  it('lets through what is below the cap: the passphrase is asked for, then the bundle opens', async () => {
    const bytes = await sealed();
    await expect(openBundle(bytes, {}, { validators }).catch(bundleErrorCode)).resolves.toBe('needsPassphrase');
    await expect(openBundle(bytes, { passphrase: 'lanterne-cirque' }, { validators })).resolves.toMatchObject({ manifest: { recordCount: 1 } });
    // Edited within the cap, the work is done and derives another key: it reads as a wrong passphrase, not as too much work.
    const error = await openBundle(await askingFor(3), { passphrase: 'lanterne-cirque' }, { validators }).then(() => undefined, (e: unknown) => e);
    expect(bundleErrorCode(error)).toBe('wrongPassphrase');
  });
});
