/** Create or edit a workshop template: what it teaches, to whom, and its step-by-step outline. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { MATERIEL, NIVEAUX, THEMATIQUES } from '../../domain/codes';
import { uuidv7 } from '../../domain/ids';
import { dataOf, type Stored } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { PIX_COMPETENCES, pixCompetenceKey } from '../../domain/workshops/pix';
import type { OutlineStep, WorkshopTemplate } from '../../domain/workshops/types';
import { STEP_TITLE_MAX, TEXT_MAX, TITLE_MAX, validateTemplate } from '../../domain/workshops/validation';
import { CheckboxGroup, ErrorSummary, issueFor, RadioGroup, TextField, useCodeOptions } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { useTemplate } from './data';

const EMPTY: WorkshopTemplate = {
  titre: '', objectifs: '', niveau: 'debutant', thematiques: [], competencesPix: [], duree: 90, materiel: [], etapes: [],
};

export function TemplateFormPage() {
  const { id } = useParams();
  const template = useTemplate(id);
  const { t } = useTranslation('workshops');
  if (id && template === undefined) return null;
  if (id && template === null) return <Page title={t('template.editTitle')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  return <TemplateForm key={id ?? 'new'} existing={template ?? undefined} />;
}

function TemplateForm({ existing }: { existing?: Stored<WorkshopTemplate> }) {
  const { t } = useTranslation(['workshops', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const [value, setValue] = useState<WorkshopTemplate>(existing ? dataOf(existing) : EMPTY);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const niveaux = useCodeOptions('niveau', NIVEAUX);
  const thematiques = useCodeOptions('thematiques', THEMATIQUES);
  const materiel = useCodeOptions('materiel', MATERIEL);
  const pix = PIX_COMPETENCES.map((code) => ({ value: code, label: `${code} ${t(pixCompetenceKey(code))}` }));
  const set = <K extends keyof WorkshopTemplate>(key: K, v: WorkshopTemplate[K]) => setValue((prev) => ({ ...prev, [key]: v }));

  function setStep(index: number, step: Partial<OutlineStep>) {
    set('etapes', value.etapes.map((s, i) => (i === index ? { ...s, ...step } : s)));
  }
  function moveStep(index: number, by: -1 | 1) {
    const steps = [...value.etapes];
    const [moved] = steps.splice(index, 1);
    steps.splice(index + by, 0, moved);
    set('etapes', steps);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = validateTemplate(value);
    setIssues(found);
    if (found.length > 0) return;
    const relais = getRelais();
    const saved = existing ? await relais.workshopTemplates.update(existing.id, value) : await relais.workshopTemplates.create(value);
    notify(t('common:form.saved'), 'success');
    navigate(existing ? '/workshops/templates' : `/workshops/series/new?template=${saved.id}`);
  }

  const fieldLabel = (field: string) => t(`template.fields.${field.split('.')[0]}`);
  return (
    <Page title={existing ? t('template.editTitle') : t('template.newTitle')}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary issues={issues} fieldLabel={fieldLabel} />
        <div className="form-section">
          <TextField label={t('template.fields.titre')} value={value.titre} onChange={(v) => set('titre', v)} required error={issueFor(issues, 'titre')} maxLength={TITLE_MAX} />
          <TextField label={t('template.fields.objectifs')} value={value.objectifs} onChange={(v) => set('objectifs', v)} multiline required error={issueFor(issues, 'objectifs')} maxLength={TEXT_MAX} />
          <div className="form-row ws-align-start">
            <RadioGroup legend={t('template.fields.niveau')} options={niveaux} value={value.niveau} onChange={(v) => set('niveau', v)} required />
            <TextField label={t('template.fields.duree')} type="number" min={1} value={String(value.duree || '')}
              onChange={(v) => set('duree', Number(v))} required error={issueFor(issues, 'duree')} />
          </div>
          <CheckboxGroup legend={t('template.fields.thematiques')} options={thematiques} value={value.thematiques}
            onChange={(v) => set('thematiques', v)} required error={issueFor(issues, 'thematiques')} />
          <CheckboxGroup legend={t('template.fields.competencesPix')} options={pix} value={value.competencesPix} onChange={(v) => set('competencesPix', v)} />
          <CheckboxGroup legend={t('template.fields.materiel')} options={materiel} value={value.materiel} onChange={(v) => set('materiel', v)} columns={3} />
          <TextField label={t('template.fields.materielNecessaire')} value={value.materielNecessaire ?? ''} multiline
            onChange={(v) => set('materielNecessaire', v || undefined)} error={issueFor(issues, 'materielNecessaire')} maxLength={TEXT_MAX} />
        </div>

        <fieldset className="form-section ws-steps">
          <legend>{t('template.fields.etapes')}</legend>
          <ol>
            {value.etapes.map((step, index) => (
              <li key={step.id} className="ws-step-edit">
                <TextField label={t('template.stepLabel', { n: index + 1 })} value={step.titre} onChange={(v) => setStep(index, { titre: v })}
                  error={issueFor(issues, `etapes.${index}.titre`)} maxLength={STEP_TITLE_MAX} />
                <div className="ws-step-buttons">
                  <button type="button" className="button button--small" disabled={index === 0} onClick={() => moveStep(index, -1)}
                    aria-label={t('template.stepUp', { n: index + 1 })}>↑</button>
                  <button type="button" className="button button--small" disabled={index === value.etapes.length - 1} onClick={() => moveStep(index, 1)}
                    aria-label={t('template.stepDown', { n: index + 1 })}>↓</button>
                  <button type="button" className="button button--small" onClick={() => set('etapes', value.etapes.filter((_, i) => i !== index))}
                    aria-label={t('template.stepRemove', { n: index + 1 })}>×</button>
                </div>
              </li>
            ))}
          </ol>
          <button type="button" className="button" onClick={() => set('etapes', [...value.etapes, { id: uuidv7(), titre: '' }])}>{t('template.addStep')}</button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary">{t('common:actions.save')}</button>
          <Link className="button" to="/workshops/templates">{t('common:actions.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
