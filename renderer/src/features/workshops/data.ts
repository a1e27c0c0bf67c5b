/** Live reads of the workshops feature (screens redraw on their own when the database changes). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import type { Beneficiary, Place, Stored } from '../../domain/records';
import type { StarterLanguage } from '../../domain/workshops/starterTemplates';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../../domain/workshops/types';

export function useTemplates(): Stored<WorkshopTemplate>[] | undefined {
  return useLiveQuery(() => getRelais().db.workshopTemplates.filter((t) => t.deleted === 0).toArray(), []);
}

export function useTemplate(id: string | undefined): Stored<WorkshopTemplate> | null | undefined {
  return useLiveQuery(async () => (id ? (await getRelais().db.workshopTemplates.get(id)) ?? null : null), [id]);
}

export function useSeriesList(): Stored<WorkshopSeries>[] | undefined {
  return useLiveQuery(() => getRelais().db.workshopSeries.filter((s) => s.deleted === 0).toArray(), []);
}

export function useSeries(id: string | undefined): Stored<WorkshopSeries> | null | undefined {
  return useLiveQuery(async () => (id ? (await getRelais().db.workshopSeries.get(id)) ?? null : null), [id]);
}

export function useSession(id: string | undefined): Stored<WorkshopSession> | null | undefined {
  return useLiveQuery(async () => (id ? (await getRelais().db.workshopSessions.get(id)) ?? null : null), [id]);
}

export function useSessionsOf(seriesId: string | undefined): Stored<WorkshopSession>[] | undefined {
  return useLiveQuery(
    async () => (seriesId ? getRelais().db.workshopSessions.where('seriesId').equals(seriesId).filter((s) => s.deleted === 0).toArray() : []),
    [seriesId],
  );
}

export function useAllSessions(): Stored<WorkshopSession>[] | undefined {
  return useLiveQuery(() => getRelais().db.workshopSessions.filter((s) => s.deleted === 0).toArray(), []);
}

export function usePlaces(): Stored<Place>[] | undefined {
  return useLiveQuery(() => getRelais().db.places.filter((p) => p.deleted === 0).toArray(), []);
}

/** Followed people by id (pseudonymous codes only). */
export function useBeneficiaries(): Map<string, Stored<Beneficiary>> | undefined {
  return useLiveQuery(async () => {
    const all = await getRelais().db.beneficiaries.filter((b) => b.deleted === 0).toArray();
    return new Map(all.map((b) => [b.id, b]));
  }, []);
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
