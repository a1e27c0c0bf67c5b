/**
 * The template library: the built-in starters (read-only, in the current language) and the
 * trainer's own templates. Using, editing or duplicating a starter first copies it into the database.
 */
import { useState } from 'react';
import { useNavigate, Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { copyStarter, duplicateTemplate } from '../../db/workshops';
import { starterTemplates } from '../../domain/workshops/starterTemplates';
import type { WorkshopTemplate } from '../../domain/workshops/types';
import type { Stored } from '../../domain/records';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { WriteAction } from '../../ui/readOnly';
import { useToast } from '../../ui/toast';
import { useStarterLanguage, useTemplates } from './data';
import { TemplateFacts } from './TemplateFacts';

export function TemplatesPage() {
  const { t } = useTranslation('workshops');
  const navigate = useNavigate();
  const { notify, notifyWithUndo } = useToast();
  const [toDelete, setToDelete] = useState<Stored<WorkshopTemplate> | undefined>(undefined);
  const language = useStarterLanguage();
  const templates = useTemplates();
  const copiedKeys = new Set((templates ?? []).map((x) => x.starterKey).filter(Boolean));
  const starters = starterTemplates(language).filter((s) => !copiedKeys.has(s.starterKey));

  async function fromStarter(key: string, then: 'series' | 'edit' | 'duplicate') {
    const copy = await copyStarter(getRelais(), key, language);
    if (then === 'series') navigate(`/workshops/series/new?template=${copy.id}`);
    else if (then === 'edit') navigate(`/workshops/templates/${copy.id}`);
    else await duplicate(copy);
  }

  async function duplicate(template: WorkshopTemplate) {
    const copy = await duplicateTemplate(getRelais(), template, t('templates.copyTitle', { title: template.titre }));
    notify(t('templates.duplicated'), 'success');
    navigate(`/workshops/templates/${copy.id}`);
  }

  /** Series already planned keep their copy of the plan: a deleted template stays readable by them. */
  async function remove(template: Stored<WorkshopTemplate>) {
    setToDelete(undefined);
    const { workshopTemplates } = getRelais();
    await workshopTemplates.remove(template.id);
    notifyWithUndo(t('templates.deleted', { title: template.titre }), () => workshopTemplates.restore(template.id));
  }

  return (
    <Page title={t('templates.title')} actions={(
      <>
        <Link className="button" to="/workshops">{t('common:actions.back')}</Link>
        <WriteAction><Link className="button button--primary" to="/workshops/templates/new">{t('templates.new')}</Link></WriteAction>
      </>
    )}>
      <section aria-labelledby="ws-mine" className="ws-section">
        <h2 id="ws-mine">{t('templates.mine')}</h2>
        {templates && templates.length === 0 ? <EmptyState>{t('templates.noneYet')}</EmptyState> : (
          <ul className="ws-cards">
            {(templates ?? []).map((template) => (
              <li key={template.id} className="card ws-card">
                <h3>{template.titre}</h3>
                <TemplateFacts template={template} />
                <WriteAction><div className="ws-card-actions">
                  <Link className="button button--primary button--small" to={`/workshops/series/new?template=${template.id}`}>{t('templates.createSeries')}</Link>
                  <Link className="button button--small" to={`/workshops/templates/${template.id}`}>{t('common:actions.edit')}</Link>
                  <button type="button" className="button button--small" onClick={() => void duplicate(template)}>{t('templates.duplicate')}</button>
                  <button type="button" className="button button--small" aria-label={t('templates.deleteNamed', { title: template.titre })}
                    onClick={() => setToDelete(template)}>{t('common:actions.delete')}</button>
                </div></WriteAction>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog open={toDelete !== undefined} title={t('templates.deleteTitle')} message={t('templates.deleteMessage')}
        confirmLabel={t('common:actions.delete')} danger onConfirm={() => toDelete && void remove(toDelete)} onCancel={() => setToDelete(undefined)} />

      {starters.length > 0 ? (
        <section aria-labelledby="ws-starters" className="ws-section">
          <h2 id="ws-starters">{t('templates.starters')}</h2>
          <p className="lead">{t('templates.startersHint')}</p>
          <ul className="ws-cards">
            {starters.map((starter) => (
              <li key={starter.starterKey} className="card ws-card">
                <h3>{starter.titre} <span className="tag">{t('templates.starterTag')}</span></h3>
                <TemplateFacts template={starter} />
                <WriteAction><div className="ws-card-actions">
                  <button type="button" className="button button--primary button--small"
                    aria-label={t('templates.createSeriesFrom', { title: starter.titre })}
                    onClick={() => void fromStarter(starter.starterKey!, 'series')}>{t('templates.createSeries')}</button>
                  <button type="button" className="button button--small" onClick={() => void fromStarter(starter.starterKey!, 'edit')}>{t('common:actions.edit')}</button>
                  <button type="button" className="button button--small" onClick={() => void fromStarter(starter.starterKey!, 'duplicate')}>{t('templates.duplicate')}</button>
                </div></WriteAction>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
