/**
 * All activities, newest first. Up to the ceiling (`listLimit.ts`, counted from the dashboard's rows),
 * fast with 100 000 of them: the first screen comes from a limited query and the whole list follows
 * (`useActivityList`); every filter, the date range included, runs in memory on that one list, in a
 * deferred render so typing never waits for it; the search text of each activity is folded once per
 * list load (`searchIndex`). Above the ceiling (a region's million), the list is paged and filters scan
 * in bounded steps (`usePagedActivities`), with the same filter. Villages and places are read once into
 * maps for the row labels.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { getRelais } from '../../db';
import { liveBeneficiaries } from '../../db/beneficiaries';
import { livePlaces } from '../../db/places';
import { liveVillages } from '../../db/villages';
import { ACTIVITY_TYPES, THEMATIQUES, type Thematique } from '../../domain/codes';
import type { Activity, Beneficiary, Stored } from '../../domain/records';
import { formatDate, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField, useCodeOptions } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { ariaKeys, Shortcut } from '../../ui/shortcuts';
import { VirtualList } from '../../ui/VirtualList';
import { WriteAction } from '../../ui/readOnly';
import { useRead } from '../../ui/useRead';
import { AuthorFilterFields, authorText, useAuthors } from '../../ui/authors';
import type { AuthorDirectory } from '../../db/authors';
import { countLiveActivitiesFromRows, lastActivityChange } from '../../db/activities';
import { filterActivities, hasFilters, NO_FILTERS, searchableText, searchIndex, type ActivityFilters } from './filter';
import { activityToFocus } from './focusAfterSave';
import { useActivityList } from './useActivityList';
import { listInMemoryLimit } from './listLimit';
import { activityKey, PagedResults, ROW_HEIGHT } from './PagedResults';
import { usePagedActivities } from './usePagedActivities';

/** No people read: the paged list searches no codes until a search is typed. */
async function noPeople(): Promise<Array<Stored<Beneficiary>>> {
  return [];
}

/**
 * Names shown on rows and searched: village and place names, followed people's codes, by id, built
 * once per change of those tables. `withCodes`: read the people too (a region's ~90,000: over a second
 * before the paged list's first screen, which shows no code).
 */
function useLookups(withCodes: boolean) {
  const villages = useRead(liveVillages);
  const places = useRead(livePlaces);
  const people = useRead(withCodes ? liveBeneficiaries : noPeople);
  return useMemo(() => {
    const codes = new Map((people ?? []).map((b) => [b.id, b.code]));
    return {
      villages: villages ?? [],
      villageName: new Map((villages ?? []).map((v) => [v.id, v.commune.nom])),
      placeName: new Map((places ?? []).map((p) => [p.id, p.nom])),
      codeOf: (id: string) => codes.get(id),
    };
  }, [villages, places, people]);
}

/**
 * The activity to put the cursor on (the one just saved), then "New individual session" when it is
 * not in the list: the cursor never falls back to the page body.
 */
function useFocusAfterSave(shown: readonly Stored<Activity>[], complete: boolean) {
  const location = useLocation();
  const [pending, setPending] = useState(() => activityToFocus(location.state));
  const newButton = useRef<HTMLAnchorElement>(null);
  // Until the whole list is read, an activity not in the first screen may still come.
  const inList = pending !== undefined && shown.some((a) => a.id === pending);
  useEffect(() => {
    if (pending !== undefined && complete && !inList) {
      newButton.current?.focus();
      setPending(undefined);
    }
  }, [pending, complete, inList]);
  return {
    newButton,
    focusKey: inList ? pending : undefined,
    onFocused: (found: boolean) => {
      if (!found) newButton.current?.focus();
      setPending(undefined);
    },
  };
}

