/**
 * A passphrase a person chooses (for a bundle, or for the keys of a laptop without an OS keychain),
 * judged as it is typed by the estimator of domain/passphrase.ts — loaded when the field first shows,
 * so app start never pays for its dictionaries. A refusal says what made it easy to guess, and a
 * suggestion of four random words is one click away. With `confirm`, it must be typed twice.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPassphraseJudge, type PassphraseJudge, type PassphraseVerdict } from '../domain/passphrase';

interface PassphraseFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** Told whenever the passphrase becomes acceptable (judged strong enough, and confirmed) or stops being. */
  onAcceptable: (acceptable: boolean) => void;
  /** Words of this person a guesser would try (name, structure). */
  personal?: readonly string[];
  confirm?: boolean;
  autoFocus?: boolean;
}

/** The state of a passphrase being chosen: its value, and whether the field last said it is acceptable. */
export function usePassphraseChoice() {
  const [value, setValue] = useState('');
  const [acceptable, setAcceptable] = useState(false);
  const onAcceptable = useCallback((yes: boolean) => setAcceptable(yes), []);
  return { value, setValue, acceptable, onAcceptable, field: { value, onChange: setValue, onAcceptable } };
}

/** Estimating a long phrase takes tens of milliseconds: judge once typing pauses. */
const JUDGE_DELAY_MS = 120;

export function PassphraseField({ label, hint, value, onChange, onAcceptable, personal = [], confirm = false, autoFocus }: PassphraseFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [judge, setJudge] = useState<PassphraseJudge | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [judged, setJudged] = useState<{ value: string; verdict: PassphraseVerdict } | null>(null);
  const [suggestion, setSuggestion] = useState('');
  const [again, setAgain] = useState('');
  const [shown, setShown] = useState(false);
  const personalKey = personal.join('\n');

  useEffect(() => {
    let live = true;
    loadPassphraseJudge().then((loaded) => {
      if (!live) return;
      setJudge(loaded);
      setSuggestion(loaded.suggest());
    }, () => live && setLoadFailed(true));
    return () => { live = false; };
  }, []);

  useEffect(() => {
    if (!judge) return;
    const timer = setTimeout(() => setJudged({ value, verdict: judge.judge(value, personalKey ? personalKey.split('\n') : []) }), JUDGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [judge, value, personalKey]);

  const verdict = judged?.value === value ? judged.verdict : undefined;
  const confirmed = !confirm || again === value;
  const acceptable = Boolean(verdict?.accepted) && confirmed;
  useEffect(() => onAcceptable(acceptable), [acceptable, onAcceptable]);

  const reasons = verdict && !verdict.accepted && value
    ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(verdict.weaknesses.map((w) => t(`passphrase.weaknesses.${w}`)))
    : '';
  const useSuggestion = () => {
    onChange(suggestion);
    setShown(true); // to be noted down
  };

  return (
    <div className="passphrase">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
        <input id={id} type={shown ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} value={value} autoFocus={autoFocus}
          aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-verdict`} aria-invalid={Boolean(reasons)} onChange={(e) => onChange(e.target.value)} />
        <label className="checkbox-inline">
          <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> {t('passphrase.show')}
        </label>
        <div className="sync-strength" id={`${id}-verdict`} aria-live="polite">
          {loadFailed ? <span className="field-error">{t('passphrase.loadFailed')}</span> : judge === null ? <span>{t('passphrase.loading')}</span> : (
            <>
              <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict?.score ?? 0} aria-label={t('passphrase.strengthLabel')} />
              <span>{verdict && value ? t(`passphrase.strength.${verdict.score}`) : ''}</span>
            </>
          )}
        </div>
        {reasons ? <p className="field-error">{t('passphrase.refused', { reasons })}</p> : null}
      </div>
      {suggestion ? (
        <div className="passphrase-suggestion">
          <span>{t('passphrase.suggestionLabel')}</span> <code lang="fr" translate="no">{suggestion}</code>
          <div className="form-actions">
            <button type="button" className="button button--small" onClick={useSuggestion}>{t('passphrase.useSuggestion')}</button>
            <button type="button" className="button button--small" onClick={() => judge && setSuggestion(judge.suggest())}>{t('passphrase.anotherSuggestion')}</button>
          </div>
        </div>
      ) : null}
      {confirm ? (
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('passphrase.confirm')}</label>
          <input id={`${id}-again`} type={shown ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} value={again}
            aria-invalid={again !== '' && !confirmed} onChange={(e) => setAgain(e.target.value)} />
          {again !== '' && !confirmed ? <p className="field-error">{t('passphrase.mismatch')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
