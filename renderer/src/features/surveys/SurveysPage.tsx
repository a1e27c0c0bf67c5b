/** Surveys: newest first, filtered by village, date range and text; each row opens the edit form. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { liveSurveysNewestFirst } from '../../db/surveys';
import { liveVillagesNewestFirst } from '../../db/villages';
import type { Stored, Survey, Village } from '../../domain/records';
import { formatDate } from '../../i18n/format';
import { SelectField, TextField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { VirtualList } from '../../ui/VirtualList';
import { useRead } from '../../ui/useRead';
import { AuthorFilterFields, useAuthors } from '../../ui/authors';
import { authorStructure, type AuthorDirectory } from '../../db/authors';
import { filterSurveys, hasFilters, NO_FILTERS, type SurveyFilters } from './surveyFilters';
import { useSurveyDeletion } from './useSurveyDeletion';
import { WriteAction } from '../../ui/readOnly';

const ROW_HEIGHT = 68;

function SurveyRow({ survey, village, onDelete }: { survey: Stored<Survey>; village: Village; onDelete: () => void }) {
  const { t } = useTranslation(['surveys', 'codes', 'common']);
  const stage = survey.stadeMaturite ? t(`codes:stadeMaturite.${survey.stadeMaturite}`) : undefined;
  return (
    <div className="survey-row">
      <Link className="row-link" to={`/surveys/${survey.id}/edit`}>
        <span className="survey-row-date">{formatDate(survey.date)}</span>
        <span className="row-title">{village.commune.nom}</span>
        <span className="row-meta">{survey.author}</span>
        {stage ? <span className="tag">{stage}</span> : null}
      </Link>
      <WriteAction>
        <button type="button" className="button button--small"
          aria-label={t('surveys:list.deleteLabel', { name: village.commune.nom, date: formatDate(survey.date, 'long') })}
          onClick={onDelete}>{t('common:actions.delete')}</button>
      </WriteAction>
    </div>
  );
}

interface FiltersProps { filters: SurveyFilters; setFilters: (f: SurveyFilters) => void; villages: Stored<Village>[]; authors: AuthorDirectory | undefined }

function Filters({ filters, setFilters, villages, authors }: FiltersProps) {
  const { t } = useTranslation(['surveys', 'common']);
  const options = villages.map((v) => ({ value: v.id, label: v.commune.nom }));
  const set = (changes: Partial<SurveyFilters>) => setFilters({ ...filters, ...changes });
  return (
    <div className="filters" role="search" aria-label={t('surveys:list.filters')}>
      <TextField type="search" label={t('common:actions.search')} hint={t('surveys:list.searchHint')} value={filters.query} onChange={(query) => set({ query })} />
      <SelectField label={t('surveys:list.village')} placeholder={t('surveys:list.allVillages')} options={options} value={filters.villageId} onChange={(villageId) => set({ villageId })} />
      <TextField type="date" label={t('common:list.from')} value={filters.from} onChange={(from) => set({ from })} />
      <TextField type="date" label={t('common:list.to')} value={filters.to} onChange={(to) => set({ to })} />
      <AuthorFilterFields authors={authors} value={filters} onChange={set} />
      {hasFilters(filters) ? <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>{t('common:actions.clearFilters')}</button> : null}
    </div>
  );
}

export function SurveysPage() {
  const { t } = useTranslation(['surveys', 'common']);
  const surveys = useRead(liveSurveysNewestFirst);
  const villages = useRead(liveVillagesNewestFirst);
  const [filters, setFilters] = useState<SurveyFilters>(NO_FILTERS);
  const { askDelete, dialog } = useSurveyDeletion();
  const authors = useAuthors();
  const villagesById = useMemo(() => new Map((villages ?? []).map((v) => [v.id, v] as const)), [villages]);
  const all = useMemo(() => filterSurveys(surveys ?? [], villagesById, NO_FILTERS), [surveys, villagesById]);
  const shown = useMemo(() => filterSurveys(surveys ?? [], villagesById, filters, authorStructure(authors)), [surveys, villagesById, filters, authors]);
  const actions = <WriteAction><Link className="button button--primary" to="/surveys/new">{t('surveys:list.new')}</Link></WriteAction>;

  if (surveys === undefined || villages === undefined) return <Page title={t('surveys:list.title')} actions={actions}>{null}</Page>;
  return (
    <Page title={t('surveys:list.title')} actions={actions}>
      {all.length === 0 && villages.length === 0 ? (
        <EmptyState><p>{t('surveys:list.emptyNoVillage')}</p><Link to="/villages/new">{t('surveys:list.addVillage')}</Link></EmptyState>
      ) : all.length === 0 ? (
        <EmptyState><p>{t('surveys:list.empty')}</p></EmptyState>
      ) : (
        <>
          <Filters filters={filters} setFilters={setFilters} villages={villages} authors={authors} />
          <p className="row-meta" aria-live="polite">{t('surveys:list.count', { count: shown.length })}</p>
          {shown.length === 0 ? <EmptyState><p>{t('common:list.noMatch')}</p></EmptyState> : (
            <VirtualList items={shown} rowHeight={ROW_HEIGHT} label={t('surveys:list.title')} getKey={(s) => s.id}
              renderRow={(s) => <SurveyRow survey={s} village={villagesById.get(s.villageId) as Village} onDelete={() => askDelete(s.id)} />} />
          )}
        </>
      )}
      {dialog}
    </Page>
  );
}
