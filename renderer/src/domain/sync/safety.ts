/**
 * JSON from a file is hostile until proven otherwise. `JSON.parse` itself is safe, but a parsed
 * `__proto__` / `constructor` / `prototype` key becomes prototype pollution the moment someone spreads
 * or assigns the object, so such keys are refused anywhere in a bundle, at any depth.
 */
import { BundleError } from './errors';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Records are shallow (a commune, counts per code): anything deeper is not ours. */
export const MAX_JSON_DEPTH = 16;

function assertSafeJson(value: unknown, depth = 0): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_JSON_DEPTH) throw new BundleError('invalidRecords', 'nested too deeply');
  if (Array.isArray(value)) {
    for (const item of value) assertSafeJson(item, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (UNSAFE_KEYS.has(key)) throw new BundleError('unsafeKeys', key);
    assertSafeJson((value as Record<string, unknown>)[key], depth + 1);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Parse JSON text that must be a plain object, refusing unsafe keys. `what`: 'manifest', 'card' or 'record N'. */
export function parseSafeObject(text: string, what: string): Record<string, unknown> {
  const reason = what === 'manifest' ? 'manifest' : 'recordLine';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BundleError('corrupted', `${what} is not JSON`, reason);
  }
  assertSafeJson(parsed);
  if (!isPlainObject(parsed)) throw new BundleError('corrupted', `${what} is not an object`, reason);
  return parsed;
}
