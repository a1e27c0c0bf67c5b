/**
 * A small choice about how this device shows things (a section folded or open, the calendar's view),
 * kept in localStorage like the language: known at the first paint, never synced, never exported.
 * Records and their remembered values live in the database instead (db/).
 */
import { useCallback, useState } from 'react';

const PREFIX = 'relais.pref.';

function readStored<T>(key: string, fallback: T, accept: (value: unknown) => value is T): T {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return fallback;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : fallback;
  } catch {
    return fallback; // storage disabled, or a value from an older version: the default applies
  }
}

/** `[value, setValue]` like useState, remembered under `key` on this device. */
export function usePreference<T>(key: string, fallback: T, accept: (value: unknown) => value is T): [T, (next: T) => void] {
  const [value, setState] = useState<T>(() => readStored(key, fallback, accept));
  const setValue = useCallback((next: T) => {
    setState(next);
    try {
      globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(next));
    } catch {
      // Private mode or storage disabled: the choice holds for this visit.
    }
  }, [key]);
  return [value, setValue];
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
