/**
 * Export: changes since the last export (default) or everything; encrypted to a coordinator's card or a
 * passphrase (never stored); in clear only when the bundle holds no personal data, and saying so.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { enrolledCards, exportBundle, summarizeExport } from '../../db/sync';
import type { BundleKind, ProtectionInput } from '../../domain/sync/bundle';
import { platform } from '../../platform';
import { RadioGroup } from '../../ui/form';
import { useToast } from '../../ui/toast';
import { formatNumber } from '../../i18n/format';
import { readProfile } from '../../db/profile';
import { useRead } from '../../ui/useRead';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { keysErrorCode } from '../../domain/sync/sealing';
import { useDeviceKeys } from '../keys';
import { describeSyncError } from './errors';

type ProtectionChoice = 'card' | 'passphrase' | 'none';

export function ExportPanel() {
  const { t } = useTranslation('sync');
  const { notify } = useToast();
  const profile = useRead(readProfile);
  const [kind, setKind] = useState<BundleKind>('changes');
  const [choice, setChoice] = useState<ProtectionChoice | ''>('');
  const [cardId, setCardId] = useState('');
  const passphrase = usePassphraseChoice();
  const { requireKeys } = useDeviceKeys();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const summary = useRead(summarizeExport, kind);
  const cards = useRead(enrolledCards) ?? [];
  const selectId = useId();
  const effectiveChoice: ProtectionChoice = choice || (cards.length > 0 ? 'card' : 'passphrase');
  const card = cards.find((c) => c.deviceId === cardId) ?? cards[0];

  const protection = (): ProtectionInput | null => {
    if (effectiveChoice === 'card') return card ? { type: 'recipient', recipient: card.ageRecipient } : null;
    if (effectiveChoice === 'passphrase') return passphrase.acceptable ? { type: 'passphrase', passphrase: passphrase.value } : null;
    return summary && !summary.personalData ? { type: 'none' } : null;
  };

  const run = async () => {
    const chosen = protection();
    if (!chosen || !profile) return;
    setBusy(true);
    setError('');
    try {
      await requireKeys(); // the bundle is signed: the keys must be unsealed (the passphrase may be asked)
      const info = await platform.getAppInfo();
      const prepared = await exportBundle(getRelais().db, {
        kind, protection: chosen, app: info.version, author: { name: profile.displayName, structure: profile.structure, role: profile.role },
        recipientCard: chosen.type === 'recipient' && card ? { deviceId: card.deviceId, name: card.name } : undefined,
      });
      const result = await platform.saveFile({ suggestedName: prepared.suggestedName, kind: 'bundle', bytes: prepared.bytes });
      if (result.saved) {
        await prepared.commit();
        passphrase.setValue('');
        notify(t('export.done', { count: prepared.manifest.recordCount, file: result.fileName ?? prepared.suggestedName }), 'success');
      }
    } catch (e) {
      if (keysErrorCode(e) !== 'cancelled') setError(describeSyncError(t, e));
    } finally {
      setBusy(false);
    }
  };

  const kindOptions = [
    { value: 'changes' as const, label: t('export.kind.changes') },
    { value: 'full' as const, label: t('export.kind.full') },
  ];
  const protectionOptions = [
    { value: 'card' as const, label: t('export.protection.card') },
    { value: 'passphrase' as const, label: t('export.protection.passphrase') },
    ...(summary && !summary.personalData ? [{ value: 'none' as const, label: t('export.protection.none') }] : []),
  ];

  return (
    <section className="card sync-panel" aria-labelledby="sync-export">
      <h2 id="sync-export">{t('export.title')}</h2>
      <RadioGroup legend={t('export.kind.legend')} options={kindOptions} value={kind} onChange={setKind} columns={2} />
      <p className="row-meta">
        {summary === undefined ? '…' : t('export.count', { count: summary.count, formatted: formatNumber(summary.count) })}
        {summary?.personalData ? ` ${t('export.personalData')}` : ''}
      </p>
      {summary && summary.withheld > 0 ? <p className="row-meta">{t('export.withheld', { count: summary.withheld, formatted: formatNumber(summary.withheld) })}</p> : null}
      <RadioGroup legend={t('export.protection.legend')} options={protectionOptions} value={effectiveChoice} onChange={setChoice} columns={3} />
      {effectiveChoice === 'card' ? (
        cards.length === 0 ? <p className="notice">{t('export.noCard')}</p> : (
          <div className="field">
            <label htmlFor={selectId}>{t('export.recipient')}</label>
            <select id={selectId} value={card?.deviceId ?? ''} onChange={(e) => setCardId(e.target.value)}>
              {cards.map((c) => <option key={c.deviceId} value={c.deviceId}>{t('cards.option', { name: c.name, structure: c.structure })}</option>)}
            </select>
          </div>
        )
      ) : null}
      {effectiveChoice === 'passphrase' ? (
        <PassphraseField label={t('export.passphrase')} hint={t('export.passphraseHint')} {...passphrase.field}
          personal={profile ? [profile.displayName, profile.structure] : []} />
      ) : null}
      {effectiveChoice === 'none' ? <p className="notice">{t('export.clearWarning')}</p> : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy || !protection() || !profile} onClick={run}>
          {busy ? t('export.busy') : t('export.action')}
        </button>
      </div>
    </section>
  );
}
