/**
 * The activity report (CRA) export, column for column as La Coop de la médiation numérique's own
 * export of a mediator's activities ("buildAccompagnementsWorksheet", the mediator's own export): one
 * row per person helped ("accompagnement"), so a workshop of 12 is 12 rows numbered 1/12 to 12/12, each
 * with that person's gender, age band and status. Anonymous workshop participants are counted, not
 * known: their rows take the codes of the counts in the order of each list, "non communiqué" for what
 * the counts leave (La Coop draws them at random; Relais keeps exports reproducible).
 *
 * Pure: the screen hands in a vocabulary (labels or codes) and the places and people the rows name.
 */
import { completeBreakdown } from '../activity';
import { trancheAgeOf } from '../beneficiary';
import type { Genre, StatutSocial, TrancheAge } from '../codes';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../codes';
import type { Activity, AnonymousCounts, Beneficiary, CommuneRef, Place, Stored } from '../records';
import type { Cell, Vocabulary } from './table';

export const CRA_SHEET = 'cra';

/** The columns of La Coop's export, in its order; headers come from `formats:cra.<key>`. */
export const CRA_COLUMNS = [
  'date', 'enregistre_le', 'modifie_le', 'type', 'participants', 'beneficiaire', 'canal', 'lieu_nom', 'lieu_adresse',
  'commune', 'code_postal', 'code_insee', 'duree_min', 'titre_atelier', 'materiel', 'thematiques', 'tags',
  'precisions_demarche', 'autonomie_ou_niveau', 'oriente', 'structure_redirection', 'beneficiaire_commune',
  'beneficiaire_code_postal', 'beneficiaire_code_insee', 'beneficiaire_genre', 'beneficiaire_tranche_age',
  'beneficiaire_statut', 'notes', 'id',
] as const;

/** Widths in XLSX, in characters, for the columns whose content is long. */
export const CRA_WIDTHS: Partial<Record<(typeof CRA_COLUMNS)[number], number>> = {
  date: 11, enregistre_le: 19, modifie_le: 19, lieu_nom: 28, thematiques: 36, materiel: 18, structure_redirection: 36,
  notes: 40, id: 38,
};

/** La Coop shows autonomy and workshop level as stars out of three. */
const STARS: Record<string, number> = {
  entierement_accompagne: 1, partiellement_autonome: 2, autonome: 3, debutant: 1, intermediaire: 2, avance: 3,
};

export interface CraContext {
  vocabulary: Vocabulary;
  /** Places by id: the place of an activity "at a place". */
  places: ReadonlyMap<string, Pick<Place, 'nom' | 'adresse' | 'commune'>>;
  /** Followed people by id. */
  beneficiaries: ReadonlyMap<string, Beneficiary>;
  /** Age bands are given as of this date (kept current from the year of birth). */
  now: Date;
}

/** Who one row is about: what the export says of that person. */
interface Person {
  name: string;
  commune?: CommuneRef;
  genre: Genre;
  trancheAge: TrancheAge;
  statutSocial: StatutSocial;
}

function followedPerson(b: Beneficiary | undefined, ctx: CraContext): Person {
  return {
    name: b?.code ?? ctx.vocabulary.anonymous,
    commune: b?.communeResidence,
    genre: b?.genre ?? 'non_communique',
    trancheAge: b ? trancheAgeOf(b, ctx.now) : 'non_communique',
    statutSocial: b?.statutSocial ?? 'non_communique',
  };
}

/** Expand anonymous counts into one person per participant (see the module comment). */
function anonymousParticipants(counts: AnonymousCounts, ctx: CraContext): Person[] {
  const take = <C extends string>(codes: readonly C[], breakdown: Record<string, number>): C[] => (
    codes.flatMap((code) => Array.from({ length: breakdown[code] ?? 0 }, () => code))
  );
  const genres = take(GENRES, completeBreakdown(counts, 'genres'));
  const ages = take(TRANCHES_AGE, completeBreakdown(counts, 'tranchesAge'));
  const statuts = take(STATUTS_SOCIAUX, completeBreakdown(counts, 'statutsSociaux'));
  return Array.from({ length: counts.total }, (_, i) => ({
    name: ctx.vocabulary.anonymous,
    genre: genres[i] ?? 'non_communique',
    trancheAge: ages[i] ?? 'non_communique',
    statutSocial: statuts[i] ?? 'non_communique',
  }));
}

