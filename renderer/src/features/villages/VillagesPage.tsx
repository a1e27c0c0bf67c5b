/** Villages: newest first, searchable by name or postcode, virtualised for long lists. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Stored, Village } from '../../domain/records';
import { formatNumber } from '../../i18n/format';
import { TextField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { VirtualList } from '../../ui/VirtualList';
import { liveVillagesNewestFirst } from '../../db/villages';
import { useRead } from '../../ui/useRead';
import { searchVillages } from './villageSearch';
import { WriteAction } from '../../ui/readOnly';

const ROW_HEIGHT = 64;

function VillageRow({ village }: { village: Stored<Village> }) {
  const { t } = useTranslation('villages');
  const population = village.population;
  return (
    <Link className="row-link" to={`/villages/${village.id}`}>
      <span className="row-title">{village.commune.nom}</span>
      <span className="row-meta">
        {t('list.rowMeta', { postcode: village.commune.codePostal, departement: village.departement })}
        {population !== undefined ? ` · ${t('population', { count: population, formatted: formatNumber(population) })}` : null}
      </span>
    </Link>
  );
}

export function VillagesPage() {
  const { t } = useTranslation(['villages', 'common']);
  const villages = useRead(liveVillagesNewestFirst);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchVillages(villages ?? [], query), [villages, query]);
  const actions = <WriteAction><Link className="button button--primary" to="/villages/new">{t('list.add')}</Link></WriteAction>;

  return (
    <Page title={t('list.title')} actions={actions}>
      {villages === undefined ? null : villages.length === 0 ? (
        <EmptyState><p>{t('list.empty')}</p></EmptyState>
      ) : (
        <>
          <div className="filters" role="search">
            <TextField type="search" label={t('list.search')} hint={t('list.searchHint')} value={query} onChange={setQuery} />
            <p className="row-meta" aria-live="polite">{t('common:list.count', { count: shown.length })}</p>
          </div>
          {shown.length === 0 ? (
            <EmptyState><p>{t('common:list.noMatch')}</p></EmptyState>
          ) : (
            <VirtualList items={shown} rowHeight={ROW_HEIGHT} label={t('list.title')} getKey={(v) => v.id}
              renderRow={(v) => <VillageRow village={v} />} />
          )}
        </>
      )}
    </Page>
  );
}
