/**
 * Choose a commune by typing its name or postcode (ARIA combobox, keyboard: arrows, Enter, Escape).
 * Nobody types an INSEE code: the value is always a commune of the official list.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCommunes, toCommuneRef, type Commune } from '../../domain/communes';
import type { CommuneRef } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { formatNumber } from '../../i18n/format';
import { useIssueMessage } from '../../ui/form';
import { useCommunes } from './communes';

interface CommunePickerProps {
  label: string;
  value: CommuneRef | undefined;
  onChange: (commune: CommuneRef | undefined, full?: Commune) => void;
  error?: ValidationIssue;
  required?: boolean;
  hint?: string;
  /** The field path this picker edits: forms and the error summary find it by it (ui/form.tsx). */
  field?: string;
}

export function CommunePicker({ label, value, onChange, error, required, hint, field }: CommunePickerProps) {
  const { t } = useTranslation(['villages', 'validation']);
  const message = useIssueMessage();
  const communes = useCommunes();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(() => (communes ? searchCommunes(communes, query) : []), [communes, query]);
  const listId = `${id}-list`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  function choose(commune: Commune) {
    onChange(toCommuneRef(commune), commune);
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, results.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (event.key === 'Enter' && open && results[active]) { event.preventDefault(); choose(results[active]); }
    else if (event.key === 'Escape') setOpen(false);
  }

  return (
    <div className={`field commune-picker${error ? ' field--invalid' : ''}`} data-field={error?.field ?? field}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true" className="required"> *</span> : null}</label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {value ? (
        <div className="commune-chosen">
          <span><strong>{value.nom}</strong> ({value.codePostal})</span>
          <button type="button" className="button button--small" onClick={() => onChange(undefined)}>
            {t('villages:picker.change')}
          </button>
        </div>
      ) : null}
      <input id={id} type="text" role="combobox" aria-expanded={open && results.length > 0} aria-controls={listId}
        aria-autocomplete="list" aria-activedescendant={open && results[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={describedBy} aria-invalid={Boolean(error)} aria-required={required} autoComplete="off"
        placeholder={communes ? t('villages:picker.placeholder') : t('villages:picker.loading')}
        value={query} onChange={(e) => { setQuery(e.target.value); setOpen(true); setActive(0); }}
        onKeyDown={onKeyDown} onBlur={() => setTimeout(() => setOpen(false), 150)} onFocus={() => setOpen(true)} />
      {open && results.length > 0 ? (
        <ul id={listId} role="listbox" className="commune-options" aria-label={label}>
          {results.map((c, index) => (
            <li key={c.codeInsee} id={`${id}-opt-${index}`} role="option" aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); choose(c); }}>
              <strong>{c.nom}</strong> <span className="row-meta">{c.codesPostaux.join(', ')} · {t('villages:picker.departement', { code: c.departement })} · {t('villages:picker.population', { count: c.population, formatted: formatNumber(c.population) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && query.trim().length >= 2 && communes && results.length === 0 ? (
        <p className="field-hint" role="status">{t('villages:picker.noMatch')}</p>
      ) : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{message(error)}</p> : null}
    </div>
  );
}
