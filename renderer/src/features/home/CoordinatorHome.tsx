/** A coordinator's home: her territory this month (the whole team's work), who has gone quiet, and the way in. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { readTerritory } from '../../db/home';
import { formatMonth, formatNumber } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

export function TerritoryCard({ today }: { today: string }) {
  const { t } = useTranslation('home');
  const territory = useRead(readTerritory, today);
  const month = formatMonth(today);
  return (
    <section aria-labelledby="home-territory">
      <h2 id="home-territory">{t('territory.title')}</h2>
      <div className="cards">
        <div className="card home-stat">
          <span className="stat">{territory ? formatNumber(territory.month.activities) : '…'}</span>
          <span className="stat-label">{t('territory.activities', { count: territory?.month.activities ?? 0, month })}</span>
        </div>
        <div className="card home-stat">
          <span className="stat">{territory ? formatNumber(territory.month.people) : '…'}</span>
          <span className="stat-label">{t('territory.people', { count: territory?.month.people ?? 0, month })}</span>
        </div>
        <div className="card home-stat">
          <span className="stat">{territory ? formatNumber(territory.quiet) : '…'}</span>
          <span className="stat-label">{t('territory.quiet', { count: territory?.quiet ?? 0, total: territory?.mediators ?? 0 })}</span>
          <Link to="/mediators">{t('territory.seeMediators')}</Link>
        </div>
      </div>
      <div className="home-shortcuts">
        <Link className="button button--primary" to="/dashboard">{t('territory.dashboard')}</Link>
        <Link className="button" to="/sync/team">{t('territory.import')}</Link>
        <Link className="button" to="/mediators">{t('territory.mediators')}</Link>
      </div>
    </section>
  );
}
