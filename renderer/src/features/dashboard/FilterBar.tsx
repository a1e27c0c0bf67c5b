/**
 * The filter bar of activities — period (by day), type, mediator, structure, département, commune,
 * place, thématique, démarche, tag, village — with the dashboard's choices (`dashboardChoices`: the
 * values that have activities; every live place, from the places' directory). The one bar: the
 * dashboard and the exports page both draw it, over
 * the one filter model (domain/stats/filters.ts).
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { structuresOfAuthors } from '../../db/authors';
import { dashboardChoices, placeDirectory, type PlaceDirectory } from '../../db/stats/dashboard';
import { liveVillagesByName } from '../../db/villages';
import { compareFrench } from '../../domain/collation';
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

/**
 * A select that renders again only when its own value or choices change: the place and commune filters
 * hold a thousand choices each, and a change of the type filter must not rebuild them (it did, every
 * filter change: a third of the dashboard's work on the page's thread).
 */
const FilterSelect = memo(SelectField) as typeof SelectField;

/** One stable handler per filter, calling the latest `set` (a new function at every change of the address). */
function useSetters(set: FilterBarProps['set']): <K extends keyof ActivityFilters>(field: K) => (value: string) => void {
  const latest = useRef(set);
  useEffect(() => { latest.current = set; });
  return useMemo(() => {
    const made = new Map<string, (value: string) => void>();
    return (field) => {
      let setter = made.get(field);
      if (!setter) {
        setter = (value: string) => latest.current({ [field]: value });
        made.set(field, setter);
      }
      return setter;
    };
  }, []);
}

export function FilterBar({ filters, set, clear, label, places: given }: FilterBarProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const places = useRead(placesUnlessGiven, given);
  const choices = useRead(dashboardChoices);
  const authors = useAuthors();
  const villages = useRead(liveVillagesByName);
  const communeName = useCommuneNames() ?? NO_NAMES;
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const demarches = useCodeOptions('thematiquesDemarche', THEMATIQUES_DEMARCHE);
  const setter = useSetters(set);
  const options = useMemo(() => {
    const structures = [...new Set([...(choices?.structure ?? []), ...(authors ? structuresOfAuthors(authors) : [])])].sort(compareFrench);
    return {
      author: (authors?.authors ?? []).map((a) => ({ value: a.deviceId, label: authorText(a, t) })),
      structure: structures.map((s) => ({ value: s, label: s })),
      departement: (choices?.dept ?? []).map((code) => ({ value: code, label: `${departementName(code) ?? code} (${code})` })),
      commune: (choices?.commune ?? []).map((code) => ({ value: code, label: `${communeName.get(code) ?? code} (${code})` })),
      // A place chosen before it was deleted stays shown as chosen.
      place: [...new Set([...(places?.choices ?? []), ...(filters.place ? [filters.place] : [])])]
        .map((id) => ({ value: id, label: places?.nameOf.get(id) ?? t('filters.unknownPlace') })),
      village: (villages ?? []).map((v) => ({ value: v.id, label: v.commune.nom })),
      tag: (choices?.tag ?? []).map((tag) => ({ value: tag, label: tag })),
    };
  }, [choices, authors, communeName, places, villages, filters.place, t]);
  const any = Object.values(filters).some(Boolean);
  const all = t('filters.all');
  return (
    <div className="filters dashboard-filters no-print" role="search" aria-label={label}>
      <TextField type="date" label={t('filters.from')} value={filters.from ?? ''} onChange={setter('from')} />
      <TextField type="date" label={t('filters.to')} value={filters.to ?? ''} onChange={setter('to')} />
      <FilterSelect label={t('filters.type')} options={types} value={filters.type ?? ''} placeholder={all} onChange={setter('type')} />
      <FilterSelect label={t('filters.author')} value={filters.author ?? ''} placeholder={all} onChange={setter('author')} options={options.author} />
      <FilterSelect label={t('filters.structure')} value={filters.structure ?? ''} placeholder={all} onChange={setter('structure')} options={options.structure} />
      <FilterSelect label={t('filters.departement')} value={filters.departement ?? ''} placeholder={all} onChange={setter('departement')} options={options.departement} />
      <FilterSelect label={t('filters.commune')} value={filters.commune ?? ''} placeholder={all} onChange={setter('commune')} options={options.commune} />
      <FilterSelect label={t('filters.place')} value={filters.place ?? ''} placeholder={all} onChange={setter('place')} options={options.place} />
      <FilterSelect label={t('filters.village')} value={filters.village ?? ''} placeholder={all} onChange={setter('village')} options={options.village} />
      <FilterSelect label={t('filters.thematique')} options={thematiques} value={filters.thematique ?? ''} placeholder={all} onChange={setter('thematique')} />
      <FilterSelect label={t('filters.demarche')} options={demarches} value={filters.demarche ?? ''} placeholder={all} onChange={setter('demarche')} />
      <FilterSelect label={t('filters.tag')} value={filters.tag ?? ''} placeholder={all} onChange={setter('tag')} options={options.tag} />
      {any ? <button type="button" className="button" onClick={clear}>{t('common:actions.clearFilters')}</button> : null}
    </div>
  );
}
