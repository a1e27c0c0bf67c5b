/**
 * Enrolled devices: this computer's card and fingerprint (for others to enrol it), the devices enrolled
 * here, and enrolling a new one from its card — chosen with the button, dropped on the window or
 * double-clicked in the file manager — after comparing its fingerprint with its owner.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { enrolCard, exportMyCard, knownCardsWithFingerprints, receiveCard, unenrolCard, type CardWithPrint } from '../../db/sync';
import { ensureIdentity, readIdentitySummary } from '../../db/identity';
import { readCard, type SignedCard } from '../../domain/sync/card';
import { platform, type OpenedFile } from '../../platform';
import { useToast } from '../../ui/toast';
import { readProfile } from '../../db/profile';
import { useRead } from '../../ui/useRead';
import { cardFileName } from '../../domain/fileNames';
import { useCardFileTarget } from './bundleDrop';
import { describeSyncError } from './errors';
import { EnrolDialog } from './EnrolDialog';
import { Fingerprint } from './Fingerprint';
import { keysErrorCode } from '../../domain/sync/sealing';
import { useDeviceKeys } from '../keys';

/** A card waiting for a person to compare its fingerprint. */
interface Pending { card: SignedCard; lookalikes: CardWithPrint[] }

export function CardsPanel() {
  const { t } = useTranslation('sync');
  const { t: ts } = useTranslation('settings');
  const { notify } = useToast();
  const profile = useRead(readProfile);
  const me = useRead(readIdentitySummary);
  const [error, setError] = useState('');
  const [pending, setPending] = useState<Pending[]>([]);
  const cards = useRead(knownCardsWithFingerprints) ?? [];
  const { requireKeys } = useDeviceKeys();

  const exportCard = async () => {
    if (!profile) return;
    setError('');
    try {
      await requireKeys(); // the card is signed by this laptop's key
      await ensureIdentity(getRelais().db);
      const bytes = await exportMyCard(getRelais().db, { name: profile.displayName, structure: profile.structure, role: profile.role });
      const result = await platform.saveFile({ suggestedName: cardFileName(profile.displayName), kind: 'card', bytes });
      if (result.saved) notify(t('cards.exported'), 'success');
    } catch (e) {
      if (keysErrorCode(e) !== 'cancelled') setError(describeSyncError(t, e));
    }
  };

  /** Each card read is shown for comparison; one already enrolled (same key) is refreshed at once. */
  const importCardFiles = useCallback(async (files: OpenedFile[]) => {
    setError('');
    try {
      for (const file of files) {
        const card = await readCard(file.bytes);
        const received = await receiveCard(getRelais().db, card);
        if (received.refreshed) notify(t('cards.enrolled', { name: card.name }), 'success');
        else setPending((list) => [...list, { card, lookalikes: received.lookalikes }]);
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

  const confirm = async (card: SignedCard) => {
    setPending((list) => list.slice(1));
    await enrolCard(getRelais().db, card);
    notify(t('cards.enrolled', { name: card.name }), 'success');
  };

  const toConfirm = async (row: CardWithPrint) => {
    const { print: _print, trust: _trust, importedAt: _importedAt, confirmedAt: _confirmedAt, ...card } = row;
    setPending((list) => [...list, { card, lookalikes: [] }]);
  };

  const remove = async (card: CardWithPrint) => {
    await unenrolCard(getRelais().db, card.deviceId);
    notify(t('cards.removed', { name: card.name }), 'info');
  };

  useCardFileTarget(useCallback((files: OpenedFile[]) => void importCardFiles(files), [importCardFiles]));

  const role = (code: string) => ts(`roles.${code}`, { defaultValue: code });
  return (
    <section className="card sync-panel" aria-labelledby="sync-cards">
      <h2 id="sync-cards">{t('cards.title')}</h2>
      <p>{t('cards.intro')}</p>
      <div className="sync-me" role="group" aria-labelledby="sync-me-title">
        <h3 id="sync-me-title" className="sync-item-title">{t('cards.mine')}</h3>
        {me?.print ? (
          <p className="enrol-print"><span className="enrol-print-label">{t('cards.myPrint')}</span><Fingerprint print={me.print} /></p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={exportCard} disabled={!profile}>{t('cards.exportMine')}</button>
          <button type="button" className="button" onClick={importCards}>{t('cards.import')}</button>
        </div>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {cards.length === 0 ? <p className="row-meta">{t('cards.none')}</p> : (
        <ul className="sync-list" aria-label={t('cards.listLabel')}>
          {cards.map((c) => (
            <li key={c.deviceId}>
              <span className="row-title">{c.name}</span>
              <span className="row-meta">
                {t('cards.meta', { structure: c.structure, role: role(c.role) })}
                <br />
                {t('cards.print')} <Fingerprint print={c.print} />
                {c.trust === 'unconfirmed' ? <><br /><span className="field-hint">{t('cards.unconfirmed')}</span></> : null}
              </span>
              <span className="sync-row-actions">
                {c.trust === 'unconfirmed'
                  ? <button type="button" className="button button--small" onClick={() => void toConfirm(c)}>{t('cards.confirm')}</button>
                  : <button type="button" className="button button--small" onClick={() => void remove(c)}>{t('cards.remove')}</button>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <EnrolDialog card={pending[0]?.card ?? null} lookalikes={pending[0]?.lookalikes} onEnrol={(card) => void confirm(card)}
        onCancel={() => setPending((list) => list.slice(1))} />
    </section>
  );
}
