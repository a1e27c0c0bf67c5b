/**
 * The activity form's state ("draft") and its conversion to and from a stored Activity.
 *
 * The draft keeps what the person typed as typed (numbers as text), so that autosave restores it
 * exactly and a half-typed number is never silently turned into something else. `activityFromDraft`
 * keeps only the fields that apply to the chosen type, place and themes: switching from a workshop to
 * an individual session does not leave workshop fields behind to fail validation.
 */
import {
  DUREE_PRESETS, THEMATIQUE_DEMARCHES,
  type ActivityType, type Autonomie, type Materiel, type Niveau, type StructureRedirection, type Thematique,
  type ThematiqueDemarche, type TypeLieu,
} from '../../domain/codes';
import { BREAKDOWN_NAMES, type BreakdownName } from '../../domain/activity';
import type { Genre, StatutSocial, TrancheAge } from '../../domain/codes';
import { employingStructure, type ProfileStructure } from '../../domain/profile';
import type { Activity, AnonymousCounts, AnonymousPerson, CommuneRef, StructureEmployeuse } from '../../domain/records';
import type { RememberedDetails } from '../../domain/rememberedDetails';

export const CUSTOM_DUREE = 'custom';

export interface CountsDraft {
  total: string;
  dejaAccompagne: string;
  genres: Record<string, string>;
  tranchesAge: Record<string, string>;
  statutsSociaux: Record<string, string>;
}

export interface ActivityDraft {
  type: ActivityType;
  date: string;
  /** A preset in minutes ("15", "30"…) or CUSTOM_DUREE. */
  dureeChoice: string;
  dureeCustom: string;
  typeLieu: TypeLieu | '';
  placeId: string;
  commune?: CommuneRef;
  villageId: string;
  thematiques: Thematique[];
  thematiquesDemarche: ThematiqueDemarche[];
  precisionsDemarche: string;
  materiel: Materiel[];
  /** Comma-separated, as typed. */
  tags: string;
  notes: string;
  // individual session
  beneficiaryId: string;
  autonomie: Autonomie | '';
  oriente: '' | 'oui' | 'non';
  structureDeRedirection: StructureRedirection | '';
  // workshop
  titreAtelier: string;
  niveau: Niveau | '';
  counts: CountsDraft;
  participantIds: string[];
  /** The employing structure's name, among the profile's (the only one is taken when empty). */
  structureNom?: string;
  /** The structure an edited activity already carries (kept if the profile no longer has it). */
  structureEmployeuse?: StructureEmployeuse;
  /** An individual session with no followed person: what may be said of the person, for statistics. */
  anonyme?: AnonymousPersonDraft;
}

export interface AnonymousPersonDraft {
  genre: Genre | '';
  trancheAge: TrancheAge | '';
  statutSocial: StatutSocial | '';
  communeResidence?: CommuneRef;
  dejaAccompagne: boolean;
}

export function emptyAnonymousPerson(): AnonymousPersonDraft {
  return { genre: '', trancheAge: '', statutSocial: '', dejaAccompagne: false };
}

function anonymousPersonOf(d: AnonymousPersonDraft | undefined): AnonymousPerson | undefined {
  if (!d) return undefined;
  const person: AnonymousPerson = {
    ...(d.genre ? { genre: d.genre } : {}),
    ...(d.trancheAge ? { trancheAge: d.trancheAge } : {}),
    ...(d.statutSocial ? { statutSocial: d.statutSocial } : {}),
    ...(d.communeResidence ? { communeResidence: d.communeResidence } : {}),
    ...(d.dejaAccompagne ? { dejaAccompagne: true } : {}),
  };
  return Object.keys(person).length > 0 ? person : undefined;
}

/** The structure an activity carries: the one chosen, the profile's only one, or the one it had. */
function structureOf(d: ActivityDraft, structures: readonly ProfileStructure[]): StructureEmployeuse | undefined {
  const chosen = structures.find((s) => s.nom === d.structureNom) ?? (structures.length === 1 ? structures[0] : undefined);
  if (chosen) return employingStructure(chosen);
  return d.structureEmployeuse;
}

export function emptyCounts(): CountsDraft {
  return { total: '', dejaAccompagne: '', genres: {}, tranchesAge: {}, statutsSociaux: {} };
}

