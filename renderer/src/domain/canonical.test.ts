import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical';

/** The plain spelling of canonical JSON (what `canonicalJson` did before it remembered key orders): the reference. */
function reference(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

describe('canonicalJson', () => {
  it('spells any value exactly as the reference does, key orders remembered or not (seals are digests of it)', () => {
    // Few key names, so the same key lists come back in other orders and with other values.
    const key = fc.oneof(fc.constantFrom('a', 'b', 'é', '10', '9', 'a\u0000b', '\u0000', '', 'versions', '__proto__'), fc.string({ maxLength: 3 }));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 6 })),
    })).node;
    fc.assert(fc.property(fc.array(value, { maxLength: 8 }), (values) => {
      for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
    }), { numRuns: 500 });
  });

  it('tells apart objects whose key lists would join alike', () => {
    expect(canonicalJson({ a: 1, b: 2 })).toBe('{"a":1,"b":2}');
    expect(canonicalJson({ 'a\u0000b': 1 })).toBe('{"a\\u0000b":1}');
    expect(canonicalJson({ b: 2, a: 1 })).toBe('{"a":1,"b":2}');
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});
