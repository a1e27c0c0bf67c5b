/**
 * Pseudo-localisation, generated from English at run time so no translation file is committed.
 * Every letter is swapped for an accented look-alike (so a string that stays plain ASCII on screen
 * did not come from the locales: it is hard-coded), the text is wrapped in [ ] and padded by about
 * 35 % (so a label that cannot grow shows up cut off). Placeholders `{{…}}` and nested `$t(…)` are
 * kept as they are. The right-to-left variant also writes each run of text right to left.
 */
type Messages = { [key: string]: Messages | Messages[] | string | string[] };

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]]),
);
/** Padding words: non-ASCII, with spaces so the padded text still wraps like prose. */
const PADDING = 'ţéẋţ ļöñĝéŕ ŵîðéŕ ɱöŕé ŵöŕðš ţö ŕéåð ';
export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';
const RLO = '\u202e';
const PDF = '\u202c';

/** `{{placeholder}}`, `$t(nested, {…})`: passed through untouched. */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\((?:[^()]|\([^()]*\))*\))/;

export function pseudoText(text: string, { rtl = false } = {}): string {
  const parts = text.split(PROTECTED).map((part, i) => {
    if (i % 2 === 1) return part;
    const accented = [...part].map((c) => ACCENTED[c] ?? c).join('');
    return rtl && /\p{L}/u.test(accented) ? `${RLO}${accented}${PDF}` : accented;
  });
  const visible = text.replace(new RegExp(PROTECTED, 'g'), '').length;
  const extra = Math.max(2, Math.round(visible * 0.35));
  const padding = PADDING.repeat(Math.ceil(extra / PADDING.length)).slice(0, extra).trimEnd();
  return `${PSEUDO_OPEN}${parts.join('')} ${rtl ? `${RLO}${padding}${PDF}` : padding}${PSEUDO_CLOSE}`;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * Pseudo messages for a whole language: every string rewritten, and every plural category the
 * pseudo-language needs (Arabic rules for `ar-XB`: zero, one, two, few, many, other) filled from
 * the source's "one" and "other" forms, so a plural never falls back to another language.
 */
export function pseudoMessages<T extends Messages>(source: T, code: string, options: { rtl?: boolean } = {}): T {
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return pseudoText(value, options);
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) out[key] = rewrite(child);
    for (const [key] of entries.filter(([k]) => k.endsWith('_other'))) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of categories) {
        const target = `${base}_${category}`;
        if (!(target in out)) out[target] = out[category === 'one' && `${base}_one` in out ? `${base}_one` : key];
      }
    }
    return out;
  };
  return rewrite(source) as T;
}
