/** Checking and saving a followed person through the repository (never directly in Dexie). */
import { getRelais } from '../../db';
import { codeTakenIssues, validateBeneficiary } from '../../domain/beneficiary';
import type { Beneficiary, Stored } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { beneficiaryFromDraft, type BeneficiaryDraft } from './draft';

/** Creates or updates; returns the id, or the issues when the person's data is not valid. */
export async function saveBeneficiary(draft: BeneficiaryDraft, others: Stored<Beneficiary>[], selfId?: string): Promise<{ id: string } | { issues: ValidationIssue[] }> {
  const data = beneficiaryFromDraft(draft);
  const issues = [...validateBeneficiary(data), ...codeTakenIssues(data.code, others, selfId)];
  if (issues.length > 0) return { issues };
  const repo = getRelais().beneficiaries;
  const saved = selfId ? await repo.update(selfId, data) : await repo.create(data);
  return { id: saved.id };
}
