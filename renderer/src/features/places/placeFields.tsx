/**
 * Parts of the place form for the national schema's columns: a typology picker (the common ones
 * first, the full national list folded), lists typed as text (e-mails, websites, labels), the contact
 * and presentation columns, and a friendly editor for the common opening hours.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMATIONS_LABELS, TYPOLOGIES, type Typologie } from '../../domain/codes';
import { DAYS, emptyWeek, openingHoursFromWeek, timeRange, weekFromOpeningHours, type Day, type Week } from '../../domain/openingHours';
import { isValidOpeningHours } from '../../domain/place';
import type { ValidationIssue } from '../../domain/validation';
import { CheckboxGroup, TextField, useCodeOptions } from '../../ui/form';
import type { PlaceDraft } from './placeDraft';

/** The typologies most village places have, shown first; the national list has about a hundred. */
const COMMON_TYPOLOGIES: readonly Typologie[] = ['MUNI', 'EPN', 'BIB', 'TIERS_LIEUX', 'RFS', 'CCAS', 'CS', 'ASSO', 'LA_POSTE', 'FABLAB', 'MJC', 'EPCI'];

interface PartProps {
  draft: PlaceDraft;
  set: <K extends keyof PlaceDraft>(key: K, value: PlaceDraft[K]) => void;
  issue: (field: string) => ValidationIssue | undefined;
}

export function TypologiePicker({ draft, set, issue }: PartProps) {
  const { t } = useTranslation('places');
  const common = useCodeOptions<Typologie>('typologie', COMMON_TYPOLOGIES);
  const others = useCodeOptions<Typologie>('typologie', TYPOLOGIES.filter((code) => !COMMON_TYPOLOGIES.includes(code)));
  const chosenOthers = draft.typologie.filter((code) => !COMMON_TYPOLOGIES.includes(code));
  const setPart = (part: readonly Typologie[], inPart: Typologie[]) => set('typologie', [...draft.typologie.filter((c) => !part.includes(c)), ...inPart]);
  return (
    <div className="form-subsection">
      <CheckboxGroup legend={t('fields.typologie')} hint={t('form.typologyHint')} options={common} columns={3} error={issue('typologie')}
        value={draft.typologie.filter((c) => COMMON_TYPOLOGIES.includes(c))} onChange={(v) => setPart(COMMON_TYPOLOGIES, v)} />
      <details open={chosenOthers.length > 0}>
        <summary>{t('form.allTypologies', { count: TYPOLOGIES.length })}</summary>
        <CheckboxGroup legend={t('form.otherTypologies')} options={others} columns={2} value={chosenOthers}
          onChange={(v) => setPart(TYPOLOGIES.filter((c) => !COMMON_TYPOLOGIES.includes(c)), v)} />
      </details>
    </div>
  );
}

/** A list typed as text, one item per comma; the text is kept as typed while editing. */
function ListField({ label, hint, value, onChange, error }: { label: string; hint?: string; value: string[] | undefined; onChange: (v: string[] | undefined) => void; error?: ValidationIssue }) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <TextField label={label} hint={hint} value={text} error={error} onChange={(next) => {
      setText(next);
      const items = next.split(',').map((item) => item.trim()).filter(Boolean);
      onChange(items.length > 0 ? items : undefined);
    }} />
  );
}

export function ContactFields({ draft, set, issue }: PartProps) {
  const { t } = useTranslation('places');
  const labels = useCodeOptions<string>('formationsLabels', FORMATIONS_LABELS);
  const text = (key: 'telephone' | 'ficheAccesLibre' | 'priseRdv' | 'structureParente' | 'presentationDetail') => ({
    value: draft[key] ?? '', onChange: (v: string) => set(key, v.trim() ? v : undefined), error: issue(key),
  });
  return (
    <section className="form-section" aria-labelledby="place-contact">
      <h2 id="place-contact">{t('form.contact')}</h2>
      <div className="form-row">
        <TextField label={t('fields.telephone')} hint={t('fields.telephoneHint')} {...text('telephone')} />
        <ListField label={t('fields.courriels')} hint={t('fields.listHint')} value={draft.courriels} onChange={(v) => set('courriels', v)} error={issue('courriels')} />
      </div>
      <div className="form-row">
        <ListField label={t('fields.sitesWeb')} hint={t('fields.listHint')} value={draft.sitesWeb} onChange={(v) => set('sitesWeb', v)} error={issue('sitesWeb')} />
        <TextField label={t('fields.priseRdv')} hint={t('fields.urlHint')} {...text('priseRdv')} />
      </div>
      <div className="form-row">
        <TextField label={t('fields.ficheAccesLibre')} hint={t('fields.urlHint')} {...text('ficheAccesLibre')} />
        <TextField label={t('fields.structureParente')} hint={t('fields.structureParenteHint')} {...text('structureParente')} />
      </div>
      <TextField multiline label={t('fields.presentationDetail')} hint={t('fields.presentationDetailHint')} {...text('presentationDetail')} />
      <CheckboxGroup legend={t('fields.formationsLabels')} options={labels} value={draft.formationsLabels ?? []} columns={2}
        onChange={(v) => set('formationsLabels', v.length > 0 ? v : undefined)} error={issue('formationsLabels')} />
      <ListField label={t('fields.autresFormationsLabels')} hint={t('fields.listHint')} value={draft.autresFormationsLabels}
        onChange={(v) => set('autresFormationsLabels', v)} error={issue('autresFormationsLabels')} />
    </section>
  );
}