export function emptyDraft(type: ActivityType, today: string, villageId = ''): ActivityDraft {
  return {
    type, date: today, dureeChoice: type === 'collectif' ? '120' : '45', dureeCustom: '', typeLieu: '', placeId: '',
    commune: undefined, villageId, thematiques: [], thematiquesDemarche: [], precisionsDemarche: '', materiel: [],
    tags: '', notes: '', beneficiaryId: '', autonomie: '', oriente: '', structureDeRedirection: '', titreAtelier: '',
    niveau: '', counts: emptyCounts(), participantIds: [],
  };
}

/** Text as typed → number: empty is 0 for counts; anything else goes through Number (so "2,5" is NaN and refused). */
export function parseCount(text: string | undefined): number {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? 0 : Number(trimmed);
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** The duration choice of a number of minutes: its preset when there is one, else "custom". */
function dureeChoiceOf(minutes: number): Pick<ActivityDraft, 'dureeChoice' | 'dureeCustom'> {
  const preset = (DUREE_PRESETS as readonly number[]).includes(minutes);
  return { dureeChoice: preset ? String(minutes) : CUSTOM_DUREE, dureeCustom: preset ? '' : String(minutes) };
}

function dureeOf(draft: Pick<ActivityDraft, 'dureeChoice' | 'dureeCustom'>): number {
  if (draft.dureeChoice === CUSTOM_DUREE) return draft.dureeCustom.trim() === '' ? Number.NaN : Number(draft.dureeCustom);
  return Number(draft.dureeChoice);
}

function breakdownFrom(entries: Record<string, string>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [code, text] of Object.entries(entries)) if ((text ?? '').trim() !== '') result[code] = parseCount(text);
  return result;
}

function hasAnyCount(counts: CountsDraft): boolean {
  const texts = [counts.total, counts.dejaAccompagne, ...BREAKDOWN_NAMES.flatMap((n) => Object.values(counts[n]))];
  return texts.some((t) => (t ?? '').trim() !== '');
}

function countsFromDraft(counts: CountsDraft): AnonymousCounts | undefined {
  if (!hasAnyCount(counts)) return undefined;
  return {
    total: parseCount(counts.total),
    dejaAccompagne: parseCount(counts.dejaAccompagne),
    genres: breakdownFrom(counts.genres),
    tranchesAge: breakdownFrom(counts.tranchesAge),
    statutsSociaux: breakdownFrom(counts.statutsSociaux),
  };
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

export function activityFromDraft(d: ActivityDraft, structures: readonly ProfileStructure[] = []): Activity {
  const demarches = d.thematiques.includes(THEMATIQUE_DEMARCHES);
  const base: Activity = {
    structureEmployeuse: structureOf(d, structures),
    type: d.type,
    date: d.date,
    duree: dureeOf(d),
    typeLieu: d.typeLieu as TypeLieu,
    placeId: d.typeLieu === 'lieu_activite' ? optional(d.placeId) : undefined,
    commune: d.typeLieu === 'domicile' || d.typeLieu === 'autre' ? d.commune : undefined,
    villageId: optional(d.villageId),
    thematiques: d.thematiques,
    thematiquesDemarche: demarches ? d.thematiquesDemarche : [],
    precisionsDemarche: demarches ? optional(d.precisionsDemarche) : undefined,
    materiel: d.materiel,
    tags: parseTags(d.tags),
    notes: optional(d.notes),
    beneficiaryIds: [],
  };
  if (d.type === 'individuel') {
    return {
      ...base,
      beneficiaryIds: d.beneficiaryId ? [d.beneficiaryId] : [],
      beneficiaireAnonyme: d.beneficiaryId ? undefined : anonymousPersonOf(d.anonyme),
      autonomie: d.autonomie || undefined,
      orienteVersStructure: d.oriente === '' ? undefined : d.oriente === 'oui',
      structureDeRedirection: d.oriente === 'oui' ? d.structureDeRedirection || undefined : undefined,
    };
  }
  return {
    ...base,
    beneficiaryIds: [...new Set(d.participantIds)],
    titreAtelier: optional(d.titreAtelier),
    niveau: d.niveau || undefined,
    participantsAnonymes: countsFromDraft(d.counts),
  };
}

function textOf(breakdown: Partial<Record<string, number>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(breakdown ?? {}).map(([code, n]) => [code, String(n)]));
}

