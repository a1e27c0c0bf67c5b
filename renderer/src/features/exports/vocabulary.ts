/**
 * The words of an export file: the interface language's labels (French ones are La Coop's own) or the
 * national codes. Built here from i18n and handed to the pure row builders of domain/formats.
 */
import i18next from 'i18next';
import type { Vocabulary } from '../../domain/formats/table';
import { intlLocale } from '../../i18n/languages';

export type VocabularyMode = Vocabulary['mode'];

/**
 * A date-time as its local date and time. Labels: "dd/mm/yyyy à HH:MM" in French (La Coop's
 * "Enregistré le"), "yyyy-mm-dd HH:MM" in English. Codes: the ISO date-time unchanged.
 */
function dateTimeFormatter(lang: string, timeZone?: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  });
  const t = i18next.getFixedT(lang, 'formats');
  return (iso) => {
    const parsed = new Date(iso);
    if (Number.isNaN(parsed.getTime())) return iso;
    const part = Object.fromEntries(format.formatToParts(parsed).map((p) => [p.type, p.value]));
    const date = intlLocale(lang).startsWith('fr') ? `${part.day}/${part.month}/${part.year}` : `${part.year}-${part.month}-${part.day}`;
    return t('dateTime', { date, time: `${part.hour}:${part.minute}`, interpolation: { escapeValue: false } });
  };
}

export function makeVocabulary(lang: string, mode: VocabularyMode, options: { timeZone?: string } = {}): Vocabulary {
  if (mode === 'codes') {
    return {
      mode,
      header: (_sheet, key) => key,
      code: (_list, code) => code,
      yesNo: (value) => value,
      anonymous: '',
      listSeparator: '|',
      dateTime: (iso) => iso,
    };
  }
  const t = i18next.getFixedT(lang);
  const lists = new Map<string, Record<string, string>>();
  // The list's labels as one object: a national value may hold a dot ("ORDI 3.0"), which a key path would split.
  const labelsOf = (list: string) => {
    let labels = lists.get(list);
    if (!labels) {
      labels = (t(`codes:${list}`, { returnObjects: true }) ?? {}) as Record<string, string>;
      lists.set(list, labels);
    }
    return labels;
  };
  return {
    mode,
    header: (sheet, key) => t(`formats:${sheet}.${key}`),
    code: (list, code) => labelsOf(list)[code] ?? code,
    yesNo: (value) => t(value ? 'formats:yes' : 'formats:no'),
    anonymous: t('formats:anonymous'),
    // La Coop puts one item per line inside a cell.
    listSeparator: '\n',
    dateTime: dateTimeFormatter(lang, options.timeZone),
  };
}
