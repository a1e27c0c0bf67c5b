/** A template at a glance: level, duration, themes, Pix competences, goals. */
import { useTranslation } from 'react-i18next';
import { pixCompetenceKey } from '../../domain/workshops/pix';
import type { WorkshopTemplate } from '../../domain/workshops/types';
import { formatNumber } from '../../i18n/format';

export function TemplateFacts({ template, full = false }: { template: WorkshopTemplate; full?: boolean }) {
  const { t } = useTranslation(['workshops', 'codes']);
  return (
    <div className="ws-facts">
      <p className="row-meta">
        {t(`codes:niveau.${template.niveau}`)} · {t('workshops:minutes', { count: template.duree, value: formatNumber(template.duree) })}
        {' · '}{t('workshops:stepCount', { count: template.etapes.length })}
      </p>
      <p className="ws-tags">
        {template.thematiques.map((code) => <span key={code} className="tag">{t(`codes:thematiques.${code}`)}</span>)}
      </p>
      {full || template.objectifs.length < 160 ? <p>{template.objectifs}</p> : <p>{template.objectifs.slice(0, 157)}…</p>}
      {full && template.competencesPix.length > 0 ? (
        <p className="row-meta">
          {t('workshops:template.pixList', { list: template.competencesPix.map((c) => `${c} ${t(`workshops:${pixCompetenceKey(c)}`)}`).join(t('workshops:listSeparator')) })}
        </p>
      ) : null}
    </div>
  );
}
