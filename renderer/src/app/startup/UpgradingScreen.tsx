/**
 * Shown while this release upgrades a database an older one left: the upgrade rebuilds the dashboard's
 * count rows from every activity (db/stats/migration.ts), minutes at a region's scale, during which no
 * screen can read the data. Says what is happening, that closing the window would only start it again,
 * and how many activities are counted so far.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onUpgradeProgress } from '../../db/upgradeProgress';
import { formatNumber } from '../../i18n/format';

export function UpgradingScreen() {
  const { t } = useTranslation('startup');
  const [counted, setCounted] = useState<number | undefined>(undefined);
  useEffect(() => onUpgradeProgress(setCounted), []);
  return (
    <main className="first-run recovery upgrading" aria-busy="true">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('upgrading.title')}</h1>
        <p className="lead">{t('upgrading.body')}</p>
        <progress aria-label={t('upgrading.title')} />
        <p role="status">{counted === undefined ? t('upgrading.starting') : t('upgrading.counted', { count: counted, formatted: formatNumber(counted) })}</p>
      </div>
    </main>
  );
}
