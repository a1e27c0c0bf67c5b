/**
 * A coordinator's team, generated with the project's own code (repositories, cards, bundle export) in
 * the test's Node process on fake-indexeddb: five mediators' laptops, each logging activities over
 * four rounds (and one followed person each, all coded B-0001) and exporting a bundle after each (20 bundles), their cards to enrol, and the truth the
 * dashboard must show, counted here plainly from what was logged. Each followed person is helped twice
 * (rounds 2 and 4) and her record is edited in round 3 (a man, not a woman): the dashboard must count
 * her from her record as it ends, whatever order the files are imported in.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeTestDatabases, openTestRelais } from '../../renderer/src/testkit/sync';
import { exportBundle, exportMyCard, readSigningPublicKey } from '../../renderer/src/db/sync';
import { fingerprintOfKey } from '../../renderer/src/domain/sync/identity';
import type { Activity } from '../../renderer/src/domain/records';

export const TEAM_PASSPHRASE = 'équipe-de-la-nièvre-2026';

export const TEAM = [
  { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' },
  { name: 'Bruno Petit', structure: 'Tiers-lieu d’Arvieu' },
  { name: 'Chloé Martin', structure: 'Médiathèque de Lormes' },
  { name: 'David Leroy', structure: 'Tiers-lieu d’Arvieu' },
  { name: 'Emma Roux', structure: 'France Services Lormes' },
] as const;

const LORMES = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };
const ARVIEU = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };
const DURATIONS = [20, 45, 90, 150];

export interface TeamTruth {
  activities: number;
  individuel: number;
  collectif: number;
  people: number;
  minutes: number;
  lormes: number;
  /** Workshops in Lormes (the type and the commune filters together): how many, people helped, minutes. */
  lormesWorkshops: { activities: number; people: number; minutes: number };
  /** Activities with the thématique "bureautique". */
  bureautique: number;
  /** Bureautique activities in Lormes, newest first: what the drill-down must list (by date). */
  bureautiqueInLormesDates: string[];
  /** People helped per gender (followed people from their record, one per accompaniment; anonymous ones). */
  genre: Record<string, number>;
  /** Every activity logged: who logged it, its id and what an export filter reads. */
  log: Array<{ author: string; id: string; thematiques: string[]; people: number }>;
}

export interface Team {
  folder: string;
  cards: Array<{ name: string; bytes: Buffer; fingerprint: string }>;
  truth: TeamTruth;
}

function activityOf(device: number, round: number, j: number): Activity {
  const collectif = j % 3 === 2;
  const lormes = (device + j) % 2 === 0;
  const base = {
    date: `2026-0${6 + round}-${String(10 + j).padStart(2, '0')}`, duree: DURATIONS[(device + round + j) % 4],
    typeLieu: 'domicile' as const, commune: lormes ? LORMES : ARVIEU, thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [],
    thematiques: (j + round) % 2 === 0 ? ['email' as const] : ['bureautique' as const, 'email' as const],
    structureEmployeuse: { nom: TEAM[device].structure },
  };
  return collectif
    ? { ...base, type: 'collectif', participantsAnonymes: { total: 4, dejaAccompagne: 0, genres: { feminin: 2 }, tranchesAge: {}, statutsSociaux: {} } }
    : { ...base, type: 'individuel' };
}

export async function makeTeam(): Promise<Team> {
  const folder = await mkdtemp(join(tmpdir(), 'relais-team-'));
  const truth: TeamTruth = {
    activities: 0, individuel: 0, collectif: 0, people: 0, minutes: 0, lormes: 0, lormesWorkshops: { activities: 0, people: 0, minutes: 0 }, bureautique: 0, bureautiqueInLormesDates: [], genre: {}, log: [],
  };
  const count = (genre: string, n: number) => { truth.genre[genre] = (truth.genre[genre] ?? 0) + n; };
  const cards: Team['cards'] = [];
  try {
    for (const [device, who] of TEAM.entries()) {
      const laptop = openTestRelais(`team-${device}`);
      // Each mediator follows one person, and each calls hers B-0001: the coordinator must tell them apart.
      const person = await laptop.beneficiaries.create({ code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
      for (let round = 0; round < 4; round++) {
        if (round === 2) await laptop.beneficiaries.update(person.id, { code: 'B-0001', genre: 'masculin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
        const activities = 2 + ((device + round) % 3);
        for (let j = 0; j < activities; j++) {
          const logged = activityOf(device, round, j);
          // Her first individual session of rounds 2 and 4 is with the followed person.
          const activity = j === 0 && round % 2 === 1 ? { ...logged, beneficiaryIds: [person.id] } : logged;
          if (activity.type === 'collectif') {
            count('feminin', 2);
            count('non_communique', 2);
          } else count(activity.beneficiaryIds.length > 0 ? 'masculin' : 'non_communique', 1);
          const { id } = await laptop.activities.create(activity);
          truth.log.push({ author: who.name, id, thematiques: activity.thematiques, people: activity.type === 'collectif' ? 4 : 1 });
          truth.activities += 1;
          truth[activity.type] += 1;
          truth.people += activity.type === 'collectif' ? 4 : 1;
          truth.minutes += activity.duree;
          if (activity.commune?.codeInsee === LORMES.codeInsee) truth.lormes += 1;
          if (activity.commune?.codeInsee === LORMES.codeInsee && activity.type === 'collectif') {
            truth.lormesWorkshops.activities += 1;
            truth.lormesWorkshops.people += 4;
            truth.lormesWorkshops.minutes += activity.duree;
          }
          if (activity.thematiques.includes('bureautique')) {
            truth.bureautique += 1;
            if (activity.commune?.codeInsee === LORMES.codeInsee) truth.bureautiqueInLormesDates.push(activity.date);
          }
        }
        const prepared = await exportBundle(laptop.db, {
          kind: 'changes', protection: { type: 'passphrase', passphrase: TEAM_PASSPHRASE, workFactor: 1 }, author: { ...who }, app: 'e2e',
        });
        await prepared.commit();
        await writeFile(join(folder, `${who.name.split(' ')[0].toLowerCase()}-${round + 1}.relais`), prepared.bytes);
      }
      const card = await exportMyCard(laptop.db, { ...who, role: 'mediateur' });
      cards.push({ name: who.name, bytes: Buffer.from(card), fingerprint: fingerprintOfKey((await readSigningPublicKey(laptop.db)) as string) });
    }
  } finally {
    await closeTestDatabases();
  }
  truth.bureautiqueInLormesDates.sort().reverse();
  return { folder, cards, truth };
}
