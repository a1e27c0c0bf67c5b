/**
 * The data of the three synced workshop records. Like every record they are stored flat with their
 * sync metadata (see domain/records.ts) and written only through RecordRepository, so each field
 * carries its own version stamp and travels in bundles.
 */
import type { Genre, Materiel, Niveau, StatutSocial, Thematique, TrancheAge } from '../codes';
import type { CommuneRef } from '../records';
import type { PixCompetence, SelfAssessmentLevel } from './pix';

/** One step of a workshop outline. `id` is stable so a session can tick it even after edits. */
export interface OutlineStep {
  id: string;
  titre: string;
  /** Planned minutes for the step (optional). */
  minutes?: number;
}

export interface WorkshopTemplate {
  titre: string;
  objectifs: string;
  niveau: Niveau;
  thematiques: Thematique[];
  competencesPix: PixCompetence[];
  /** Whole minutes. */
  duree: number;
  /** Equipment codes reported in the activity (CRA `materiel`). */
  materiel: Materiel[];
  /** What to bring or prepare, in the trainer's words (projector, spare mice, test accounts…). */
  materielNecessaire?: string;
  etapes: OutlineStep[];
  /** Copied from the built-in starter library (see starterTemplates.ts). */
  starter?: boolean;
  /** Which starter it was copied from, so the same starter is not copied twice. */
  starterKey?: string;
}

/** A participant's self-assessment at the start or the end of a series, per Pix competence. */
export interface SelfAssessment {
  beneficiaryId: string;
  moment: 'debut' | 'fin';
  /** YYYY-MM-DD */
  date: string;
  niveaux: Partial<Record<PixCompetence, SelfAssessmentLevel>>;
}

export interface WorkshopSeries {
  templateId: string;
  titre: string;
  /** Fixed series: the place where every session happens. */
  placeId?: string;
  /** Itinerant series: sessions move from village to village (each session may name its commune). */
  itinerant: boolean;
  /** Commune of the series when it has no place (required then). */
  commune?: CommuneRef;
  villageId?: string;
  /** Followed participants (pseudonymous beneficiary ids) enrolled in the series. */
  participantIds: string[];
  evaluations: SelfAssessment[];
  notes?: string;
}

export const SESSION_STATUSES = ['prevue', 'annulee', 'cloturee'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A person who came without being followed: only the CRA's anonymous categories, never an identity. */
export interface WalkIn {
  genre: Genre;
  trancheAge: TrancheAge;
  statutSocial: StatutSocial;
  dejaAccompagne: boolean;
}

export interface WorkshopSession {
  seriesId: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, optional. */
  heure?: string;
  statut: SessionStatus;
  /** Itinerant series: where this session happens (overrides the series' commune). */
  commune?: CommuneRef;
  villageId?: string;
  /** Whole minutes actually spent, when different from the template's. */
  duree?: number;
  /** Followed participants marked present. */
  presents: string[];
  walkIns: WalkIn[];
  /** Outline step ids covered. */
  etapesCouvertes: string[];
  /** What to revisit next time (no sensitive data). */
  aRevoir?: string;
  /** The activity created when the session was closed. */
  activityId?: string;
}

/** What the session screen records; `closeSession` turns it into an activity. */
export type Attendance = Pick<WorkshopSession, 'presents' | 'walkIns' | 'etapesCouvertes' | 'aRevoir' | 'duree'>;
