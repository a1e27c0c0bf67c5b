/**
 * How far a schema upgrade's long step has gone (the dashboard's count rows rebuilt from every activity:
 * minutes at a region's million), for the start-up screen to show while the database opens. The upgrade
 * runs inside Dexie's `open()`, which says nothing until it ends: the rebuild reports here, the screen
 * listens here.
 */
type Listener = (activitiesCounted: number) => void;

const listeners = new Set<Listener>();

/** Listen to the rebuild's progress; returns the function that stops listening. */
export function onUpgradeProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** Called by the rebuild after each chunk of activities: how many it has counted so far. */
export function reportUpgradeProgress(activitiesCounted: number): void {
  for (const listener of listeners) listener(activitiesCounted);
}
