/**
 * Form controls with a visible label, an accessible name and their error tied by aria-describedby.
 * Error messages are validation keys (domain/validation.ts) translated from the `validation` namespace.
 * A control showing an error carries `data-field` (the issue's field path): the error summary finds it
 * there to bring the person to it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PATTERN, type ValidationIssue } from '../domain/validation';
import { formatDate, formatNumber } from '../i18n/format';

export function issueFor(issues: ValidationIssue[], field: string): ValidationIssue | undefined {
  return issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
}

/** An issue's values as a person reads them: a date (the bound of a date range) in their language. */
export function issueParams(params: ValidationIssue['params']): ValidationIssue['params'] {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => (
    [name, typeof value === 'string' && DATE_PATTERN.test(value) ? formatDate(value, 'long') : value]
  )));
}

/** The message of an issue, in the `validation` namespace. */
export function useIssueMessage(): (issue: ValidationIssue) => string {
  const { t } = useTranslation('validation');
  return (issue) => t(`validation:${issue.code}`, issueParams(issue.params));
}

function ErrorText({ id, error }: { id: string; error?: ValidationIssue }) {
  const message = useIssueMessage();
  if (!error) return null;
  return <p id={id} className="field-error" role="alert">{message(error)}</p>;
}

/** Quiet time before a screen reader hears the count, so it is not read out at every key. */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * "120 / 4 000 characters" under a bounded text field, red with the excess once over. Typing is never
 * cut (a pasted text stays whole, to be shortened by the person); saving refuses the excess.
 */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation('common');
  const over = length - max;
  const text = over > 0
    ? t('form.charactersOver', { count: over })
    : t('form.characters', { used: formatNumber(length), max: formatNumber(max) });
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <>
      <p id={id} className={`char-count${over > 0 ? ' is-over' : ''}`}>{text}</p>
      <p className="visually-hidden" aria-live="polite">{announced}</p>
    </>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: ValidationIssue;
  required?: boolean;
  /** A bounded text: its length and bound, shown as a live character count. */
  count?: { length: number; max: number };
  /** The field path of the data this control edits (`notes`, `commune`): the error summary and forms find it by it. */
  field?: string;
  children: (props: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

export function Field({ label, hint, error, required, count, field, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : '', count ? countId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`} data-field={error?.field ?? field}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true" className="required"> *</span> : null}</label>
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {count ? <CharacterCount id={countId} length={count.length} max={count.max} /> : null}
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
  type?: 'text' | 'date' | 'month' | 'number' | 'search' | 'time';
  multiline?: boolean;
  placeholder?: string;
  /** A number, or a YYYY-MM-DD date for a date field. */
  min?: number | string;
  max?: number | string;
  autoFocus?: boolean;
  name?: string;
  /** The longest text the rules accept: shows a character count (typing is not cut at the bound). */
  maxLength?: number;
  field?: string;
}

export function TextField({ label, value, onChange, hint, error, required, type = 'text', multiline, maxLength, field, ...rest }: TextFieldProps) {
  const count = maxLength === undefined ? undefined : { length: value.length, max: maxLength };
  return (
    <Field label={label} hint={hint} error={error} required={required} count={count} field={field}>
      {({ id, describedBy, invalid }) => multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}
          aria-invalid={invalid} aria-required={required} rows={4} placeholder={rest.placeholder} name={rest.name} autoFocus={rest.autoFocus} />
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
  field?: string;
  /** Shown but not chosen (a value computed from another field). */
  disabled?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onChange, placeholder, hint, error, required, field, disabled }: SelectFieldProps<V>) {
  return (
    <Field label={label} hint={hint} error={error} required={required} field={field}>
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
  columns?: 1 | 2 | 3 | 4;
  field?: string;
  /** Small side-by-side choices (a duration, a kind of place) instead of a column of them. */
  inline?: boolean;
}

function groupClass(columns: number, inline: boolean | undefined, error: ValidationIssue | undefined): string {
  return `choices ${inline ? 'choices--inline' : `choices--cols-${columns}`}${error ? ' field--invalid' : ''}`;
}

/** Lower-case, accents removed: what typing "ec" matches ("Écrire"). */
const foldLabel = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** How long the letters typed to reach a choice are kept together ("co" then "cou"). */
const TYPEAHEAD_MS = 800;

/**
 * A list of checkboxes as ONE Tab stop, as a radio group is: arrows move from box to box, Space ticks,
 * letters jump to the next choice that starts with them. Long lists (the 19 themes of an activity)
 * then cost one Tab to pass instead of nineteen.
 */
function useRovingBoxes(count: number, firstChecked: number, labels: string[]) {
  const boxes = useRef<Array<HTMLInputElement | null>>([]);
  const [active, setActive] = useState(-1);
  const typed = useRef({ text: '', at: 0 });
  const current = active >= 0 && active < count ? active : Math.max(firstChecked, 0);
  const focus = (index: number) => boxes.current[(index + count) % count]?.focus();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = { ArrowDown: current + 1, [forward]: current + 1, ArrowUp: current - 1, [backward]: current - 1, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focus(moves[event.key]);
      return;
    }
    if (event.key.length !== 1 || event.key === ' ') return;
    const now = Date.now();
    const continuing = now - typed.current.at < TYPEAHEAD_MS;
    typed.current = { text: (continuing ? typed.current.text : '') + foldLabel(event.key), at: now };
    // A new search starts after the current box; more letters of the same search may stay on it.
    const start = continuing ? current : current + 1;
    for (let step = 0; step < count; step++) {
      const index = (start + step) % count;
      if (foldLabel(labels[index]).startsWith(typed.current.text)) {
        event.preventDefault();
        focus(index);
        return;
      }
    }
  }

  return {
    onKeyDown,
    boxProps: (index: number) => ({
      ref: (el: HTMLInputElement | null) => { boxes.current[index] = el; },
      tabIndex: index === current ? 0 : -1,
      onFocus: () => setActive(index),
    }),
  };
}

/**
 * Several choices among a list (checkboxes in a fieldset). `oneTabStop`: the whole list is one Tab
 * stop, moved through with arrows and letters (useRovingBoxes).
 */
export function CheckboxGroup<V extends string>({ legend, options, value, onChange, hint, error, required, columns = 2, field, inline, oneTabStop }: ChoiceGroupProps<V> & {
  value: V[]; onChange: (value: V[]) => void; oneTabStop?: boolean;
}) {
  const id = useId();
  const toggle = (v: V, checked: boolean) => onChange(checked ? [...value, v] : value.filter((x) => x !== v));
  const roving = useRovingBoxes(options.length, options.findIndex((o) => value.includes(o.value)), options.map((o) => o.label));
  return (
    <fieldset className={groupClass(columns, inline, error)} data-field={error?.field ?? field}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend>{legend}{required ? <span aria-hidden="true" className="required"> *</span> : null}</legend>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <div className="choices-grid" onKeyDown={oneTabStop ? roving.onKeyDown : undefined}>
        {options.map((o, index) => (
          <label key={o.value} className="choice">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)}
              {...(oneTabStop ? roving.boxProps(index) : {})} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** One choice among a short list (radio buttons in a fieldset). */
export function RadioGroup<V extends string>({ legend, options, value, onChange, hint, error, required, columns = 3, field, inline }: ChoiceGroupProps<V> & { value: V | ''; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <fieldset className={groupClass(columns, inline, error)} data-field={error?.field ?? field}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
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

/** Asked of the element holding a field, which a closed section (ui/Disclosure.tsx) answers by opening. */
export const REVEAL_EVENT = 'relais:reveal';

/**
 * The control showing the issue of `field` in `scope`: the one marked with that exact field, else one
 * of its sub-fields (`participantsAnonymes` → `participantsAnonymes.total`), else its parent field.
 */
function fieldElement(scope: ParentNode, field: string): HTMLElement | null {
  const marked = [...scope.querySelectorAll<HTMLElement>('[data-field]')];
  const parent = field.split('.')[0];
  return marked.find((el) => el.dataset.field === field)
    ?? marked.find((el) => el.dataset.field?.startsWith(`${field}.`))
    ?? marked.find((el) => el.dataset.field === parent) ?? null;
}

/** Open the folded section holding the control of `field`, if any (ui/Disclosure.tsx). */
export function revealField(scope: ParentNode, field: string): void {
  fieldElement(scope, field)?.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
}

/**
 * Put the cursor in the control of `field`: its section opened first (unless `reveal` is false), its
 * first input focused (in a one-Tab-stop list, the box that holds the Tab stop), scrolled into view
 * only if it is not in view already.
 */
export function focusField(scope: ParentNode, field: string, { reveal = true } = {}): boolean {
  const holder = fieldElement(scope, field);
  if (!holder) return false;
  if (reveal) holder.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  // A section opens on the next render: focus once it has.
  requestAnimationFrame(() => {
    const control = holder.querySelector<HTMLElement>('input[tabindex="0"], input, select, textarea, button') ?? holder;
    control.focus({ preventScroll: true });
    control.scrollIntoView({ block: 'nearest' });
  });
  return true;
}

/**
 * At the top of a form after a failed save: what is missing, each item a link that takes the focus to
 * its field (a button: in a hash-routed app an in-page `#anchor` would change the route).
 */
export function ErrorSummary({ issues, fieldLabel }: { issues: ValidationIssue[]; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation(['common', 'validation']);
  const message = useIssueMessage();
  if (issues.length === 0) return null;
  const goTo = (target: HTMLElement, field: string) => focusField(target.closest('form') ?? document, field);
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('common:form.errorSummary', { count: issues.length })}</h2>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}-${i.code}`}>
            <button type="button" className="link-button" onClick={(e) => goTo(e.currentTarget, i.field)}>
              {fieldLabel(i.field)} — {message(i)}
            </button>
          </li>
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
