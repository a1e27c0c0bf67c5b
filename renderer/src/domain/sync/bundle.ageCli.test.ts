/**
 * The bundle format is open: docs/bundle-format.md says how to open a bundle with the reference `age`
 * CLI, check it with OpenSSL, and write a body with `age` that Relais opens. These tests run those
 * recipes exactly as the page prints them (each shell block follows a `<!-- tested: name -->` marker),
 * on bundles sealed by Relais's own code, so the documentation cannot drift from the format.
 * Where `age` (or bash, OpenSSL, util-linux `script`) is missing they skip and say why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatStamp } from '../hlc';
import { uuidv7 } from '../ids';
import { frame, openBundle, sealBundle, type BundleManifest, type ProtectionInput } from './bundle';
import { testDeviceKeys } from '../../testkit/keys';
import { signCard } from './card';
import { deviceIdOfKey } from './identity';
import { syncedContent, type SyncRecord } from './merge';
import type { BundleEntry } from './records';
import { RECORD_VALIDATORS } from './validators';

const DOC = fileURLToPath(new URL('../../../../docs/bundle-format.md', import.meta.url));
const PASSPHRASE = 'trois pommes vertes sous le pont de Lormes';

/** The shell block that follows `<!-- tested: name -->` in the bundle-format page. */
function recipe(name: string): string {
  const text = readFileSync(DOC, 'utf8');
  const marker = `<!-- tested: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`docs/bundle-format.md has no block marked "${name}"`);
  const block = /```bash\n([\s\S]*?)\n```/.exec(text.slice(at + marker.length));
  if (!block) throw new Error(`no bash block after the "${name}" marker`);
  return block[1];
}

/** Why a tool is unusable here, or null when it answers. */
function missing(command: string, args: string[], install: string, expect?: RegExp): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ok = !result.error && result.status === 0 && (!expect || expect.test(`${result.stdout}${result.stderr}`));
  return ok ? null : `${command} is not available (${install})`;
}

const noAge = missing('bash', ['--version'], 'a bash shell is needed to run the recipes')
  ?? missing('age', ['--version'], 'install it: apt-get install age, or brew install age');
const noOpenssl = missing('openssl', ['version'], 'OpenSSL 3 checks the signature', /OpenSSL 3/);
// age reads passphrases from a terminal only; util-linux `script` gives it one.
const noScript = missing('script', ['--version'], 'util-linux script types the passphrase into age', /util-linux/);

// Vitest's list of skipped tests does not say why: print the reason once.
for (const [what, reason] of [['age CLI', noAge], ['OpenSSL signature check', noOpenssl], ['age passphrases', noScript]]) {
  if (reason) console.warn(`[bundle format × ${what}] skipped: ${reason}`);
}

/** A record as the sender's repository writes it: every data field and `deleted` stamped. */
function stampedRecord(data: Record<string, unknown>, deviceId: string, millis: number, counter: number): SyncRecord {
  const stamp = formatStamp(millis, counter, deviceId);
  const at = new Date(millis).toISOString();
  const versions: Record<string, string> = { deleted: stamp };
  for (const field of Object.keys(data)) versions[field] = stamp;
  return { ...data, id: uuidv7(millis), createdAt: at, updatedAt: at, authorDevice: deviceId, versions, deleted: 0, erased: 0 };
}

const keys = await testDeviceKeys();
const DEVICE = deviceIdOfKey(keys.signingPublicKey);
const STAMPED_AT = Date.parse('2026-03-02T09:30:00.000Z');
/** A village and a followed person: personal data, so the bundle must be encrypted. */
const ENTRIES: BundleEntry[] = [
  { kind: 'village', record: stampedRecord({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' }, DEVICE, STAMPED_AT, 0) },
  { kind: 'beneficiary', record: stampedRecord({ code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', dejaAccompagne: true }, DEVICE, STAMPED_AT, 1) },
];

const card = await signCard({
  name: 'Aïcha Benali', structure: 'Médiathèque de Lormes', role: 'mediateur', ageRecipient: keys.ageRecipient,
  signingKey: keys.signingPublicKey, legacyDeviceIds: [], createdAt: new Date(STAMPED_AT).toISOString(),
}, keys.signer);

async function sealWith(protection: ProtectionInput): Promise<{ bytes: Uint8Array; manifest: BundleManifest }> {
  return sealBundle({
    app: '0.1.0', bundleId: uuidv7(), kind: 'full', createdAt: new Date(STAMPED_AT).toISOString(), since: null,
    source: card, recipientCard: protection.type === 'recipient' ? { deviceId: DEVICE, name: 'Bérénice Martin' } : undefined,
    range: { from: 1, to: 2 }, entries: ENTRIES, signer: keys.signer, protection,
  });
}

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'relais-age-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run a shell script in the test folder; fails the test with its stderr when it fails. */
function sh(script: string, env: Record<string, string> = {}, input?: string): string {
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, env: { ...process.env, ...env }, input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`shell failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** age asks for a passphrase on a terminal: run it under `script`, typing the passphrase (twice to encrypt). */
function ageWithPassphrase(args: string, times: number): void {
  sh(`script -qec ${JSON.stringify(`age ${args}`)} /dev/null > /dev/null`, {}, `${PASSPHRASE}\n`.repeat(times));
}

const file = (name: string) => join(dir, name);
const lines = (name: string) => readFileSync(file(name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BundleEntry);
const withoutSeq = (entries: readonly BundleEntry[]) => entries.map((e) => ({ kind: e.kind, record: syncedContent(e.record) }));

describe.skipIf(noAge !== null)('a bundle sealed by Relais opens with the age CLI (docs/bundle-format.md)', () => {
  it('to a recipient: header, age body, manifest, signature and payload are where the page says', async () => {
    const { bytes, manifest } = await sealWith({ type: 'recipient', recipient: keys.ageRecipient });
    writeFileSync(file('bundle.relais'), bytes);
    writeFileSync(file('key.txt'), `${keys.ageIdentity}\n`);

    sh(recipe('open-with-age'));

    expect(JSON.parse(readFileSync(file('manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest).toMatchObject({ protection: 'recipient', personalData: true, recordCount: 2, counts: { village: 1, beneficiary: 1 } });
    expect(readFileSync(file('signature.bin')).length).toBe(64);
    expect(withoutSeq(lines('payload.jsonl'))).toEqual(withoutSeq(ENTRIES));
  });

  it.skipIf(noOpenssl !== null)('and its payload hash and Ed25519 signature check with sha256sum and OpenSSL', async () => {
    writeFileSync(file('bundle.relais'), (await sealWith({ type: 'recipient', recipient: keys.ageRecipient })).bytes);
    writeFileSync(file('key.txt'), `${keys.ageIdentity}\n`);
    sh(recipe('open-with-age'));

    expect(sh(recipe('verify-with-openssl'))).toMatch(/payload\.jsonl\.gz: OK[\s\S]*Signature Verified Successfully/);

    // The check can fail: one changed byte of the manifest and OpenSSL refuses the signature.
    const manifest = readFileSync(file('manifest.json'), 'utf8');
    writeFileSync(file('manifest.json'), manifest.replace('Aïcha Benali', 'Aïcha Benalj'));
    expect(() => sh(recipe('verify-with-openssl'))).toThrow(/Signature Verification Failure/);
  });

  it('is refused by age with someone else\'s identity (the recipe does not just copy bytes)', async () => {
    const stranger = await testDeviceKeys();
    writeFileSync(file('bundle.relais'), (await sealWith({ type: 'recipient', recipient: keys.ageRecipient })).bytes);
    writeFileSync(file('key.txt'), `${stranger.ageIdentity}\n`);
    expect(() => sh(recipe('open-with-age'))).toThrow(/no identity matched/);
  });

  it.skipIf(noScript !== null)('with a passphrase: age asks for it and decrypts the same layout', async () => {
    const { bytes, manifest } = await sealWith({ type: 'passphrase', passphrase: PASSPHRASE, workFactor: 10 });
    writeFileSync(file('bundle.relais'), bytes);
    sh('tail -c +15 bundle.relais > body.age');
    ageWithPassphrase('--decrypt -o inner.bin body.age', 1);
    const inner = readFileSync(file('inner.bin'));
    const manifestEnd = 4 + inner.readUInt32BE(0);
    expect(JSON.parse(inner.subarray(4, manifestEnd).toString('utf8'))).toEqual(manifest);
  });
});

describe.skipIf(noAge !== null)('a body encrypted by the age CLI behind a Relais header opens in Relais', () => {
  it('to a recipient', async () => {
    const sealed = await sealWith({ type: 'recipient', recipient: keys.ageRecipient });
    writeFileSync(file('bundle.relais'), sealed.bytes);
    writeFileSync(file('key.txt'), `${keys.ageIdentity}\n`);
    sh(recipe('open-with-age')); // inner.bin, decrypted by age

    sh(recipe('wrap-with-age'), { RECIPIENT: keys.ageRecipient });

    const rewrapped = new Uint8Array(readFileSync(file('rewrapped.relais')));
    expect(rewrapped.subarray(14)).not.toEqual(sealed.bytes.subarray(14)); // a fresh age encryption
    const opened = await openBundle(rewrapped, { identity: keys.ageIdentity }, { validators: RECORD_VALIDATORS });
    expect(opened.manifest).toEqual(sealed.manifest);
    expect(withoutSeq(opened.entries)).toEqual(withoutSeq(ENTRIES));
  });

  it.skipIf(noScript !== null)('with a passphrase', async () => {
    const sealed = await sealWith({ type: 'passphrase', passphrase: PASSPHRASE, workFactor: 10 });
    writeFileSync(file('bundle.relais'), sealed.bytes);
    sh('tail -c +15 bundle.relais > body.age');
    ageWithPassphrase('--decrypt -o inner.bin body.age', 1);
    ageWithPassphrase('--encrypt --passphrase -o body.age inner.bin', 2); // age's own work factor (18)
    // The framing step of the recipe, without its `age -r` line.
    sh(recipe('wrap-with-age').split('\n').filter((line) => !line.startsWith('age ')).join('\n'), { PROTECTION: '2' });

    const rewrapped = new Uint8Array(readFileSync(file('rewrapped.relais')));
    const opened = await openBundle(rewrapped, { passphrase: PASSPHRASE }, { validators: RECORD_VALIDATORS });
    expect(withoutSeq(opened.entries)).toEqual(withoutSeq(ENTRIES));
  });

  it('a header whose protection byte differs from the signed manifest is refused', async () => {
    const sealed = await sealWith({ type: 'recipient', recipient: keys.ageRecipient });
    writeFileSync(file('bundle.relais'), sealed.bytes);
    writeFileSync(file('key.txt'), `${keys.ageIdentity}\n`);
    sh(recipe('open-with-age'));
    // The inner bytes in clear behind a "none" header: a stripped copy of an encrypted bundle.
    const inner = new Uint8Array(readFileSync(file('inner.bin')));
    await expect(openBundle(frame('none', inner), {}, { validators: RECORD_VALIDATORS }))
      .rejects.toMatchObject({ code: 'badSignature' });
  });
});