export function ActivityListPage() {
  const { t } = useTranslation('activities');
  const toast = useToast();
  const [params] = useSearchParams();
  // A person's page links here with their code as the search.
  const [filters, setFilters] = useState<ActivityFilters>(() => ({ ...NO_FILTERS, search: params.get('search') ?? '' }));
  const [toDelete, setToDelete] = useState<Stored<Activity> | null>(null);
  // The inputs show `filters` at once; the list follows `listFilters` when React has time for it.
  const listFilters = useDeferredValue(filters);
  // Above the ceiling the whole list is never read (`undefined`: not known yet, a few milliseconds).
  const total = useRead(countLiveActivitiesFromRows);
  const inMemory = total === undefined ? undefined : total === null || total <= listInMemoryLimit;
  const { items: activities, complete } = useActivityList(inMemory);
  // The whole list in memory folds its search texts ahead, codes included; the paged one searches codes
  // only once a search is typed.
  const lookups = useLookups(inMemory === true || filters.search !== '');
  const authors = useAuthors();
  const types = useCodeOptions('type', ACTIVITY_TYPES);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  // Built from `t` (stable until the language changes), not from `thematiques` (a new array at every
  // render): the search index and the filtered list are memoised on this function.
  const { t: codeLabel } = useTranslation('codes');
  const thematiqueLabel = useMemo(() => {
    const labels = new Map(THEMATIQUES.map((code) => [code, codeLabel(`thematiques.${code}`)]));
    return (code: Thematique) => labels.get(code) ?? code;
  }, [codeLabel]);
  const textOf = useMemo(() => searchIndex(activities ?? [], thematiqueLabel, lookups.codeOf), [activities, thematiqueLabel, lookups.codeOf]);
  useEffect(() => {
    // Fold the search texts while the person looks at the list, not at their first keystroke.
    if (!complete || !activities?.length) return;
    const idle = requestIdleCallback(() => textOf(activities[0]));
    return () => cancelIdleCallback(idle);
  }, [complete, activities, textOf]);
  const inMemoryShown = useMemo(
    () => (inMemory === false ? [] : filterActivities(activities ?? [], listFilters, thematiqueLabel, textOf)),
    [inMemory, activities, listFilters, thematiqueLabel, textOf],
  );
  // The paged list's filter: the same pure one, the people's codes searched only when there is a search.
  const codeOf = listFilters.search ? lookups.codeOf : undefined;
  const matches = useMemo(
    () => (chunk: Stored<Activity>[]) => filterActivities(chunk, listFilters, thematiqueLabel, (a) => searchableText(a, thematiqueLabel, codeOf)),
    [listFilters, thematiqueLabel, codeOf],
  );
  // The paged list reads again when the activities change, their number or not (an edit that arrived
  // in the inbox leaves it as it was).
  const lastChange = useRead(lastActivityChange);
  const paged = usePagedActivities(inMemory === false && lastChange !== undefined, listFilters, matches, `${total}/${lastChange}`);
  const shown = paged?.items ?? inMemoryShown;
  const set = (changes: Partial<ActivityFilters>) => setFilters((f) => ({ ...f, ...changes }));
  const focus = useFocusAfterSave(shown, paged ? paged.status !== 'reading' : complete);

  async function confirmDelete() {
    if (!toDelete) return;
    const { id } = toDelete;
    setToDelete(null);
    const repo = getRelais().activities;
    await repo.remove(id);
    toast.notifyWithUndo(t('list.deleted'), () => repo.restore(id));
  }

  const actions = (
    <WriteAction>
      <Link ref={focus.newButton} className="button button--primary" to="/activities/new?type=individuel" aria-keyshortcuts={ariaKeys('newIndividual')}>
        {t('list.newIndividual')}<span aria-hidden="true"><Shortcut name="newIndividual" /></span>
      </Link>
      <Link className="button button--primary" to="/activities/new?type=collectif" aria-keyshortcuts={ariaKeys('newWorkshop')}>
        {t('list.newWorkshop')}<span aria-hidden="true"><Shortcut name="newWorkshop" /></span>
      </Link>
    </WriteAction>
  );

  return (
    <Page title={t('list.title')} actions={actions}>
      <div className="filters activity-filters" role="search" aria-label={t('list.filters')}>
        <TextField type="search" label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={filters.search} onChange={(search) => set({ search })} />
        <TextField type="date" label={t('common:list.from')} value={filters.from} onChange={(from) => set({ from })} />
        <TextField type="date" label={t('common:list.to')} value={filters.to} onChange={(to) => set({ to })} />
        <SelectField label={t('list.type')} options={types} value={filters.type} placeholder={t('list.allTypes')} onChange={(type) => set({ type })} />
        <SelectField label={t('list.thematique')} options={thematiques} value={filters.thematique} placeholder={t('list.allThematiques')} onChange={(thematique) => set({ thematique })} />
        <SelectField label={t('list.village')} options={lookups.villages.map((v) => ({ value: v.id, label: v.commune.nom }))} value={filters.villageId}
          placeholder={t('list.allVillages')} onChange={(villageId) => set({ villageId })} />
        <AuthorFilterFields authors={authors} value={filters} onChange={set} />
        {hasFilters(filters) ? (
          <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>{t('common:actions.clearFilters')}</button>
        ) : null}
      </div>
      {paged && total ? (
        <PagedResults list={paged} total={total} filters={listFilters} label={t('list.label')} focus={focus}
          renderRow={(a) => <ActivityRow activity={a} lookups={lookups} authors={authors} thematiqueLabel={thematiqueLabel} onDelete={() => setToDelete(a)} />} />
      ) : activities === undefined || inMemory === undefined ? null : (
        <div className="activity-results" aria-busy={!complete || listFilters !== filters}>
          {/* Until the whole list is read, the count would be wrong: "…" instead. */}
          <p className="list-count" role="status">
            {complete ? t('list.count', { count: shown.length, formatted: formatNumber(shown.length) }) : t('list.countPending')}
          </p>
          {shown.length === 0 && !complete ? (
            <p className="notice">{t('list.readingAll')}</p>
          ) : shown.length === 0 ? (
            <EmptyState>{hasFilters(listFilters) ? t('common:list.noMatch') : t('list.empty')}</EmptyState>
          ) : (
            <VirtualList items={shown} rowHeight={ROW_HEIGHT} label={t('list.label')} getKey={activityKey} focusKey={focus.focusKey} onFocused={focus.onFocused}
              renderRow={(a) => <ActivityRow activity={a} lookups={lookups} authors={authors} thematiqueLabel={thematiqueLabel} onDelete={() => setToDelete(a)} />} />
          )}
        </div>
      )}
      <ConfirmDialog open={toDelete !== null} title={t('list.deleteTitle')} message={t('common:delete.message')}
        confirmLabel={t('common:actions.delete')} danger onConfirm={confirmDelete} onCancel={() => setToDelete(null)} />
    </Page>
  );
}

