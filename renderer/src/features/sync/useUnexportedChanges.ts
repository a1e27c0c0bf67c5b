import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais } from '../../db';
import { unexportedChanges, type UnexportedChanges } from '../../db/sync';

/** How many changes wait for an export, since when, and whether the reminder is due (live). */
export function useUnexportedChanges(): UnexportedChanges | undefined {
  return useLiveQuery(() => unexportedChanges(getRelais().db), []);
}
