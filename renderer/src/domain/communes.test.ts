import { describe, expect, it } from 'vitest';
import rows from 'virtual:communes';
import { communeFromRow, normaliseName, searchCommunes, toCommuneRef } from './communes';

const communes = rows.map(communeFromRow);

describe('official commune list', () => {
  it('holds the current communes with their population, from the bundled official list', () => {
    expect(communes.length).toBeGreaterThan(34_000);
    const lormes = communes.find((c) => c.codeInsee === '58145');
    expect(lormes).toMatchObject({ nom: 'Lormes', departement: '58', codesPostaux: ['58140'] });
    expect(lormes?.population).toBeGreaterThan(1000);
  });

  it('finds a village by name without accents or case', () => {
    expect(searchCommunes(communes, 'arvieu')[0]).toMatchObject({ codeInsee: '12011', nom: 'Arvieu' });
    expect(normaliseName('Saint-Étienne')).toBe('st etienne');
    expect(searchCommunes(communes, 'saint etienne')[0].nom).toBe('Saint-Étienne');
  });

  it('finds communes by postcode prefix', () => {
    const found = searchCommunes(communes, '58140');
    expect(found.map((c) => c.nom)).toContain('Lormes');
    expect(found.every((c) => c.codesPostaux.some((p) => p.startsWith('58140')))).toBe(true);
  });

  it('needs two characters before searching', () => {
    expect(searchCommunes(communes, 'a')).toEqual([]);
  });

  it('makes a reference with the first postcode by default', () => {
    const arvieu = searchCommunes(communes, 'Arvieu')[0];
    expect(toCommuneRef(arvieu)).toEqual({ codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' });
  });
});
