import { describe, expect, it } from 'vitest';
import { compareCodes, compareFrench } from './collation';

describe('French collation', () => {
  it('orders words as localeCompare in French does', () => {
    const words = ['Évry', 'eau', 'Zèbre', 'école', 'Ajaccio', 'été', 'Étampes', 'zoo'];
    expect([...words].sort(compareFrench)).toEqual([...words].sort((a, b) => a.localeCompare(b, 'fr')));
    expect([...words].sort(compareFrench).slice(0, 2)).toEqual(['Ajaccio', 'eau']);
  });

  it('orders codes with their numbers in numeric order', () => {
    const codes = ['B-10', 'B-2', 'B-0001', 'A-3', 'B-1'];
    expect([...codes].sort(compareCodes)).toEqual(['A-3', 'B-0001', 'B-1', 'B-2', 'B-10']);
    expect([...codes].sort(compareCodes)).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true })));
  });
});
