/**
 * What a mediator's next activity most likely shares with the last one saved on this laptop: where
 * (the kind of place, the place or the commune, the village), how long, with what equipment. A new
 * activity form starts from it, per type (a workshop lasts longer than a one-to-one session).
 * Kept per device (db/activityDefaults.ts), never synced: another laptop has its own habits.
 */
import type { ActivityType, Materiel, TypeLieu } from './codes';
import type { Activity, CommuneRef } from './records';

export interface RememberedDetails {
  typeLieu: TypeLieu;
  placeId?: string;
  commune?: CommuneRef;
  villageId?: string;
  duree: number;
  materiel: Materiel[];
}

export type RememberedByType = Partial<Record<ActivityType, RememberedDetails>>;

/** The details of a saved activity worth starting the next one with. */
export function rememberedFrom(activity: Activity): RememberedDetails {
  return {
    typeLieu: activity.typeLieu,
    placeId: activity.placeId,
    commune: activity.commune,
    villageId: activity.villageId,
    duree: activity.duree,
    materiel: [...activity.materiel],
  };
}
