/**
 * A Settings section holding one number of days (1 to 365): the export reminder, the mediators' silence
 * threshold. The caller gives its words, the value stored and how to store a new one.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { issue, type ValidationIssue } from '../domain/validation';
import { TextField } from './form';
import { useToast } from './toast';

export interface DaysSettingTexts {
  title: string;
  label: string;
  hint: string;
  save: string;
  saved: (days: number) => string;
}

export function DaysSetting({ id, field, current, texts, store }: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  /** The field name an error is reported under. */
  field: string;
  /** The stored value; undefined until it is read. */
  current: number | undefined;
  texts: DaysSettingTexts;
  store: (days: number) => Promise<void>;
}) {
  const toast = useToast();
  const [days, setDays] = useState('');
  const [error, setError] = useState<ValidationIssue | undefined>(undefined);
  useEffect(() => {
    if (current !== undefined && days === '') setDays(String(current));
  }, [current, days]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setError(issue(field, 'reminderDays'));
      return;
    }
    setError(undefined);
    await store(value);
    toast.notify(texts.saved(value), 'success');
  }

  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id}>{texts.title}</h2>
      <form onSubmit={submit} noValidate className="reminder-form">
        <TextField label={texts.label} hint={texts.hint} type="number" min={1} max={365} value={days} onChange={setDays} error={error} />
        <div className="form-actions">
          <button type="submit" className="button">{texts.save}</button>
        </div>
      </form>
    </section>
  );
}