interface RowProps {
  activity: Stored<Activity>;
  lookups: ReturnType<typeof useLookups>;
  authors: AuthorDirectory | undefined;
  thematiqueLabel: (code: Thematique) => string;
  onDelete: () => void;
}

function ActivityRow({ activity: a, lookups, authors, thematiqueLabel, onDelete }: RowProps) {
  const { t } = useTranslation(['activities', 'codes', 'common']);
  // Written elsewhere: only its author changes it (the repository refuses too), so no delete here.
  const author = authors?.of(a.authorDevice);
  const others = author !== undefined && !author.own;
  const title = a.titreAtelier || (a.thematiques[0] ? thematiqueLabel(a.thematiques[0]) : '');
  const where = (a.villageId && lookups.villageName.get(a.villageId))
    || (a.placeId && lookups.placeName.get(a.placeId)) || a.commune?.nom || t(`codes:typeLieu.${a.typeLieu}`);
  return (
    <div className="activity-row">
      <Link className="row-link" to={`/activities/${a.id}/edit`}>
        <span className="activity-date">{formatDate(a.date)}</span>
        <span className={`tag tag--${a.type}`}>{t(`codes:type.${a.type}`)}</span>
        <span className="activity-main">
          <span className="row-title">{title}</span>
          <span className="row-meta">
            {t('list.duration', { count: a.duree, formatted: formatNumber(a.duree) })} · {where}
            {author && others ? <> · <span className="author author--other">{authorText(author, t)}</span></> : null}
          </span>
        </span>
      </Link>
      <WriteAction>
        <Link className="button button--small" to={`/activities/new?from=${a.id}`} aria-label={t('list.duplicateOne', { title, date: formatDate(a.date) })}>
          {t('list.duplicate')}
        </Link>
        {others ? <span className="tag tag--readonly">{t('common:author.readOnly')}</span> : (
          <button type="button" className="button button--small" onClick={onDelete} aria-label={t('list.deleteOne', { title, date: formatDate(a.date) })}>
            {t('common:actions.delete')}
          </button>
        )}
      </WriteAction>
    </div>
  );
}
