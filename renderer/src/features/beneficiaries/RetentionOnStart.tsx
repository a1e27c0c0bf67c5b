/**
 * Once per start: followed people unused for a year are anonymised (db/retention.ts), and the user is
 * told how many, so nothing disappears without a word.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { applyRetention } from '../../db/retention';
import { useToast } from '../../ui/toast';

let ranThisSession = false;

export function RetentionOnStart() {
  const { t } = useTranslation('beneficiaries');
  const { notify } = useToast();
  useEffect(() => {
    if (ranThisSession) return;
    ranThisSession = true;
    void applyRetention(getRelais()).then((count) => {
      if (count > 0) notify(t('retention.done', { count }), 'info');
    });
  }, [notify, t]);
  return null;
}
