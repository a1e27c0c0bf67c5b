/** `/sync`: carry work between laptops as bundle files — export, cards, import with preview, conflicts, history. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../ui/Page';
import { ExportPanel } from './ExportPanel';
import { CardsPanel } from './CardsPanel';
import { ImportPanel } from './ImportPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { HistoryPanel } from './HistoryPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { InboxPanel } from './InboxPanel';

export function SyncPage() {
  const { t } = useTranslation('sync');
  return (
    <Page title={t('title')} className="sync">
      <p className="lead">{t('intro')}</p>
      <p><Link to="/sync/team">{t('teamImportLink')}</Link></p>
      <ImportPanel />
      <InboxPanel />
      <ExportPanel />
      <CardsPanel />
      <ConflictsPanel />
      <QuarantinePanel />
      <HistoryPanel />
    </Page>
  );
}
