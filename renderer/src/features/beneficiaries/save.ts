/** Checking and saving a followed person through the repository (never directly in Dexie). */
import { getRelais } from '../../db';
import { codeTakenIssues, validateBeneficiary } from '../../domain/beneficiary';
import type { Beneficiary, Stored } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import type { BeneficiaryDraft } from './BeneficiaryFields';

function checkBeneficiary(draft: BeneficiaryDraft, others: Stored<Beneficiary>[], selfId?: string): ValidationIssue[] {
  const data = { ...draft, code: draft.code.trim() } as Beneficiary;
  return [...validateBeneficiary(data), ...codeTakenIssues(data.code, others, selfId)];
}

/** Creates or updates; returns the id, or the issues when the person's data is not valid. */
export async function saveBeneficiary(draft: BeneficiaryDraft, others: Stored<Beneficiary>[], selfId?: string): Promise<{ id: string } | { issues: ValidationIssue[] }> {
  const issues = checkBeneficiary(draft, others, selfId);
  if (issues.length > 0) return { issues };
  const data = { ...draft, code: draft.code.trim() } as Beneficiary;
  const repo = getRelais().beneficiaries;
  const saved = selfId ? await repo.update(selfId, data) : await repo.create(data);
  return { id: saved.id };
}
