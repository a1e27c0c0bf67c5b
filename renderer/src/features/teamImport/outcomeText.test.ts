// A file's line in the folder import's result, in the words a coordinator reads (real i18next, French and English).
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { describeSyncError } from '../sync';
import { outcomeText } from './TeamImportPage';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const inLanguage = (lng: string, ns: string) => (key: string, options?: Record<string, unknown>) => nbsp(i18next.t(key, { ns, lng, ...options }));
// What main (electron/main/files.ts) and the browser throw for a file over the limit.
const tooLarge = new Error('RELAIS_FILE_TOO_LARGE: file larger than 536870912 bytes');

beforeAll(async () => {
  await initI18n('fr');
});

describe('a folder file over the size limit', () => {
  it('is refused for its own size, not "together" with the others, in French and English', () => {
    const fr = outcomeText(inLanguage('fr', 'teamImport'), inLanguage('fr', 'sync'), { status: 'refused', error: tooLarge }, 'grand.relais');
    expect(fr).toEqual({ status: 'Refusé', detail: 'Ce fichier dépasse 512 Mio : Relais ne l’ouvre pas. Demandez un export des seuls changements.' });
    const en = outcomeText(inLanguage('en', 'teamImport'), inLanguage('en', 'sync'), { status: 'refused', error: tooLarge }, 'big.relais');
    expect(en.detail).toBe('This file is over 512 MiB: Relais does not open it. Ask for an export of the changes only.');
  });

  it('while a choice of files over the limit is refused for their sum', () => {
    const t = i18next.getFixedT('en', 'sync');
    expect(describeSyncError(t, tooLarge)).toBe('Together these files weigh over 512 MiB: open fewer at a time. Nothing was opened.');
  });
});
