/**
 * Shown while this release upgrades a database an older one left: the upgrade rebuilds the dashboard's
 * count rows from every activity (db/stats/migration.ts), minutes at a region's scale, during which no
 * screen can read the data. Says what is happening, that closing the window would only start it again,
 * and how far it has gone: the activities counted so far out of all of them, in words and as a bar.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onUpgradeProgress, type UpgradeProgress } from '../../db/upgradeProgress';
import { formatNumber } from '../../i18n/format';

export function UpgradingScreen() {
  const { t } = useTranslation('startup');
  const [progress, setProgress] = useState<UpgradeProgress | undefined>(undefined);
  useEffect(() => onUpgradeProgress(setProgress), []);
  return (
    <main className="first-run recovery upgrading" aria-busy="true">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('upgrading.title')}</h1>
        <p className="lead">{t('upgrading.body')}</p>
        {/* No value until the total is known: an indeterminate bar, not one stuck at 0. */}
        <progress aria-label={t('upgrading.title')} {...(progress && { value: progress.counted, max: progress.total })} />
        <p role="status">
          {progress === undefined
            ? t('upgrading.starting')
            : t('upgrading.counted', { count: progress.counted, formatted: formatNumber(progress.counted), total: formatNumber(progress.total) })}
        </p>
      </div>
    </main>
  );
}
