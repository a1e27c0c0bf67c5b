/**
 * Records kept aside instead of applied, each with what applying it would do (erase, delete, edit) and
 * why it waits: a date far in the future (merged when its date comes, each time this screen opens), or
 * an erasure or deletion of a record written elsewhere that a person did not apply at import (applied
 * or discarded here, by a person).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { applyHeld, discardHeld, quarantinedRecords, releaseQuarantine, type QuarantineRow } from '../../db/sync';
import { parseStamp } from '../../domain/hlc';
import { formatDateTime } from '../../i18n/format';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';

function HeldRow({ row }: { row: QuarantineRow }) {
  const { t } = useTranslation('sync');
  const { notify } = useToast();
  const forReview = row.reason === 'review';
  const why = forReview
    ? t('quarantine.review', { source: row.sourceName ?? t('preview.unknownAuthor'), date: formatDateTime(row.at) })
    : t('quarantine.future', { date: formatDateTime(new Date(parseStamp(row.stamp)?.millis ?? 0).toISOString()) });
  const id = row.id as number;
  return (
    <li>
      <span className="row-title">{t(`quarantine.actions.${row.action ?? 'edit'}`)} — {t(`kinds.${row.recordKind}`)}</span>
      <span className="row-meta">{why}</span>
      {forReview ? (
        <span className="sync-row-actions">
          <button type="button" className="button button--small" onClick={() => void applyHeld(getRelais().db, [id]).then(() => notify(t('quarantine.applied'), 'success'))}>
            {t('quarantine.apply')}
          </button>
          <button type="button" className="button button--small" onClick={() => void discardHeld(getRelais().db, [id]).then(() => notify(t('quarantine.discarded'), 'info'))}>
            {t('quarantine.discard')}
          </button>
        </span>
      ) : null}
    </li>
  );
}

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
        {rows.map((row) => <HeldRow key={row.id} row={row} />)}
      </ul>
    </section>
  );
}
