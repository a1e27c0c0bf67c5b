/** Followed people (pseudonymous codes only): the reads of the beneficiary, activity and workshop screens. */
import type { Beneficiary, Stored } from '../domain/records';
import { liveRecords } from './live';
import type { RelaisDatabase } from './schema';

/** A followed person who still has a code: not anonymised by retention. */
export type FollowedPerson = Stored<Beneficiary> & { code: string };

/** Followed people still in use (not deleted, not erased, not anonymised), by code. */
export async function liveBeneficiaries(db: RelaisDatabase): Promise<FollowedPerson[]> {
  const people = (await liveRecords(db.beneficiaries)).filter((b): b is FollowedPerson => typeof b.code === 'string');
  return people.sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
}

/**
 * Codes still stored on this device, deleted people's included, to suggest the next free one. Read
 * from the `code` index: no record is decoded, and erased people (who have no code any more) are not in it.
 */
export async function allBeneficiaryCodes(db: RelaisDatabase): Promise<string[]> {
  const codes = await db.beneficiaries.orderBy('code').keys();
  return codes.filter((code): code is string => typeof code === 'string');
}
