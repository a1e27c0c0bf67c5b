/**
 * Form controls with a visible label, an accessible name and their error tied by aria-describedby.
 * Error messages are validation keys (domain/validation.ts) translated from the `validation` namespace.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../domain/validation';

export function issueFor(issues: ValidationIssue[], field: string): ValidationIssue | undefined {
  return issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
}

function ErrorText({ id, error }: { id: string; error?: ValidationIssue }) {
  const { t } = useTranslation('validation');
  if (!error) return null;
  return <p id={id} className="field-error" role="alert">{t(error.code, error.params)}</p>;
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: ValidationIssue;
  required?: boolean;
  children: (props: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

export function Field({ label, hint, error, required, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true" className="required"> *</span> : null}</label>
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: ValidationIssue;
  required?: boolean;
  type?: 'text' | 'date' | 'number' | 'search' | 'time';
  multiline?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  autoFocus?: boolean;
  name?: string;
}

export function TextField({ label, value, onChange, hint, error, required, type = 'text', multiline, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}
          aria-invalid={invalid} aria-required={required} rows={4} placeholder={rest.placeholder} name={rest.name} />
      ) : (
        <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}
          aria-invalid={invalid} aria-required={required} {...rest} />
      )}
    </Field>
  );
}

interface Option<V extends string> {
  value: V;
  label: string;
  /** The label's own language when it differs from the page's (a language's name in that language). */
  lang?: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V | '';
  options: Option<V>[];
  onChange: (value: V | '') => void;
  placeholder?: string;
  hint?: string;
  error?: ValidationIssue;
  required?: boolean;
  /** Shown but not chosen (a value computed from another field). */
  disabled?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onChange, placeholder, hint, error, required, disabled }: SelectFieldProps<V>) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as V | '')} aria-describedby={describedBy}
          aria-invalid={invalid} aria-required={required} disabled={disabled}>
          <option value="">{placeholder ?? '—'}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

interface ChoiceGroupProps<V extends string> {
  legend: string;
  options: Option<V>[];
  hint?: string;
  error?: ValidationIssue;
  required?: boolean;
  columns?: 1 | 2 | 3;
}

/** Several choices among a list (checkboxes in a fieldset). */
export function CheckboxGroup<V extends string>({ legend, options, value, onChange, hint, error, required, columns = 2 }: ChoiceGroupProps<V> & { value: V[]; onChange: (value: V[]) => void }) {
  const id = useId();
  const toggle = (v: V, checked: boolean) => onChange(checked ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`choices choices--cols-${columns}${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend>{legend}{required ? <span aria-hidden="true" className="required"> *</span> : null}</legend>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <div className="choices-grid">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** One choice among a short list (radio buttons in a fieldset). */
export function RadioGroup<V extends string>({ legend, options, value, onChange, hint, error, required, columns = 3 }: ChoiceGroupProps<V> & { value: V | ''; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <fieldset className={`choices choices--cols-${columns}${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend>{legend}{required ? <span aria-hidden="true" className="required"> *</span> : null}</legend>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <div className="choices-grid" role="radiogroup" aria-label={legend}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** At the top of a form after a failed save: what is missing, each item a link to its field. */
export function ErrorSummary({ issues, fieldLabel }: { issues: ValidationIssue[]; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation(['common', 'validation']);
  if (issues.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('common:form.errorSummary', { count: issues.length })}</h2>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}-${i.code}`}>{fieldLabel(i.field)} — {t(`validation:${i.code}`, i.params)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Options for a code list, labelled from the `codes` namespace: `codes:<list>.<code>`. */
export function useCodeOptions<V extends string>(list: string, codes: readonly V[]): Option<V>[] {
  const { t } = useTranslation('codes');
  // The list's labels as one object: a national value may hold a dot ("ORDI 3.0"), which a key path would split.
  const labels = t(list, { returnObjects: true }) as Record<string, string>;
  return codes.map((code) => ({ value: code, label: labels?.[code] ?? code }));
}
