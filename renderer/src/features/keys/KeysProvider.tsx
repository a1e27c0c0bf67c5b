/**
 * This laptop's keys for the screens that sign or decrypt. `useDeviceKeys().requireKeys()` gives the
 * unsealed keys: at once when they are unsealed for this session or the OS keychain unseals them, else
 * after the person types the passphrase (asked once per session) or, when the seal is lost, decides to
 * renew them — all in one dialog. A database whose keys were never sealed (kept in clear by an older
 * version) is sealed before anything else: by the OS at once, or on a start screen with a passphrase.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getRelais } from '../../db';
import { ensureDeviceKeys, lockKeys, readKeysState, rememberOsProtection, unlockedKeys, type DeviceKeys } from '../../db/sync';
import { KeysError, keysErrorCode } from '../../domain/sync/sealing';
import { useRead } from '../../ui/useRead';
import { KeysDialog, type KeysDialogMode } from './KeysDialog';
import { ProtectKeysScreen } from './ProtectKeysScreen';
import { osProtection, useOsKeychain } from './protection';

interface KeysApi {
  /** The unsealed keys, asking the person if needed; rejects with KeysError('cancelled') if they close the dialog. */
  requireKeys(): Promise<DeviceKeys>;
  /**
   * The keys for work nobody asked for just now (the synced folders): unsealed for this session, or by
   * the OS keychain; never opens a dialog — undefined when only the person's passphrase would unseal them.
   */
  keysWithoutAsking(): Promise<DeviceKeys | undefined>;
  /** Open the dialog that renews the keys (Settings). */
  renewKeys(): void;
  /** Forget the unsealed keys for this session. */
  lock(): void;
  /** Whether keys are unsealed for this session (redraws when it changes). */
  unlocked: boolean;
  osKeychain: boolean | undefined;
}

const KeysContext = createContext<KeysApi | null>(null);

export function useDeviceKeys(): KeysApi {
  const api = useContext(KeysContext);
  if (!api) throw new Error('useDeviceKeys outside KeysProvider');
  return api;
}

interface Asking {
  mode: KeysDialogMode;
  resolve: (keys: DeviceKeys) => void;
  reject: (error: unknown) => void;
}

export function KeysProvider({ children }: { children: ReactNode }) {
  const osKeychain = useOsKeychain();
  const state = useRead(readKeysState);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [version, redraw] = useState(0);
  const askingRef = useRef(asking);
  askingRef.current = asking;
  const useOs = osKeychain === true && state !== undefined && state.sealedBy !== 'passphrase';

  // The OS keychain seals and unseals on its own; keys an older version left in clear are sealed now.
  useEffect(() => {
    if (!useOs) return;
    rememberOsProtection(getRelais().db, osProtection);
    if (state?.sealedBy === null) ensureDeviceKeys(getRelais().db).then(() => redraw((n) => n + 1), () => undefined);
  }, [useOs, state?.sealedBy]);

  const ask = useCallback((mode: KeysDialogMode) => new Promise<DeviceKeys>((resolve, reject) => {
    askingRef.current?.reject(new KeysError('cancelled'));
    setAsking({ mode, resolve, reject });
  }), []);

  const requireKeys = useCallback(async (): Promise<DeviceKeys> => {
    const open = unlockedKeys(getRelais().db);
    if (open) return open;
    const { sealedBy } = await readKeysState(getRelais().db);
    if (sealedBy === 'passphrase') return ask('unlock');
    try {
      const keys = await ensureDeviceKeys(getRelais().db);
      redraw((n) => n + 1);
      return keys;
    } catch (error) {
      // Sealed by an OS keychain that cannot unseal any more, or is not there.
      if (keysErrorCode(error) === 'unreadable' || keysErrorCode(error) === 'locked') return ask('unreadable');
      throw error;
    }
  }, [ask]);

  const keysWithoutAsking = useCallback(async (): Promise<DeviceKeys | undefined> => {
    const open = unlockedKeys(getRelais().db);
    if (open) return open;
    const { sealedBy } = await readKeysState(getRelais().db);
    if (sealedBy === 'passphrase') return undefined;
    try {
      const keys = await ensureDeviceKeys(getRelais().db);
      redraw((n) => n + 1);
      return keys;
    } catch {
      return undefined;
    }
  }, []);

  const api = useMemo<KeysApi>(() => ({
    requireKeys,
    keysWithoutAsking,
    renewKeys: () => void ask('renew').catch(() => undefined),
    lock: () => {
      lockKeys(getRelais().db);
      redraw((n) => n + 1);
    },
    unlocked: version >= 0 && unlockedKeys(getRelais().db) !== undefined,
    osKeychain,
  }), [requireKeys, keysWithoutAsking, ask, osKeychain, version]);

  const close = (keys: DeviceKeys | null) => {
    const current = askingRef.current;
    setAsking(null);
    redraw((n) => n + 1);
    if (!current) return;
    if (keys) current.resolve(keys);
    else current.reject(new KeysError('cancelled'));
  };

  if (state && state.sealedBy === null && osKeychain === false) return <ProtectKeysScreen legacy={state.legacyClearKeys} />;
  return (
    <KeysContext.Provider value={api}>
      {children}
      {asking ? (
        <KeysDialog mode={asking.mode} osKeychain={osKeychain === true} onMode={(mode) => setAsking({ ...asking, mode })}
          onDone={(keys) => close(keys)} onRetry={() => { setAsking(null); requireKeys().then(asking.resolve, asking.reject); }} />
      ) : null}
    </KeysContext.Provider>
  );
}
