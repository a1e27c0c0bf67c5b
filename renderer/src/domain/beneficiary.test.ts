import { describe, expect, it } from 'vitest';
import { codeTakenIssues, nextBeneficiaryCode, validateBeneficiary } from './beneficiary';
import type { Beneficiary } from './records';

const base: Beneficiary = { code: 'B-0001', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false };

describe('nextBeneficiaryCode', () => {
  it('starts the series at B-0001', () => {
    expect(nextBeneficiaryCode([])).toBe('B-0001');
  });
  it('follows the highest number, ignoring gaps and other series', () => {
    expect(nextBeneficiaryCode(['B-0002', 'B-0041', 'X-0999', 'B-0007'])).toBe('B-0042');
  });
  it('grows past four digits', () => {
    expect(nextBeneficiaryCode(['B-9999'])).toBe('B-10000');
  });
});

describe('validateBeneficiary', () => {
  it('accepts a code with its bands', () => {
    expect(validateBeneficiary(base)).toEqual([]);
  });
  it('refuses a name or a phone number as code', () => {
    for (const code of ['Jeanne Dupont', '06 12 34 56 78', 'b-0001', '']) {
      expect(validateBeneficiary({ ...base, code }).map((i) => i.code)).toEqual(['beneficiaryCode']);
    }
  });
});

describe('codeTakenIssues', () => {
  const others = [{ id: '1', code: 'B-0001' }, { id: '2', code: 'B-0002' }];
  it('refuses a code used by another person', () => {
    expect(codeTakenIssues('B-0002', others, '1')).toEqual([{ field: 'code', code: 'codeTaken' }]);
  });
  it('accepts the same code on the same record, and a new code', () => {
    expect(codeTakenIssues('B-0001', others, '1')).toEqual([]);
    expect(codeTakenIssues('B-0003', others)).toEqual([]);
  });
});
