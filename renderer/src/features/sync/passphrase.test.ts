import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_STRENGTH, passphraseStrength } from './passphrase';

describe('passphrase strength', () => {
  it('rates short or repetitive secrets weak and long phrases strong', () => {
    expect(passphraseStrength('')).toBe(0);
    expect(passphraseStrength('1234')).toBe(0);
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBeLessThan(MIN_PASSPHRASE_STRENGTH);
    expect(passphraseStrength('lormes')).toBeLessThan(MIN_PASSPHRASE_STRENGTH);
    expect(passphraseStrength('cheval-pluie-grange-1987')).toBeGreaterThanOrEqual(3);
    expect(passphraseStrength('le bus de Lormes passe à midi le mardi')).toBe(4);
  });
});
