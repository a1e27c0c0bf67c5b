/** The beneficiary form's state and its conversion to and from a stored followed person (pure). */
import { trancheAgeFromAnnee } from '../../domain/beneficiary';
import type { Genre, StatutSocial, TrancheAge } from '../../domain/codes';
import type { Beneficiary, CommuneRef } from '../../domain/records';

export interface BeneficiaryDraft {
  code: string;
  genre: Genre;
  trancheAge: TrancheAge;
  statutSocial: StatutSocial;
  /** As typed. */
  anneeNaissance: string;
  communeResidence?: CommuneRef;
  dejaAccompagne: boolean;
  demo?: boolean;
}

/** A new person: every band "non communiqué" until the mediator knows better (La Coop's default). */
export function emptyBeneficiary(code: string): BeneficiaryDraft {
  return { code, genre: 'non_communique', trancheAge: 'non_communique', statutSocial: 'non_communique', anneeNaissance: '', dejaAccompagne: false };
}

/** A typed year: undefined when empty; NaN when it is not a whole number (the validator says so). */
export function parseYear(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function beneficiaryFromDraft(draft: BeneficiaryDraft, now: Date = new Date()): Beneficiary {
  const year = parseYear(draft.anneeNaissance);
  return {
    code: draft.code.trim(),
    genre: draft.genre,
    trancheAge: year !== undefined && Number.isInteger(year) ? trancheAgeFromAnnee(year, now) : draft.trancheAge,
    anneeNaissance: year,
    statutSocial: draft.statutSocial,
    communeResidence: draft.communeResidence,
    dejaAccompagne: draft.dejaAccompagne,
    demo: draft.demo,
  };
}

export function draftFromBeneficiary(b: Beneficiary): BeneficiaryDraft {
  return {
    code: b.code ?? '',
    genre: b.genre ?? 'non_communique',
    trancheAge: b.trancheAge ?? 'non_communique',
    statutSocial: b.statutSocial ?? 'non_communique',
    anneeNaissance: b.anneeNaissance === undefined ? '' : String(b.anneeNaissance),
    communeResidence: b.communeResidence,
    dejaAccompagne: b.dejaAccompagne,
    demo: b.demo,
  };
}
