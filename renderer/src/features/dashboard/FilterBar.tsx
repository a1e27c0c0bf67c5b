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
import { livePlaces } from '../../db/places';
import { dashboardChoices } from '../../db/stats/dashboard';
import { liveVillagesByName } from '../../db/villages';
import { ACTIVITY_TYPES, THEMATIQUES, THEMATIQUES_DEMARCHE } from '../../domain/codes';
import type { ActivityFilters } from '../../domain/stats/filters';
import { authorText, useAuthors } from '../../ui/authors';
import { SelectField, TextField, useCodeOptions } from '../../ui/form';
import { useRead } from '../../ui/useRead';
import { departementName } from '../communes/departements';
import { useCommunes } from '../communes/communes';
import { filtersFromParams, paramsFromDrill } from './params';

/**
 * The filters of the page's address, and how to change them (the address is the one state: a view can
 * be bookmarked, and a link carries it to another page). `key` changes when the filters do.
 */
export function useFiltersInAddress(): Omit<FilterBarProps, 'label' | 'communesOfPlaces'> & { key: string } {
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
  /** `placeCommunes`, when the page has read them already (the dashboard does, for its figures). */
  communesOfPlaces?: Map<string, string>;
}

export function FilterBar({ filters, set, clear, label, communesOfPlaces }: FilterBarProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  // With the places' communes the page read, or read here when it read none.
  const choices = useRead(dashboardChoices, communesOfPlaces);
  const authors = useAuthors();
  const places = useRead(livePlaces);
  const villages = useRead(liveVillagesByName);
  const communes = useCommunes();
  const communeName = useMemo(() => new Map((communes ?? []).map((c) => [c.codeInsee, c.nom])), [communes]);
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const demarches = useCodeOptions('thematiquesDemarche', THEMATIQUES_DEMARCHE);
  const placeName = new Map((places ?? []).map((p) => [p.id, p.nom]));
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
        options={(choices?.place ?? []).map((id) => ({ value: id, label: placeName.get(id) ?? t('filters.unknownPlace') }))} />
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
