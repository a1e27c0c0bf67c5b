/** Live reads of the workshops feature (screens redraw on their own when the database changes). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { liveBeneficiaries } from '../../db/beneficiaries';
import { livePlaces } from '../../db/places';
import { liveSeries, liveSessions, liveSessionsOfSeries, liveTemplates } from '../../db/workshops';
import type { Beneficiary, Place, Stored } from '../../domain/records';
import type { StarterLanguage } from '../../domain/workshops/starterTemplates';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../../domain/workshops/types';
import { useRead, useRecord } from '../../ui/useRead';

export function useTemplates(): Stored<WorkshopTemplate>[] | undefined {
  return useRead(liveTemplates);
}

export function useTemplate(id: string | undefined): Stored<WorkshopTemplate> | null | undefined {
  return useRecord('workshopTemplate', id);
}

export function useSeriesList(): Stored<WorkshopSeries>[] | undefined {
  return useRead(liveSeries);
}

export function useSeries(id: string | undefined): Stored<WorkshopSeries> | null | undefined {
  return useRecord('workshopSeries', id);
}

export function useSession(id: string | undefined): Stored<WorkshopSession> | null | undefined {
  return useRecord('workshopSession', id);
}

export function useSessionsOf(seriesId: string | undefined): Stored<WorkshopSession>[] | undefined {
  return useRead(liveSessionsOfSeries, seriesId);
}

export function useAllSessions(): Stored<WorkshopSession>[] | undefined {
  return useRead(liveSessions);
}

export function usePlaces(): Stored<Place>[] | undefined {
  return useRead(livePlaces);
}

/** Followed people by id (pseudonymous codes only), to show participants' codes. */
export function useBeneficiariesById(): Map<string, Stored<Beneficiary>> | undefined {
  const people = useRead(liveBeneficiaries);
  return useMemo(() => people && new Map(people.map((b) => [b.id, b])), [people]);
}

/** The language starters are copied in: the one the user works in now (French where it has no starters). */
export function useStarterLanguage(): StarterLanguage {
  const { i18n } = useTranslation();
  return i18n.language;
}

/** Where a series happens, in words: the place's name, else the commune. */
export function whereLabel(series: WorkshopSeries, places: readonly Stored<Place>[] | undefined, commune = series.commune): string {
  if (series.placeId) return places?.find((p) => p.id === series.placeId)?.nom ?? '';
  return commune ? `${commune.nom} (${commune.codePostal})` : '';
}
