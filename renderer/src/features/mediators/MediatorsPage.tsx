/**
 * `/mediators`: whose bundles arrive and whose do not — each device enrolled here with its author and
 * structure, the last bundle received, what it sent, the activities of it held here, missing bundles,
 * and "not heard from in N days" past the threshold chosen in Settings. Quiet ones come first.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { readMediators, type MediatorRow } from '../../db/mediators';
import { deviceTag } from '../../db/authors';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { EmptyState, Page } from '../../ui/Page';
import { useRead } from '../../ui/useRead';
import { paramsFromDrill } from '../dashboard/params';

function readNow(db: Parameters<typeof readMediators>[0]) {
  return readMediators(db);
}

export function MediatorsPage() {
  const { t } = useTranslation('mediators');
  const data = useRead(readNow);
  return (
    <Page title={t('title')} actions={<Link className="button" to="/sync/team">{t('import')}</Link>}>
      <p className="lead">{t('intro')}</p>
      {data === undefined ? null : data.rows.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : (
        <>
          <p className="row-meta">{t('threshold', { count: data.silenceDays })} <Link to="/settings#settings-silence">{t('change')}</Link></p>
          <table className="figure-table mediators-table">
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.last')}</th>
                <th scope="col" className="number">{t('columns.bundles')}</th>
                <th scope="col" className="number">{t('columns.received')}</th>
                <th scope="col" className="number">{t('columns.activities')}</th>
                <th scope="col" className="number">{t('columns.gaps')}</th>
                <th scope="col">{t('columns.status')}</th>
              </tr>
            </thead>
            <tbody>{data.rows.map((row) => <Row key={row.deviceId} row={row} days={data.silenceDays} />)}</tbody>
          </table>
        </>
      )}
    </Page>
  );
}

function Row({ row, days }: { row: MediatorRow; days: number }) {
  const { t } = useTranslation(['mediators', 'common']);
  return (
    <tr className={row.quiet ? 'mediator--quiet' : undefined}>
      <th scope="row">
        <span className="row-title">{row.name}</span>
        <span className="row-meta"> · {row.structure} · {t('common:author.device', { tag: deviceTag(row.deviceId) })}</span>
        {row.enrolled ? null : <span className="tag tag--readonly">{t('notEnrolled')}</span>}
      </th>
      <td>{row.lastBundle ? formatDateTime(row.lastBundle.createdAt) : t('never')}</td>
      <td className="number">{formatNumber(row.bundles)}</td>
      <td className="number">{formatNumber(row.recordsReceived)}</td>
      <td className="number">
        {row.activities > 0 ? <Link to={`/dashboard?${paramsFromDrill({ author: row.deviceId })}`} aria-label={t('seeActivities', { name: row.name })}>{formatNumber(row.activities)}</Link> : formatNumber(0)}
      </td>
      <td className="number">{row.gaps > 0 ? <strong>{formatNumber(row.gaps)}</strong> : formatNumber(0)}</td>
      <td>
        {row.quiet
          ? <span className="tag tag--quiet">{row.daysSilent === undefined ? t('status.neverHeard') : t('status.quiet', { count: row.daysSilent })}</span>
          : <span>{row.daysSilent ? t('status.recent', { count: row.daysSilent, days }) : t('status.today')}</span>}
      </td>
    </tr>
  );
}
