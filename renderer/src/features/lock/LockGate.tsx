/**
 * The shared-laptop lock on screen (issue 12): with a lock set, the app opens locked, and locks again
 * after the chosen minutes without a key or a click. The app stays mounted under the lock screen (hidden
 * and inert), so a form being typed is still there after unlocking. Closing the lock also forgets the
 * unsealed keys: they need the PIN again (db/sync/keys.ts).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { getRelais } from '../../db';
import { readLockSettings } from '../../db/lock';
import { closeLock, isLockOpen } from '../../db/sync';
import { useRead } from '../../ui/useRead';
import { LockScreen } from './LockScreen';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function LockGate({ children }: { children: ReactNode }) {
  const settings = useRead(readLockSettings);
  // Whether the lock is open lives with the keys (db/sync/keys.ts): read at each render, redrawn on change.
  const [, redraw] = useState(0);
  const open = isLockOpen(getRelais().db);
  const locked = settings?.enabled === true && !open;

  useEffect(() => {
    if (!settings?.enabled || !open) return;
    let timer: ReturnType<typeof setTimeout>;
    const lock = () => {
      closeLock(getRelais().db);
      redraw((n) => n + 1);
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, settings.minutes * 60_000);
    };
    restart();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, restart);
    };
  }, [settings?.enabled, settings?.minutes, open]);

  if (!settings) return null;
  return (
    <>
      {locked ? <LockScreen onOpened={() => redraw((n) => n + 1)} /> : null}
      <div className="lock-gate" hidden={locked} inert={locked}>{children}</div>
    </>
  );
}
