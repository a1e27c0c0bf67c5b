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
  const format = timeZone ? new Intl.DateTimeFormat('en-CA', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }) : undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  /** The parts in `timeZone` when one is given (tests), else in this computer's zone (fast Date getters). */
  const partsOf = (d: Date) => (format
    ? Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]))
    : { year: String(d.getFullYear()), month: two(d.getMonth() + 1), day: two(d.getDate()), hour: two(d.getHours()), minute: two(d.getMinutes()) });
  const french = intlLocale(lang).startsWith('fr');
  // The message is a template with two values: read once, filled by hand (an export fills it 200 000 times).
  const template = i18next.getFixedT(lang, 'formats')('dateTime');
  return (iso) => {
    const parsed = new Date(iso);
    if (Number.isNaN(parsed.getTime())) return iso;
    const part = partsOf(parsed);
    const date = french ? `${part.day}/${part.month}/${part.year}` : `${part.year}-${part.month}-${part.day}`;
    return template.replace('{{date}}', date).replace('{{time}}', `${part.hour}:${part.minute}`);
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
