/**
 * Comparing and spelling values the same way everywhere: the repository (did this field change?),
 * the merge (same value on both sides? which one wins a tie?) and signed cards (the bytes signed).
 * Keys holding `undefined` count as absent, as in storage and in bundles.
 */

/** JSON with sorted keys: one spelling per value, so equal values compare equal. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/**
 * Structural equality, without building strings. Sound for the merge: when it says equal,
 * `canonicalJson` of both sides is equal too (keys holding `undefined` count as absent, as there);
 * the rare values it calls different though their JSON is equal (NaN and null) take the slow path.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const objA = a as Record<string, unknown>;
  const objB = b as Record<string, unknown>;
  const keysA = Object.keys(objA).filter((key) => objA[key] !== undefined);
  const keysB = Object.keys(objB).filter((key) => objB[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => deepEqual(objA[key], objB[key]));
}

/** Same value, whatever the order of object keys: what "this field did not change" means. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}
