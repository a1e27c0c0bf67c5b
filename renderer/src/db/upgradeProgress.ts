/**
 * How far a schema upgrade's long step has gone (the dashboard's count rows rebuilt from every activity:
 * minutes at a region's million), for the start-up screen to show while the database opens. The upgrade
 * runs inside Dexie's `open()`, which says nothing until it ends: the rebuild reports here, the screen
 * listens here.
 */
export interface UpgradeProgress {
  /** Activities counted so far. */
  counted: number;
  /** Activities to count in all (read once before the first), so the screen can say how far along it is. */
  total: number;
}

type Listener = (progress: UpgradeProgress) => void;

const listeners = new Set<Listener>();

/** Listen to the rebuild's progress; returns the function that stops listening. */
export function onUpgradeProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** Called by the rebuild after each chunk of activities. */
export function reportUpgradeProgress(progress: UpgradeProgress): void {
  for (const listener of listeners) listener(progress);
}
