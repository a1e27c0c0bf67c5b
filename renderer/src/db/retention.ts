/**
 * Data protection: like the national tool (which Relais follows and tightens), a followed person's
 * data is anonymised one year after it was last used. Here "used" means the later of the person's
 * last change and their last activity. Anonymising is the erasure of the pseudonymous record: the
 * payload is cleared for good and the erasure travels in bundles; activities keep their counts.
 */
import type { Relais } from './index';
import { writeMeta } from './meta';

export const RETENTION_DAYS = 365;

function isoDaysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

/** Ids of followed people not used for `RETENTION_DAYS`: no change and no activity since. */
async function staleBeneficiaries(relais: Relais, now = new Date()): Promise<string[]> {
  const { db } = relais;
  const limit = isoDaysBefore(now, RETENTION_DAYS);
  const candidates = await db.beneficiaries.where('updatedAt').below(limit).filter((b) => b.erased === 0).toArray();
  const stale: string[] = [];
  for (const person of candidates) {
    const activities = await db.activities.where('beneficiaryIds').equals(person.id).toArray();
    const lastActivity = activities.reduce((latest, a) => (a.date > latest ? a.date : latest), '');
    if (lastActivity === '' || lastActivity < limit.slice(0, 10)) stale.push(person.id);
  }
  return stale;
}

/** Erase every stale followed person; returns how many were anonymised. Runs at start-up. */
export async function applyRetention(relais: Relais, now = new Date()): Promise<number> {
  const stale = await staleBeneficiaries(relais, now);
  for (const id of stale) await relais.beneficiaries.erase(id);
  if (stale.length > 0) {
    await writeMeta(relais.db, 'lastRetention', { at: now.toISOString(), erased: stale.length });
  }
  return stale.length;
}
