/**
 * The validator of each record kind (domain/kinds.ts), as the bundle importer uses them: a record whose
 * kind has no validator here is refused, never stored unchecked.
 */
import { RECORD_KINDS, validatorOf } from '../kinds';
import type { ValidatorRegistry } from './records';

function everyKindsValidator(): ValidatorRegistry {
  const validators: ValidatorRegistry = {};
  for (const kind of RECORD_KINDS) validators[kind] = validatorOf(kind);
  return validators;
}

export const RECORD_VALIDATORS: Readonly<ValidatorRegistry> = everyKindsValidator();