/** Morning and afternoon of one day, as four time inputs. */
type DayTimes = [string, string, string, string];

function timesOf(ranges: string[]): DayTimes {
  const [a = '-', b = '-'] = ranges;
  return [...a.split('-'), ...b.split('-')] as DayTimes;
}

function rangesOf(times: DayTimes): string[] {
  return [timeRange(times[0], times[1]), timeRange(times[2], times[3])].filter((r): r is string => r !== null);
}

/**
 * Opening hours: the common weekly case on a grid of time inputs (morning and afternoon per day),
 * written in OpenStreetMap syntax; the text below it takes anything the syntax allows and is checked
 * by the reference parser as it is typed.
 */
export function OpeningHoursEditor({ draft, set, issue }: PartProps) {
  const { t } = useTranslation('places');
  const simple = weekFromOpeningHours(draft.horaires ?? '');
  const timesOfWeek = (week: Week) => Object.fromEntries(DAYS.map((day) => [day, timesOf(week[day])])) as Record<Day, DayTimes>;
  const [times, setTimes] = useState<Record<Day, DayTimes>>(() => timesOfWeek(simple ?? emptyWeek()));
  function change(day: Day, index: number, value: string) {
    const next = { ...times, [day]: times[day].map((v, i) => (i === index ? value : v)) as DayTimes };
    setTimes(next);
    const week = Object.fromEntries(DAYS.map((d) => [d, rangesOf(next[d])])) as Week;
    const value2 = openingHoursFromWeek(week);
    set('horaires', value2 || undefined);
  }
  const raw = draft.horaires ?? '';
  const valid = raw.trim() === '' || isValidOpeningHours(raw);
  return (
    <div className="form-subsection">
      <fieldset className="export-filters">
        <legend>{t('hours.week')}</legend>
        {simple ? (
          <div className="opening-hours-grid">
            <span />
            <span className="field-hint">{t('hours.morningFrom')}</span>
            <span className="field-hint">{t('hours.morningTo')}</span>
            <span className="field-hint">{t('hours.afternoonFrom')}</span>
            <span className="field-hint">{t('hours.afternoonTo')}</span>
            {DAYS.map((day) => (
              <DayRow key={day} day={day} times={times[day]} onChange={(i, v) => change(day, i, v)} />
            ))}
          </div>
        ) : <p className="field-hint">{t('hours.advanced')}</p>}
        <TextField label={t('fields.horaires')} hint={t('fields.horairesHint')} value={raw}
          onChange={(v) => {
            set('horaires', v || undefined);
            // Typed text that the grid can show redraws the grid.
            const week = weekFromOpeningHours(v);
            if (week) setTimes(timesOfWeek(week));
          }} error={issue('horaires')} />
        {!valid && !issue('horaires') ? <p className="field-hint" role="status">{t('hours.notYetValid')}</p> : null}
      </fieldset>
    </div>
  );
}

function DayRow({ day, times, onChange }: { day: Day; times: DayTimes; onChange: (index: number, value: string) => void }) {
  const { t } = useTranslation('places');
  const name = t(`hours.days.${day}`);
  const labels = [t('hours.morningFrom'), t('hours.morningTo'), t('hours.afternoonFrom'), t('hours.afternoonTo')];
  return (
    <>
      <span>{name}</span>
      {times.map((value, i) => (
        <input key={i} type="time" value={value} aria-label={`${name} — ${labels[i]}`} onChange={(e) => onChange(i, e.target.value)} />
      ))}
    </>
  );
}
