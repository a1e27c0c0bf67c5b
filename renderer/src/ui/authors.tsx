/**
 * Whose work is whose, on screen: the author of a record (name, structure, device) as one label, and a
 * followed person's code scoped to its author, so two laptops' `B-0001` are told apart.
 */
import { useTranslation } from 'react-i18next';
import { ReadOnlyNotice, useReadOnly } from './readOnly';
import { deviceTag, readAuthors, structuresOfAuthors, type Author, type AuthorDirectory } from '../db/authors';
import type { AuthorFilter } from '../domain/authorFilter';
import { SelectField } from './form';
import { useRead } from './useRead';

export function useAuthors(): AuthorDirectory | undefined {
  return useRead(readAuthors);
}

/** "Aïcha Benali · Mairie de Lormes · device 3f2a9c", or "You (this computer)". */
export function authorText(author: Author, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (author.own) return t('common:author.you');
  const parts = [author.name || t('common:author.unknown'), author.structure, t('common:author.device', { tag: deviceTag(author.deviceId) })];
  return parts.filter(Boolean).join(' · ');
}

/** The author of a record, as a short label; `others` marks a record written elsewhere (read-only here). */
export function AuthorLabel({ deviceId, directory }: { deviceId: string; directory?: AuthorDirectory }) {
  const { t } = useTranslation('common');
  const own = useAuthors();
  const authors = directory ?? own;
  if (!authors) return null;
  const author = authors.of(deviceId);
  return (
    <span className={`author${author.own ? '' : ' author--other'}`}>
      <span className="visually-hidden">{t('author.label')} </span>{authorText(author, t)}
    </span>
  );
}

/** A followed person's code, with its author when she is not this laptop: `B-0001 (Aïcha Benali · 3f2a9c)`. */
export function scopedCode(code: string, authorDevice: string, authors: AuthorDirectory | undefined): string {
  const author = authors?.of(authorDevice);
  if (!author || author.own) return code;
  return `${code} (${[author.name, deviceTag(authorDevice)].filter(Boolean).join(' · ')})`;
}

/** The notice of a record written elsewhere: read-only here, and whose it is. */
export function OthersRecordNotice({ authorDevice }: { authorDevice: string }) {
  const { t } = useTranslation('common');
  const readOnly = useReadOnly();
  // In read-only mode every record is read-only, whoever wrote it: say that instead.
  if (readOnly) return <ReadOnlyNotice />;
  return (
    <p className="notice" role="status">
      {t('errors.notAuthor')} <strong>{t('author.label')}</strong> <AuthorLabel deviceId={authorDevice} />
    </p>
  );
}

/** The two selects of a list's author filter: who wrote it, and the structure she works for. */
export function AuthorFilterFields({ authors, value, onChange }: { authors: AuthorDirectory | undefined; value: AuthorFilter; onChange: (changes: Partial<AuthorFilter>) => void }) {
  const { t } = useTranslation('common');
  return (
    <>
      <SelectField label={t('author.filter')} options={(authors?.authors ?? []).map((a) => ({ value: a.deviceId, label: authorText(a, t) }))}
        value={value.author} placeholder={t('author.allAuthors')} onChange={(author) => onChange({ author })} />
      <SelectField label={t('author.structure')} options={(authors ? structuresOfAuthors(authors) : []).map((s) => ({ value: s, label: s }))}
        value={value.structure} placeholder={t('author.allStructures')} onChange={(structure) => onChange({ structure })} />
    </>
  );
}
