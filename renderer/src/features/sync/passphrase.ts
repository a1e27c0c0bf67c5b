/**
 * A rough strength estimate for a passphrase typed to protect a bundle (never stored). Long phrases
 * of ordinary words are encouraged: the meter rewards length first.
 */
export type Strength = 0 | 1 | 2 | 3 | 4;
export const MIN_PASSPHRASE_STRENGTH: Strength = 2;

export function passphraseStrength(text: string): Strength {
  const value = text.trim();
  if (value.length === 0) return 0;
  let alphabet = 0;
  if (/[a-zà-ÿ]/.test(value)) alphabet += 26;
  if (/[A-ZÀ-Ý]/.test(value)) alphabet += 26;
  if (/\d/.test(value)) alphabet += 10;
  if (/[^a-zA-Zà-ÿÀ-Ý\d]/.test(value)) alphabet += 20;
  const distinct = new Set(value).size;
  // Repeated characters ("aaaaaaaa") add little: count at most twice the distinct ones.
  const effectiveLength = Math.min(value.length, distinct * 2);
  const bits = effectiveLength * Math.log2(Math.max(alphabet, 2));
  if (bits < 28) return 0;
  if (bits < 45) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}
