/** Self-assessment at the start and end of a series (per Pix competence, 4 levels) and its summary. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { changeSeries } from '../../db/workshops';
import type { Beneficiary, Stored } from '../../domain/records';
import { PIX_COMPETENCES, pixCompetenceKey, SELF_ASSESSMENT_LEVELS, type PixCompetence, type SelfAssessmentLevel } from '../../domain/workshops/pix';
import { latestAssessment, summarizeProgress, withAssessment } from '../../domain/workshops/progress';
import type { SelfAssessment, WorkshopSeries, WorkshopTemplate } from '../../domain/workshops/types';
import { formatNumber, todayIso } from '../../i18n/format';
import { RadioGroup, SelectField } from '../../ui/form';
import { useToast } from '../../ui/toast';

/** Competences to assess: the template's, or all 16 when the template names none. */
function competencesOf(template: WorkshopTemplate): PixCompetence[] {
  return template.competencesPix.length > 0 ? template.competencesPix : [...PIX_COMPETENCES];
}

export function ProgressTable({ series, template }: { series: WorkshopSeries; template: WorkshopTemplate }) {
  const { t } = useTranslation('workshops');
  const rows = summarizeProgress(series.evaluations, competencesOf(template));
  return (
    <table className="ws-table">
      <caption className="row-meta">{t('progress.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('progress.competence')}</th>
          <th scope="col">{t('progress.pairs')}</th>
          <th scope="col">{t('progress.start')}</th>
          <th scope="col">{t('progress.end')}</th>
          <th scope="col">{t('progress.improved')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.competence}>
            <th scope="row">{row.competence} {t(pixCompetenceKey(row.competence))}</th>
            <td>{formatNumber(row.pairs)}</td>
            <td>{row.pairs ? formatNumber(row.averageStart) : '—'}</td>
            <td>{row.pairs ? formatNumber(row.averageEnd) : '—'}</td>
            <td>{formatNumber(row.improved)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProgressSection({ series, template, beneficiaries }: {
  series: Stored<WorkshopSeries>; template: WorkshopTemplate; beneficiaries: Map<string, Stored<Beneficiary>> | undefined;
}) {
  const { t } = useTranslation('workshops');
  return (
    <section className="ws-section" aria-labelledby="ws-progress">
      <h2 id="ws-progress">{t('progress.title')}</h2>
      {series.participantIds.length > 0 ? <AssessmentForm series={series} template={template} beneficiaries={beneficiaries} /> : null}
      <ProgressTable series={series} template={template} />
    </section>
  );
}

function AssessmentForm({ series, template, beneficiaries }: {
  series: Stored<WorkshopSeries>; template: WorkshopTemplate; beneficiaries: Map<string, Stored<Beneficiary>> | undefined;
}) {
  const { t } = useTranslation('workshops');
  const { notify } = useToast();
  const [person, setPerson] = useState('');
  const [moment, setMoment] = useState<SelfAssessment['moment']>('debut');
  const [niveaux, setNiveaux] = useState<SelfAssessment['niveaux']>({});
  const levels = SELF_ASSESSMENT_LEVELS.map((level) => ({ value: String(level), label: t(`progress.levels.l${level}`) }));

  function choose(nextPerson: string, nextMoment: SelfAssessment['moment']) {
    setPerson(nextPerson);
    setMoment(nextMoment);
    setNiveaux(latestAssessment(series.evaluations, nextPerson, nextMoment)?.niveaux ?? {});
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!person) return;
    const entry: SelfAssessment = { beneficiaryId: person, moment, date: todayIso(), niveaux };
    await changeSeries(getRelais(), series.id, (s) => ({ ...s, evaluations: withAssessment(s.evaluations, entry) }));
    notify(t('progress.saved'), 'success');
  }

  const people = series.participantIds.map((id) => ({ value: id, label: beneficiaries?.get(id)?.code ?? id }));
  return (
    <form className="form-section" onSubmit={(e) => void save(e)} noValidate>
      <h3>{t('progress.formTitle')}</h3>
      <div className="form-row">
        <SelectField label={t('progress.person')} value={person} onChange={(v) => choose(v, moment)} options={people} required />
        <RadioGroup legend={t('progress.moment')} value={moment} onChange={(v) => choose(person, v)} columns={2}
          options={[{ value: 'debut', label: t('progress.debut') }, { value: 'fin', label: t('progress.fin') }]} />
      </div>
      {person ? competencesOf(template).map((code) => (
        <RadioGroup key={code} legend={`${code} ${t(pixCompetenceKey(code))}`} options={levels} columns={3}
          value={niveaux[code] ? String(niveaux[code]) : ''}
          onChange={(v) => setNiveaux((prev) => ({ ...prev, [code]: Number(v) as SelfAssessmentLevel }))} />
      )) : null}
      <div className="form-actions"><button type="submit" className="button button--primary" disabled={!person}>{t('progress.save')}</button></div>
    </form>
  );
}
