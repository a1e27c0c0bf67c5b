/** `/places`: every live place, newest first, searchable and filterable by village; virtualised. */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { livePlacesNewestFirst } from '../../db/places';
import { liveVillagesByName } from '../../db/villages';
import type { Place, Stored, Village } from '../../domain/records';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { VirtualList } from '../../ui/VirtualList';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { filterByVillage, searchPlaces } from './placeSearch';
import { WriteAction } from '../../ui/readOnly';

const ROW_HEIGHT = 76;

export function PlacesList() {
  const { t } = useTranslation(['places', 'common', 'formats']);
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [toDelete, setToDelete] = useState<Stored<Place> | null>(null);
  const { notifyWithUndo } = useToast();
  const villageFilter = params.get('village') ?? '';
  const places = useRead(livePlacesNewestFirst);
  const villages = useRead(liveVillagesByName);
  const villageNames = useMemo(() => new Map((villages ?? []).map((v) => [v.id, v.commune.nom])), [villages]);
  const shown = useMemo(
    () => searchPlaces(filterByVillage(places ?? [], villageFilter), query),
    [places, villageFilter, query],
  );

  function setVillageFilter(id: string) {
    setParams(id ? { village: id } : {}, { replace: true });
  }

  async function confirmDelete() {
    if (!toDelete) return;
    const { id, nom } = toDelete;
    setToDelete(null);
    await getRelais().places.remove(id);
    notifyWithUndo(t('list.deleted', { name: nom }), () => getRelais().places.restore(id));
  }

  const filtered = query.trim() !== '' || villageFilter !== '';
  return (
    <Page title={t('list.title')} actions={<>
      <WriteAction><Link className="button" to="/places/import">{t('formats:import.open')}</Link></WriteAction>
      <WriteAction><Link className="button button--primary" to={villageFilter ? `/places/new?village=${villageFilter}` : '/places/new'}>{t('list.add')}</Link></WriteAction>
    </>}>
      <PlaceFilters query={query} onQuery={setQuery} villageId={villageFilter} onVillage={setVillageFilter}
        villages={villages ?? []} onClear={() => { setQuery(''); setVillageFilter(''); }} filtered={filtered} />
      {places === undefined ? null : (
        <>
          <p className="row-meta" role="status">{t('list.count', { count: shown.length })}</p>
          {shown.length === 0 ? (
            <EmptyState>{filtered ? t('common:list.noMatch') : t('list.empty')}</EmptyState>
          ) : (
            <VirtualList items={shown} rowHeight={ROW_HEIGHT} label={t('list.label')} getKey={(p) => p.id}
              renderRow={(p) => <PlaceRow place={p} villageName={p.villageId ? villageNames.get(p.villageId) : undefined} onDelete={() => setToDelete(p)} />} />
          )}
        </>
      )}
      <ConfirmDialog open={toDelete !== null} title={t('list.deleteTitle')} danger
        message={t('list.deleteMessage', { name: toDelete?.nom ?? '' })} confirmLabel={t('common:actions.delete')}
        onConfirm={() => void confirmDelete()} onCancel={() => setToDelete(null)} />
    </Page>
  );
}

interface PlaceFiltersProps {
  query: string;
  onQuery: (q: string) => void;
  villageId: string;
  onVillage: (id: string) => void;
  villages: Stored<Village>[];
  onClear: () => void;
  filtered: boolean;
}

function PlaceFilters({ query, onQuery, villageId, onVillage, villages, onClear, filtered }: PlaceFiltersProps) {
  const { t } = useTranslation(['places', 'common']);
  return (
    <div className="filters" role="search">
      <div className="field">
        <label htmlFor="places-search">{t('list.search')}</label>
        <input id="places-search" type="search" value={query} placeholder={t('list.searchPlaceholder')} onChange={(e) => onQuery(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="places-village">{t('list.village')}</label>
        <select id="places-village" value={villageId} onChange={(e) => onVillage(e.target.value)}>
          <option value="">{t('list.allVillages')}</option>
          {villages.map((v) => <option key={v.id} value={v.id}>{v.commune.nom}</option>)}
        </select>
      </div>
      {filtered ? <button type="button" className="button button--small" onClick={onClear}>{t('common:actions.clearFilters')}</button> : null}
    </div>
  );
}

function PlaceRow({ place, villageName, onDelete }: { place: Stored<Place>; villageName?: string; onDelete: () => void }) {
  const { t } = useTranslation(['places', 'codes', 'common']);
  const typologies = place.typologie.map((code) => t(`codes:typologie.${code}`)).join(', ');
  return (
    <div className="place-row">
      <Link className="row-link" to={`/places/${place.id}/edit`}>
        <span className="row-title">
          {place.nom}
          {place.demo ? <span className="tag tag--demo">{t('demoTag')}</span> : null}
        </span>
        <span className="row-meta">
          {[place.adresse, `${place.commune.nom} (${place.commune.codePostal})`, typologies].filter(Boolean).join(' · ')}
          {villageName && villageName !== place.commune.nom ? ` · ${villageName}` : ''}
        </span>
      </Link>
      <WriteAction>
        <button type="button" className="button button--small button--danger" onClick={onDelete} aria-label={t('list.deleteLabel', { name: place.nom })}>
          {t('common:actions.delete')}
        </button>
      </WriteAction>
    </div>
  );
}