export function draftFromActivity(a: Activity): ActivityDraft {
  const counts = a.participantsAnonymes;
  return {
    ...emptyDraft(a.type, a.date),
    ...dureeChoiceOf(a.duree),
    typeLieu: a.typeLieu,
    placeId: a.placeId ?? '',
    commune: a.commune,
    villageId: a.villageId ?? '',
    thematiques: [...a.thematiques],
    thematiquesDemarche: [...a.thematiquesDemarche],
    precisionsDemarche: a.precisionsDemarche ?? '',
    materiel: [...a.materiel],
    tags: a.tags.join(', '),
    notes: a.notes ?? '',
    beneficiaryId: a.type === 'individuel' ? a.beneficiaryIds[0] ?? '' : '',
    autonomie: a.autonomie ?? '',
    oriente: a.orienteVersStructure === undefined ? '' : a.orienteVersStructure ? 'oui' : 'non',
    structureDeRedirection: a.structureDeRedirection ?? '',
    titreAtelier: a.titreAtelier ?? '',
    niveau: a.niveau ?? '',
    counts: counts ? {
      total: String(counts.total), dejaAccompagne: String(counts.dejaAccompagne),
      genres: textOf(counts.genres), tranchesAge: textOf(counts.tranchesAge), statutsSociaux: textOf(counts.statutsSociaux),
    } : emptyCounts(),
    participantIds: a.type === 'collectif' ? [...a.beneficiaryIds] : [],
    structureNom: a.structureEmployeuse?.nom,
    structureEmployeuse: a.structureEmployeuse,
    anonyme: a.beneficiaireAnonyme ? {
      genre: a.beneficiaireAnonyme.genre ?? '', trancheAge: a.beneficiaireAnonyme.trancheAge ?? '',
      statutSocial: a.beneficiaireAnonyme.statutSocial ?? '', communeResidence: a.beneficiaireAnonyme.communeResidence,
      dejaAccompagne: a.beneficiaireAnonyme.dejaAccompagne ?? false,
    } : undefined,
  };
}

/** Live feedback for a breakdown: how many of the total are already accounted for. */
export function breakdownProgress(counts: CountsDraft, name: BreakdownName): { sum: number; total: number } {
  const sum = Object.values(counts[name]).reduce((s, text) => s + (Number.isFinite(parseCount(text)) ? parseCount(text) : 0), 0);
  return { sum, total: Number.isFinite(parseCount(counts.total)) ? parseCount(counts.total) : 0 };
}

/** What is still there to point at: a remembered place or village may have been deleted since. */
export interface LiveChoices {
  placeIds: ReadonlySet<string>;
  villageIds: ReadonlySet<string>;
}

/**
 * A new form started from the details remembered on this laptop (domain/rememberedDetails.ts): where,
 * how long, with what. A deleted place or village is left out; a village given by the page the form
 * was opened from (a village page's "new activity") wins over the remembered one.
 */
export function withRemembered(draft: ActivityDraft, remembered: RememberedDetails | undefined, live: LiveChoices): ActivityDraft {
  if (!remembered) return draft;
  const placeId = remembered.placeId && live.placeIds.has(remembered.placeId) ? remembered.placeId : '';
  const villageId = draft.villageId || (remembered.villageId && live.villageIds.has(remembered.villageId) ? remembered.villageId : '');
  return {
    ...draft,
    ...dureeChoiceOf(remembered.duree),
    typeLieu: remembered.typeLieu === 'lieu_activite' && !placeId ? '' : remembered.typeLieu,
    placeId,
    commune: remembered.commune,
    villageId,
    materiel: [...remembered.materiel],
  };
}

/**
 * A copy of an activity to log a similar one: everything kept (same day, same person: a second
 * session with them), as a new record once saved.
 */
export function duplicateDraft(a: Activity): ActivityDraft {
  return draftFromActivity(a);
}

/** Fields of the form a new activity usually needs, in the order they appear. */
export type StartField = 'date' | 'duree' | 'typeLieu' | 'placeId' | 'commune' | 'thematiques' | 'titreAtelier';

/**
 * Where the cursor starts in a new form: the first field still to fill. With the details remembered
 * from the last activity, that is the themes (or a workshop's title): the date, the duration and the
 * place are already right.
 */
export function firstFieldToFill(d: ActivityDraft): StartField {
  if (d.date === '') return 'date';
  if (d.dureeChoice === '' || (d.dureeChoice === CUSTOM_DUREE && d.dureeCustom.trim() === '')) return 'duree';
  if (d.typeLieu === '') return 'typeLieu';
  if (d.typeLieu === 'lieu_activite' && d.placeId === '') return 'placeId';
  if ((d.typeLieu === 'domicile' || d.typeLieu === 'autre') && !d.commune) return 'commune';
  if (d.type === 'collectif' && d.titreAtelier.trim() === '') return 'titreAtelier';
  return 'thematiques';
}
