/**
 * The two ways this laptop's keys are sealed (db/sync/keys.ts): by the OS keychain through the desktop
 * bridge, where there is one that really protects, or by a passphrase the person chooses.
 */
import { useEffect, useState } from 'react';
import type { OsProtection } from '../../db/sync';
import type { VaultProtection } from '../../domain/sync/sealing';
import { platform } from '../../platform';

/** The OS keychain, through the bridge: the shell only sees opaque bytes. */
export const osProtection: OsProtection = {
  kind: 'os',
  seal: (bytes) => platform.sealSecret({ bytes }),
  unseal: (bytes) => platform.unsealSecret({ bytes }),
};

export function passphraseProtection(passphrase: string): VaultProtection {
  return { kind: 'passphrase', passphrase };
}

/** Whether the OS can seal the keys here; undefined while asking (the browser always answers no). */
export function useOsKeychain(): boolean | undefined {
  const [available, setAvailable] = useState<boolean>();
  useEffect(() => {
    let live = true;
    platform.secretStorageAvailable().then((yes) => live && setAvailable(yes), () => live && setAvailable(false));
    return () => { live = false; };
  }, []);
  return available;
}
