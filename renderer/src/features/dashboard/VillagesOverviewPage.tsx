/**
 * `/dashboard/villages`: every village of the territory with its latest diagnostic — connectivity,
 * maturity stage, needs — and how long ago it was made (oldest first: the ones to visit again), then
 * the communes of the territory's départements that have no diagnosed village (the bundled commune
 * list). Printable like the dashboard.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { readVillagesOverview, type VillageOverviewRow } from '../../db/villagesOverview';
import { formatDate, formatNumber, todayIso } from '../../i18n/format';
import { platform } from '../../platform';
import { Disclosure } from '../../ui/Disclosure';
import { EmptyState, Page } from '../../ui/Page';
import { useRead } from '../../ui/useRead';
import { useCommunes } from '../communes/communes';
import { departementName } from '../communes/departements';
import { compareFrench } from '../../domain/collation';
import { diagnosticAge } from './diagnosticAge';

const AGE_KEYS = { today: 'villages.today', days: 'villages.daysAgo', months: 'villages.monthsAgo' } as const;

export function VillagesOverviewPage() {
  const { t } = useTranslation(['dashboard', 'codes']);
  const overview = useRead(readVillagesOverview);
  const communes = useCommunes();
  const today = todayIso();
  const withoutDiagnostic = useMemo(() => {
    if (!overview || !communes) return undefined;
    const diagnosed = new Set(overview.diagnosed);
    return overview.departements.map((dep) => ({
      dep, communes: communes.filter((c) => c.departement === dep && !diagnosed.has(c.codeInsee)).sort((a, b) => compareFrench(a.nom, b.nom)),
    }));
  }, [overview, communes]);
  return (
    <Page title={t('villages.title')} actions={(
      <button type="button" className="button" onClick={() => void platform.printToPdf({ suggestedName: t('villages.fileName') })}>{t('report.print')}</button>
    )}>
      <p className="lead">{t('villages.intro')}</p>
      {overview === undefined ? null : overview.rows.length === 0 ? <EmptyState>{t('villages.empty')}</EmptyState> : (
        <table className="figure-table villages-overview">
          <caption>{t('villages.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('villages.village')}</th>
              <th scope="col">{t('villages.lastDiagnostic')}</th>
              <th scope="col">{t('villages.connectivity')}</th>
              <th scope="col">{t('villages.maturity')}</th>
              <th scope="col">{t('villages.needs')}</th>
            </tr>
          </thead>
          <tbody>{overview.rows.map((row) => <VillageRow key={row.village.id} row={row} today={today} />)}</tbody>
        </table>
      )}
      {withoutDiagnostic?.map(({ dep, communes: list }) => (
        <Disclosure key={dep} level={2} title={t('villages.without', { count: list.length, formatted: formatNumber(list.length), departement: departementName(dep) ?? dep })}>
          <p className="commune-cloud">{list.map((c) => c.nom).join(', ')}</p>
        </Disclosure>
      ))}
    </Page>
  );
}

function VillageRow({ row, today }: { row: VillageOverviewRow; today: string }) {
  const { t } = useTranslation(['dashboard', 'codes']);
  const { village, latest } = row;
  const connectivity = latest ? [
    latest.technologiesFixes.map((c) => t(`codes:technologiesFixes.${c}`)).join(', '),
    latest.debit ? t(`codes:debit.${latest.debit}`) : '',
    latest.couverture4g ? t('villages.mobile', { level: t(`codes:couverture.${latest.couverture4g}`) }) : '',
  ].filter(Boolean).join(' · ') : '';
  const ageText = (date: string) => {
    const age = diagnosticAge(date, today);
    return t(AGE_KEYS[age.unit], { count: age.count });
  };
  return (
    <tr>
      <th scope="row"><Link to={`/villages/${village.id}`}>{village.commune.nom}</Link> <span className="row-meta">({village.commune.codeInsee})</span></th>
      <td>
        {latest ? (
          <><span className="diagnostic-when">{formatDate(latest.date)}</span> <span className="diagnostic-when row-meta">{ageText(latest.date)}</span></>
        ) : <span className="tag tag--quiet">{t('villages.none')}</span>}
      </td>
      <td>{connectivity}</td>
      <td>{latest?.stadeMaturite ? t(`codes:stadeMaturite.${latest.stadeMaturite}`) : ''}</td>
      <td>{latest ? latest.thematiquesBesoins.map((c) => t(`codes:thematiques.${c}`)).join(', ') : ''}</td>
    </tr>
  );
}
