/**
 * Test keys: a signer and an age identity as a plain `AGE-SECRET-KEY-1…` string (the age CLI tests write
 * it to a file), and a stand-in for the OS keychain so test databases seal their keys like the desktop
 * app does. Never imported by the app.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { ED25519, publicKeyOf, signerOf, type Signer } from '../domain/sync/keys';
import type { OsProtection } from '../db/sync';

export interface TestKeys {
  signer: Signer;
  signingPublicKey: string;
  ageIdentity: string;
  ageRecipient: string;
}

export async function testDeviceKeys(): Promise<TestKeys> {
  const pair = (await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
  const signingPublicKey = await publicKeyOf(pair);
  const ageIdentity = await generateIdentity();
  return { signer: signerOf(pair.privateKey, signingPublicKey), signingPublicKey, ageIdentity, ageRecipient: await identityToRecipient(ageIdentity) };
}

const MARK = 0x5a;

/**
 * A pretend OS keychain: "seals" by flipping bits and prefixing a marker, so a test can see that what is
 * stored is not the key itself and that unsealing something else fails, as Electron's safeStorage would.
 */
export function fakeOsProtection(options: { broken?: boolean } = {}): OsProtection & { calls: { seal: number; unseal: number } } {
  const calls = { seal: 0, unseal: 0 };
  return {
    kind: 'os',
    calls,
    seal: async (bytes) => {
      calls.seal += 1;
      return new Uint8Array([MARK, ...bytes.map((b) => b ^ 0xff)]);
    },
    unseal: async (sealed) => {
      calls.unseal += 1;
      if (options.broken || sealed[0] !== MARK) throw new Error('RELAIS_SECRET_UNREADABLE: keychain changed');
      return sealed.slice(1).map((b) => b ^ 0xff);
    },
  };
}
