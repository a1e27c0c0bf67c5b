// Locale completeness: every key in one language exists in the others, plural keys carry each
// language's plural forms (French: one, many, other — English: one, other), no value is empty,
// French spacing is typographic, and every {{placeholder}} of a message exists in its translation too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = 'locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;
const languages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
const problems = [];

function flatten(object, prefix = '') {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]);
}

const tables = {};
for (const lang of languages) {
  tables[lang] = new Map();
  for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.json'))) {
    let json;
    try {
      json = JSON.parse(readFileSync(join(root, lang, file), 'utf8'));
    } catch (error) {
      problems.push(`${lang}/${file}: not valid JSON (${error.message})`);
      continue;
    }
    for (const [key, value] of flatten(json)) {
      const id = `${file.replace(/\.json$/, '')}:${key}`;
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${lang} ${id}: empty or not text`);
      tables[lang].set(id, String(value));
    }
  }
}

const baseKey = (id) => id.replace(PLURAL, '');
const placeholders = (text) => new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]));

for (const lang of languages) {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const bases = new Map();
  for (const id of tables[lang].keys()) {
    const base = baseKey(id);
    if (!bases.has(base)) bases.set(base, []);
    bases.get(base).push(id);
  }
  for (const other of languages.filter((l) => l !== lang)) {
    const otherBases = new Set([...tables[other].keys()].map(baseKey));
    for (const base of bases.keys()) if (!otherBases.has(base)) problems.push(`${base}: in ${lang}, missing from ${other}`);
  }
  for (const [base, ids] of bases) {
    const plural = ids.some((id) => PLURAL.test(id));
    if (!plural) continue;
    for (const form of forms) {
      if (form === 'zero' || form === 'two' || form === 'few') continue;
      if (!tables[lang].has(`${base}_${form}`)) problems.push(`${base}: ${lang} lacks the plural form "${form}"`);
    }
  }
}

// French typography: a no-break space before : ; ! ? and inside « », so a line never starts with
// a lone colon or question mark.
for (const [id, text] of tables.fr ?? []) {
  if (/ [:;!?»]|« /.test(text)) problems.push(`fr ${id}: use a no-break space (U+00A0 or U+202F) before : ; ! ? » and after «`);
}

// Placeholders must match across languages, or a translated message silently drops a value.
const [first, ...rest] = languages;
for (const [id, text] of tables[first] ?? []) {
  for (const lang of rest) {
    const candidates = [...tables[lang].entries()].filter(([k]) => baseKey(k) === baseKey(id)).map(([, v]) => v);
    if (candidates.length === 0) continue;
    const mine = placeholders(text);
    const theirs = new Set(candidates.flatMap((c) => [...placeholders(c)]));
    for (const name of mine) if (name !== 'count' && !theirs.has(name)) problems.push(`${id}: {{${name}}} missing in ${lang}`);
  }
}

if (problems.length > 0) {
  console.error(`Locale check failed (${problems.length}):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const counts = languages.map((l) => `${l} ${tables[l].size}`).join(', ');
console.log(`Locales complete: ${counts} messages.`);
