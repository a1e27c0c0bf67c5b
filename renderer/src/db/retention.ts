/**
 * Data protection, as La Coop de la médiation numérique does it: a followed person not used for 12
 * months is anonymised — the code and year of birth are cleared, gender, age band, status and commune
 * stay for statistics, and the activities keep counting them. "Used" is the later of the person's last
 * change and last activity. Each employing structure may shorten the 12 months (Settings); a person
 * follows the structure of their latest activity, or the shortest of this profile's when unknown.
 *
 * Anonymising is an ordinary edit (the fields cleared travel in bundles like any change). Erasure —
 * everything gone, never revived — stays the person's right, asked for explicitly (repository `erase`).
 *
 * Only the laptop that wrote a person may edit it (docs/bundle-format.md, "Trust rules"), so each
 * laptop anonymises its own people and the anonymised version reaches the others like any edit of
 * theirs: a coordinator's copies of her mediators' people follow their author's laptop. Copies whose
 * author never exports again stay as they came; she may still erase them (anyone may erase).
 */
import { anonymised } from '../domain/beneficiary';
import { DEFAULT_RETENTION_MONTHS, structuresOf } from '../domain/profile';
import { dataOf, type Activity, type Stored } from '../domain/records';
import { todayIso } from '../i18n/format';
import type { Relais } from './index';
import { writeMeta } from './meta';
import { readProfile } from './profile';
import { ownDeviceIds } from './device';

/** The date `months` before `now`, as YYYY-MM-DD and as an ISO date-time. */
function monthsBefore(now: Date, months: number): { date: string; iso: string } {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - months);
  return { date: todayIso(limit), iso: limit.toISOString() };
}

/** Retention in months for each structure name, and the one for people whose structure is unknown. */
async function retentionRules(relais: Relais): Promise<{ byStructure: Map<string, number>; fallback: number }> {
  const profile = await readProfile(relais.db);
  const structures = profile ? structuresOf(profile) : [];
  const byStructure = new Map(structures.map((s) => [s.nom, s.retentionMonths]));
  const fallback = Math.min(DEFAULT_RETENTION_MONTHS, ...structures.map((s) => s.retentionMonths));
  return { byStructure, fallback };
}

/** Ids of followed people not used for their structure's retention: no change and no activity since. */
async function staleBeneficiaries(relais: Relais, now: Date): Promise<string[]> {
  const { db } = relais;
  const rules = await retentionRules(relais);
  const shortest = Math.min(rules.fallback, ...rules.byStructure.values());
  // Nobody changed within the shortest retention can be stale: only older records are looked at.
  const mine = await ownDeviceIds(db);
  const candidates = await db.beneficiaries.where('updatedAt').below(monthsBefore(now, shortest).iso)
    .filter((b) => b.erased === 0 && b.anonymiseLe === undefined && mine.has(b.authorDevice)).toArray();
  const stale: string[] = [];
  for (const person of candidates) {
    const activities: Stored<Activity>[] = await db.activities.where('beneficiaryIds').equals(person.id).toArray();
    const latest = activities.reduce<Stored<Activity> | undefined>((last, a) => (!last || a.date > last.date ? a : last), undefined);
    const months = rules.byStructure.get(latest?.structureEmployeuse?.nom ?? '') ?? rules.fallback;
    const limit = monthsBefore(now, months);
    if (person.updatedAt < limit.iso && (!latest || latest.date < limit.date)) stale.push(person.id);
  }
  return stale;
}

/** Anonymise every stale followed person; returns how many. Runs at start-up. */
export async function applyRetention(relais: Relais, now = new Date()): Promise<number> {
  const stale = await staleBeneficiaries(relais, now);
  for (const id of stale) {
    const person = await relais.beneficiaries.get(id);
    if (person) await relais.beneficiaries.update(id, anonymised(dataOf(person), todayIso(now), now));
  }
  if (stale.length > 0) {
    await writeMeta(relais.db, 'lastRetention', { at: now.toISOString(), erased: stale.length });
  }
  return stale.length;
}
