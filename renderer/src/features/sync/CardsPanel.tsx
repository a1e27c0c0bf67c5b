/**
 * "My card" (for coordinators to hand out) and the cards of coordinators imported here — chosen with the
 * button, dropped on the window or double-clicked in the file manager.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { exportMyCard, knownCardsWithFingerprints, saveCard } from '../../db/sync';
import { readCard } from '../../domain/sync/card';
import { platform, type OpenedFile } from '../../platform';
import { useToast } from '../../ui/toast';
import { readProfile } from '../../db/profile';
import { useRead } from '../../ui/useRead';
import { useCardFileTarget } from './bundleDrop';
import { describeSyncError } from './errors';
import { keysErrorCode } from '../../domain/sync/sealing';
import { useDeviceKeys } from '../keys';

export function CardsPanel() {
  const { t } = useTranslation('sync');
  const { t: tc } = useTranslation('settings');
  const { notify } = useToast();
  const profile = useRead(readProfile);
  const [error, setError] = useState('');
  const cards = useRead(knownCardsWithFingerprints) ?? [];
  const { requireKeys } = useDeviceKeys();

  const exportCard = async () => {
    if (!profile) return;
    setError('');
    try {
      await requireKeys(); // the card is signed by this laptop's key
      const bytes = await exportMyCard(getRelais().db, { name: profile.displayName, structure: profile.structure, role: profile.role });
      const slug = profile.displayName.normalize('NFD').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'relais';
      const result = await platform.saveFile({ suggestedName: `carte-${slug}.relaiscard`, kind: 'card', bytes });
      if (result.saved) notify(t('cards.exported'), 'success');
    } catch (e) {
      if (keysErrorCode(e) !== 'cancelled') setError(describeSyncError(t, e));
    }
  };

  const importCardFiles = useCallback(async (files: OpenedFile[]) => {
    setError('');
    try {
      for (const file of files) {
        const card = await readCard(file.bytes);
        await saveCard(getRelais().db, card);
        notify(t('cards.imported', { name: card.name }), 'success');
      }
    } catch (e) {
      setError(describeSyncError(t, e));
    }
  }, [notify, t]);

  const importCards = async () => {
    setError('');
    try {
      await importCardFiles(await platform.openFiles({ kind: 'card', multiple: true }));
    } catch (e) {
      setError(describeSyncError(t, e));
    }
  };

  useCardFileTarget(useCallback((files: OpenedFile[]) => void importCardFiles(files), [importCardFiles]));

  return (
    <section className="card sync-panel" aria-labelledby="sync-cards">
      <h2 id="sync-cards">{t('cards.title')}</h2>
      <p>{t('cards.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={exportCard} disabled={!profile}>{t('cards.exportMine')}</button>
        <button type="button" className="button" onClick={importCards}>{t('cards.import')}</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {cards.length === 0 ? <p className="row-meta">{t('cards.none')}</p> : (
        <ul className="sync-list" aria-label={t('cards.listLabel')}>
          {cards.map((c) => (
            <li key={c.deviceId}>
              <span className="row-title">{c.name}</span>
              <span className="row-meta">{t('cards.meta', { structure: c.structure, role: tc(`roles.${c.role}`, { defaultValue: c.role }), print: c.print })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
