/**
 * Draft autosave: a form's state is written to the `drafts` table shortly after each change and read
 * back when the form opens again, so a closed window or a reload loses nothing. Saving or cancelling
 * the form clears its draft.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRelais } from '../db';
import { deleteDraft, readDraft, saveDraft } from '../db/drafts';

const SAVE_DELAY_MS = 400;

export function useDraft<T>(key: string, initial: T): {
  value: T;
  setValue: (next: T | ((prev: T) => T)) => void;
  restored: boolean;
  ready: boolean;
  clearDraft: () => Promise<void>;
  /** Start over from `next` (a form saved, "save and new"): nothing to restore until it is changed. */
  reset: (next: T) => Promise<void>;
} {
  const [value, setState] = useState<T>(initial);
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  /** The value not yet written: flushed on unmount so leaving a form right after typing loses nothing. */
  const pending = useRef<{ value: T } | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    readDraft(getRelais().db, key).then((row) => {
      if (cancelled) return;
      if (row) {
        setState(row.value as T);
        setRestored(true);
      }
      setReady(true);
    }).catch(() => setReady(true));
    return () => { cancelled = true; };
  }, [key]);

  const setValue = useCallback((next: T | ((prev: T) => T)) => {
    dirty.current = true;
    setState((prev) => (typeof next === 'function' ? (next as (p: T) => T)(prev) : next));
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const toSave = pending.current;
    pending.current = undefined;
    if (toSave) void saveDraft(getRelais().db, key, toSave.value);
  }, [key]);

  useEffect(() => {
    if (!ready || !dirty.current) return;
    pending.current = { value };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [value, ready, flush]);

  // Write what is pending when the form goes away (navigation) or the page is hidden (window closing).
  useEffect(() => {
    const onHide = () => { if (document.visibilityState === 'hidden') flush(); };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const clearDraft = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = undefined;
    dirty.current = false;
    await deleteDraft(getRelais().db, key);
  }, [key]);

  const reset = useCallback(async (next: T) => {
    await clearDraft();
    setRestored(false);
    setState(next);
  }, [clearDraft]);

  return { value, setValue, restored, ready, clearDraft, reset };
}
