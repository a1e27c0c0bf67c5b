/**
 * Settings → Storage (issue 12): whether the browser promised to keep the data (asked at start-up), the
 * space used out of what it allows, and a warning when little is left — before a write fails.
 * `StorageWarning` shows the same warning on every screen when space runs low.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { isStorageLow, readStorageStatus, type StorageStatus } from '../../platform/storage';

/** How often the warning checks the space left while the app is open. */
const CHECK_EVERY_MS = 10 * 60 * 1000;

function useStorageStatus(everyMs?: number): StorageStatus | undefined {
  const [status, setStatus] = useState<StorageStatus | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () => void readStorageStatus().then((s) => live && setStatus(s));
    read();
    const timer = everyMs ? setInterval(read, everyMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [everyMs]);
  return status;
}

/** Bytes as a person reads them: megabytes or gigabytes (Mo, Go in French), one decimal at most. */
function useBytes(): (bytes: number) => string {
  const { t } = useTranslation('settings');
  return (bytes) => {
    const gigabytes = bytes >= 1024 ** 3;
    const value = formatNumber(Math.round((bytes / (gigabytes ? 1024 ** 3 : 1024 ** 2)) * 10) / 10);
    return t(gigabytes ? 'storage.gigabytes' : 'storage.megabytes', { value });
  };
}

export function StorageSection() {
  const { t } = useTranslation('settings');
  const status = useStorageStatus();
  const bytes = useBytes();
  if (!status) return null;
  return (
    <section className="form-section storage-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage.title')}</h2>
      <p role="status">{t(status.persisted === true ? 'storage.persisted' : status.persisted === false ? 'storage.notPersisted' : 'storage.persistUnknown')}</p>
      {status.usage !== undefined && status.quota ? (
        <p>{t('storage.used', { used: bytes(status.usage), quota: bytes(status.quota) })}</p>
      ) : null}
      {isStorageLow(status) ? <p className="notice notice--warning" role="alert">{t('storage.low')}</p> : null}
    </section>
  );
}

/** On every screen: the warning, when space runs low. */
export function StorageWarning() {
  const { t } = useTranslation('settings');
  const status = useStorageStatus(CHECK_EVERY_MS);
  if (!status || !isStorageLow(status)) return null;
  return <p className="notice notice--warning storage-warning" role="alert">{t('storage.low')}</p>;
}
