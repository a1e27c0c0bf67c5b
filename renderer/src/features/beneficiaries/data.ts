/** Live reads of followed people, shared by the beneficiaries screens and the activity form. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais } from '../../db';
import type { Beneficiary, Stored } from '../../domain/records';

/** Followed people still in use (not deleted, not erased), by code. */
export function useBeneficiaries(): Stored<Beneficiary>[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getRelais().db.beneficiaries.where('deleted').equals(0).toArray();
    return rows.filter((b) => !b.erased).sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  }, []);
}

/** Codes still stored on this device (deleted ones included), to suggest the next free one. */
export async function allBeneficiaryCodes(): Promise<string[]> {
  const rows = await getRelais().db.beneficiaries.toArray();
  return rows.map((b) => b.code).filter((code): code is string => typeof code === 'string');
}
