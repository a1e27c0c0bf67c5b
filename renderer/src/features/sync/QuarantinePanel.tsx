/**
 * Records received with a date far in the future (a sender's clock badly set) wait here instead of
 * winning every later edit. Each time this screen opens, those whose date has come are merged.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { quarantinedRecords, releaseQuarantine } from '../../db/sync';
import { parseStamp } from '../../domain/hlc';
import { formatDateTime } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

export function QuarantinePanel() {
  const { t } = useTranslation('sync');
  const rows = useRead(quarantinedRecords);
  useEffect(() => {
    void releaseQuarantine(getRelais().db);
  }, []);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="card sync-panel" aria-labelledby="sync-quarantine">
      <h2 id="sync-quarantine">{t('quarantine.title')}</h2>
      <p className="notice">{t('quarantine.intro', { count: rows.length })}</p>
      <ul className="sync-list" aria-label={t('quarantine.title')}>
        {rows.map((row) => (
          <li key={row.id}>
            <span className="row-title">{t(`kinds.${row.recordKind}`)}</span>
            <span className="row-meta">{t('quarantine.dated', { date: formatDateTime(new Date(parseStamp(row.stamp)?.millis ?? 0).toISOString()) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
