/**
 * Another laptop's activity, read-only: what it says and whose it is. Only its author changes it
 * (the repository refuses any edit here: db/repository.ts, `NotAuthorError`), so no form is offered.
 */
import { useTranslation } from 'react-i18next';
import type { Activity, Place, Stored, Village } from '../../domain/records';
import { formatDate, formatNumber } from '../../i18n/format';
import { OthersRecordNotice } from '../../ui/authors';
import { Page } from '../../ui/Page';

export function ActivityDetails({ activity: a, places, villages }: { activity: Stored<Activity>; places: Stored<Place>[]; villages: Stored<Village>[] }) {
  const { t } = useTranslation(['activities', 'codes', 'common']);
  const place = a.placeId ? places.find((p) => p.id === a.placeId)?.nom : undefined;
  const village = a.villageId ? villages.find((v) => v.id === a.villageId)?.commune.nom : undefined;
  const anonymous = a.type === 'collectif' ? a.participantsAnonymes?.total ?? 0 : a.beneficiaryIds.length === 0 ? 1 : 0;
  const rows: Array<[string, string]> = [
    [t('fields.date'), formatDate(a.date, 'long')],
    [t('fields.type'), t(`codes:type.${a.type}`)],
    [t('fields.duree'), t('list.duration', { count: a.duree, formatted: formatNumber(a.duree) })],
    [t('fields.typeLieu'), [t(`codes:typeLieu.${a.typeLieu}`), place, a.commune?.nom, village].filter(Boolean).join(' · ')],
    [t('fields.thematiques'), a.thematiques.map((code) => t(`codes:thematiques.${code}`)).join(', ')],
    [t('fields.participants'), formatNumber(a.beneficiaryIds.length + anonymous)],
  ];
  if (a.thematiquesDemarche.length > 0) rows.push([t('fields.thematiquesDemarche'), a.thematiquesDemarche.map((code) => t(`codes:thematiquesDemarche.${code}`)).join(', ')]);
  if (a.titreAtelier) rows.push([t('fields.titreAtelier'), a.titreAtelier]);
  if (a.structureEmployeuse) rows.push([t('fields.structureEmployeuse'), a.structureEmployeuse.nom]);
  if (a.tags.length > 0) rows.push([t('fields.tags'), a.tags.join(', ')]);
  return (
    <Page title={t('form.titleDetails')}>
      <OthersRecordNotice authorDevice={a.authorDevice} />
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
    </Page>
  );
}
