/** The conflict log: values that lost a same-field race, each restorable (a new local edit). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { dismissConflict, openConflicts, restoreConflictValue } from '../../db/sync';
import { formatDateTime } from '../../i18n/format';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { describeSyncError } from './errors';

/** A short readable rendering of a stored value (codes stay codes: they are the national vocabulary). */
function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function ConflictsPanel() {
  const { t } = useTranslation('sync');
  const { notify } = useToast();
  const [error, setError] = useState('');
  const conflicts = useRead(openConflicts) ?? [];

  const restore = async (id: number) => {
    setError('');
    try {
      await restoreConflictValue(getRelais(), id);
      notify(t('conflicts.restored'), 'success');
    } catch (e) {
      setError(describeSyncError(t, e));
    }
  };

  return (
    <section className="card sync-panel" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('conflicts.title')}</h2>
      <p>{t('conflicts.intro')}</p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {conflicts.length === 0 ? <p className="row-meta">{t('conflicts.none')}</p> : (
        <ul className="sync-list" aria-label={t('conflicts.title')}>
          {conflicts.map((c) => (
            <li key={c.id}>
              <span className="row-title">{t('conflicts.what', { kind: t(`kinds.${c.recordKind}`), field: c.field })}</span>
              <span className="row-meta">{t('conflicts.losing', { value: showValue(c.losingValue), date: formatDateTime(c.at) })}</span>
              <span className="sync-row-actions">
                <button type="button" className="button button--small" onClick={() => restore(c.id!)}>{t('conflicts.restore')}</button>
                <button type="button" className="button button--small" onClick={() => dismissConflict(getRelais().db, c.id!)}>{t('conflicts.dismiss')}</button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