/** The people an activity helped, one per row, followed people first. */
function peopleOf(a: Activity, ctx: CraContext): Person[] {
  const followed = [...new Set(a.beneficiaryIds ?? [])].map((id) => followedPerson(ctx.beneficiaries.get(id), ctx));
  if (a.type === 'collectif') {
    return [...followed, ...(a.participantsAnonymes ? anonymousParticipants(a.participantsAnonymes, ctx) : [])];
  }
  if (followed.length > 0) return followed;
  const anonymous = a.beneficiaireAnonyme ?? {};
  return [{
    name: ctx.vocabulary.anonymous,
    commune: anonymous.communeResidence,
    genre: anonymous.genre ?? 'non_communique',
    trancheAge: anonymous.trancheAge ?? 'non_communique',
    statutSocial: anonymous.statutSocial ?? 'non_communique',
  }];
}

/**
 * Where it happened, as La Coop locates it: the place's name, address and commune for a place of
 * activity; the commune given for a home or another place; the employing structure's commune when remote.
 */
function locationOf(a: Activity, ctx: CraContext): { nom: string; adresse: string; commune?: CommuneRef } {
  if (a.typeLieu === 'lieu_activite') {
    const place = a.placeId ? ctx.places.get(a.placeId) : undefined;
    return { nom: place?.nom ?? '', adresse: place?.adresse ?? '', commune: place?.commune };
  }
  if (a.typeLieu === 'a_distance') return { nom: '', adresse: '', commune: a.structureEmployeuse?.commune };
  return { nom: '', adresse: '', commune: a.commune };
}

/** The rows of one activity, one per person helped. */
export function craRows(a: Stored<Activity>, ctx: CraContext): Cell[][] {
  const v = ctx.vocabulary;
  const list = (name: string, codes: readonly string[]) => codes.map((code) => v.code(name, code)).join(v.listSeparator);
  const people = peopleOf(a, ctx);
  const where = locationOf(a, ctx);
  const level = a.type === 'individuel' ? a.autonomie : a.niveau;
  const levelCell: Cell = level === undefined ? ''
    : v.mode === 'codes' ? level : `${STARS[level]}/3`;
  // La Coop stores the démarche sub-themes among the thématiques: one cell for both, in that order.
  const thematiques = [...a.thematiques.map((t) => v.code('thematiques', t)), ...a.thematiquesDemarche.map((t) => v.code('thematiquesDemarche', t))]
    .join(v.listSeparator);
  const recorded = v.dateTime(a.createdAt);
  const changed = a.updatedAt === a.createdAt ? '' : v.dateTime(a.updatedAt);
  const materiel = list('materiel', a.materiel);
  const tags = a.tags.join(v.listSeparator);
  const redirection = a.structureDeRedirection ? v.code('structureDeRedirection', a.structureDeRedirection) : '';
  const oriente = a.orienteVersStructure === undefined ? '' : v.yesNo(a.orienteVersStructure);
  return people.map((person, index) => [
    { date: a.date },
    recorded,
    changed,
    v.code('type', a.type),
    people.length === 1 ? 1 : `${index + 1}/${people.length}`,
    person.name,
    v.code('typeLieu', a.typeLieu),
    where.nom,
    where.adresse,
    where.commune?.nom ?? '',
    where.commune?.codePostal ?? '',
    where.commune?.codeInsee ?? '',
    a.duree,
    a.titreAtelier ?? '',
    materiel,
    thematiques,
    tags,
    a.precisionsDemarche ?? '',
    levelCell,
    oriente,
    redirection,
    person.commune?.nom ?? '',
    person.commune?.codePostal ?? '',
    person.commune?.codeInsee ?? '',
    v.code('genre', person.genre),
    v.code('trancheAge', person.trancheAge),
    v.code('statutSocial', person.statutSocial),
    index === 0 ? a.notes ?? '' : '',
    a.id,
  ]);
}
