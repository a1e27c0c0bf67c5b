import { unexportedChanges, type UnexportedChanges } from '../../db/sync';
import { useRead } from '../../ui/useRead';

/** How many changes wait for an export, since when, and whether the reminder is due (live). */
export function useUnexportedChanges(): UnexportedChanges | undefined {
  return useRead(unexportedChanges);
}
