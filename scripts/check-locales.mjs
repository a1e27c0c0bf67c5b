// `npm run i18n:check`: every language registered in locales/languages.json has every message, plural
// keys carry each language's plural forms, placeholders match, and the French reads as French should
// (real plurals, elision, one inclusive-writing form, typographic spaces, "courriel") while the English
// has no French left. The rules live in scripts/locale-rules.mjs, each unit-tested on a bad sample.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkTables } from './locale-rules.mjs';

const root = 'locales';
const languages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
const registered = JSON.parse(readFileSync(join(root, 'languages.json'), 'utf8')).map((l) => l.code);
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
    for (const [key, value] of flatten(json)) tables[lang].set(`${file.replace(/\.json$/, '')}:${key}`, value);
  }
}

problems.push(...checkTables(tables, { registered }));
if (problems.length > 0) {
  console.error(`Locale check failed (${problems.length}):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const counts = languages.map((l) => `${l} ${tables[l].size}`).join(', ');
console.log(`Locales complete: ${counts} messages.`);
