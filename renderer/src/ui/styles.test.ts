// The stylesheet speaks in logical directions (inline-start/end), so a right-to-left language mirrors
// the whole layout without a second stylesheet; e2e/ui/rtl.spec.ts checks the result on screen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Read from disk: Vitest hands CSS imports (even ?raw) over as empty strings.
const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');

it('reads the stylesheet', () => {
  expect(rules).toContain('.sidebar');
});

describe('stylesheet directions', () => {
  it('uses no physical left/right property or value', () => {
    const physical = [...rules.matchAll(/[^;{}]*\b(?:left|right)\b[^;{}]*/g)].map((m) => m[0].trim());
    expect(physical).toEqual([]);
  });

  it('has no four-value padding or margin with different left and right sides', () => {
    const lopsided = [...rules.matchAll(/\b(?:padding|margin)\s*:\s*([^;\s}]+) +([^;\s}]+) +([^;\s}]+) +([^;\s}]+)\s*[;}]/g)].filter((m) => m[2] !== m[4]);
    expect(lopsided.map((m) => m[0])).toEqual([]);
  });

  it('moves nothing sideways by a fixed amount (translateX does not flip in right-to-left)', () => {
    expect(rules.match(/translateX\([^)]*\)/g) ?? []).toEqual([]);
  });
});
