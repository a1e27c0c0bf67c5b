/**
 * The filter bar of activities — period (by day), type, mediator, structure, département, commune,
 * place, thématique, démarche, tag, village — with the dashboard's choices (`dashboardChoices`: the
 * values that have activities). The one bar: the dashboard and the exports page both draw it, over
 * the one filter model (domain/stats/filters.ts).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { structuresOfAuthors } from '../../db/authors';
import { dashboardChoices, placeDirectory, type PlaceDirectory } from '../../db/stats/dashboard';
import { liveVillagesByName } from '../../db/villages';
import { ACTIVITY_TYPES, THEMATIQUES, THEMATIQUES_DEMARCHE } from '../../domain/codes';
import type { ActivityFilters } from '../../domain/stats/filters';
import { authorText, useAuthors } from '../../ui/authors';
import { SelectField, TextField, useCodeOptions } from '../../ui/form';
import { useRead } from '../../ui/useRead';
import { departementName } from '../communes/departements';
import { useCommuneNames } from '../communes/communes';
import { filtersFromParams, paramsFromDrill } from './params';

/**
 * The filters of the page's address, and how to change them (the address is the one state: a view can
 * be bookmarked, and a link carries it to another page). `key` changes when the filters do.
 */
export function useFiltersInAddress(): Omit<FilterBarProps, 'label' | 'places'> & { key: string } {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  return {
    filters,
    key: paramsFromDrill(filters),
    set: (changes) => setParams(paramsFromDrill({ ...filters, ...changes }), { replace: true }),
    clear: () => setParams('', { replace: true }),
  };
}

export interface FilterBarProps {
  filters: ActivityFilters;
  set: (changes: Partial<ActivityFilters>) => void;
  clear: () => void;
  /** The accessible name of the bar (the page's own words). */
  label: string;
  /**
   * The places' communes and names when the page reads them (the dashboard does, for its figures):
   * `null` while it reads them (the bar waits rather than reading them a second time); left out, the bar
   * reads them itself.
   */
  places?: PlaceDirectory | null;
}

const NO_NAMES = new Map<string, string>();

/** The places the page gave, or read here when it gave none (`null`: the page's read is under way). */
function placesUnlessGiven(db: Parameters<typeof placeDirectory>[0], given: PlaceDirectory | null | undefined): Promise<PlaceDirectory | undefined> {
  return given === undefined ? placeDirectory(db) : Promise.resolve(given ?? undefined);
}

/** Every filter's choices, once the places' communes are known (so they are not read a second time). */
function choicesWith(db: Parameters<typeof dashboardChoices>[0], places: PlaceDirectory | undefined) {
  return places ? dashboardChoices(db, places.communeOf) : Promise.resolve(undefined);
}

export function FilterBar({ filters, set, clear, label, places: given }: FilterBarProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const places = useRead(placesUnlessGiven, given);
  const choices = useRead(choicesWith, places);
  const authors = useAuthors();
  const villages = useRead(liveVillagesByName);
  const communeName = useCommuneNames() ?? NO_NAMES;
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const demarches = useCodeOptions('thematiquesDemarche', THEMATIQUES_DEMARCHE);
  const structures = [...new Set([...(choices?.structure ?? []), ...(authors ? structuresOfAuthors(authors) : [])])].sort((a, b) => a.localeCompare(b, 'fr'));
  const any = Object.values(filters).some(Boolean);
  const all = t('filters.all');
  return (
    <div className="filters dashboard-filters no-print" role="search" aria-label={label}>
      <TextField type="date" label={t('filters.from')} value={filters.from ?? ''} onChange={(from) => set({ from })} />
      <TextField type="date" label={t('filters.to')} value={filters.to ?? ''} onChange={(to) => set({ to })} />
      <SelectField label={t('filters.type')} options={types} value={filters.type ?? ''} placeholder={all} onChange={(type) => set({ type })} />
      <SelectField label={t('filters.author')} value={filters.author ?? ''} placeholder={all} onChange={(author) => set({ author })}
        options={(authors?.authors ?? []).map((a) => ({ value: a.deviceId, label: authorText(a, t) }))} />
      <SelectField label={t('filters.structure')} value={filters.structure ?? ''} placeholder={all} onChange={(structure) => set({ structure })}
        options={structures.map((s) => ({ value: s, label: s }))} />
      <SelectField label={t('filters.departement')} value={filters.departement ?? ''} placeholder={all} onChange={(departement) => set({ departement })}
        options={(choices?.dept ?? []).map((code) => ({ value: code, label: `${departementName(code) ?? code} (${code})` }))} />
      <SelectField label={t('filters.commune')} value={filters.commune ?? ''} placeholder={all} onChange={(commune) => set({ commune })}
        options={(choices?.commune ?? []).map((code) => ({ value: code, label: `${communeName.get(code) ?? code} (${code})` }))} />
      <SelectField label={t('filters.place')} value={filters.place ?? ''} placeholder={all} onChange={(place) => set({ place })}
        options={(choices?.place ?? []).map((id) => ({ value: id, label: places?.nameOf.get(id) ?? t('filters.unknownPlace') }))} />
      <SelectField label={t('filters.village')} value={filters.village ?? ''} placeholder={all} onChange={(village) => set({ village })}
        options={(villages ?? []).map((v) => ({ value: v.id, label: v.commune.nom }))} />
      <SelectField label={t('filters.thematique')} options={thematiques} value={filters.thematique ?? ''} placeholder={all} onChange={(thematique) => set({ thematique })} />
      <SelectField label={t('filters.demarche')} options={demarches} value={filters.demarche ?? ''} placeholder={all} onChange={(demarche) => set({ demarche })} />
      <SelectField label={t('filters.tag')} value={filters.tag ?? ''} placeholder={all} onChange={(tag) => set({ tag })}
        options={(choices?.tag ?? []).map((tag) => ({ value: tag, label: tag }))} />
      {any ? <button type="button" className="button" onClick={clear}>{t('common:actions.clearFilters')}</button> : null}
    </div>
  );
}
