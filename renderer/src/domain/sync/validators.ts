/**
 * The domain validator of each record kind, used on every record of an incoming bundle. A kind that is
 * not listed here is refused on import (never stored unchecked): when a new kind of record is added
 * (e.g. workshops), register its validator here so its records can travel.
 */
import { validateVillage } from '../village';
import { validateSurvey } from '../survey';
import { validateActivity } from '../activity';
import { validatePlace } from '../place';
import { validateBeneficiary } from '../beneficiary';
import { validateSeries, validateSession, validateTemplate } from '../workshops/validation';
import type { ValidatorRegistry } from './records';

export const RECORD_VALIDATORS: ValidatorRegistry = {
  village: validateVillage as ValidatorRegistry['village'],
  survey: validateSurvey as ValidatorRegistry['survey'],
  activity: validateActivity as ValidatorRegistry['activity'],
  place: validatePlace as ValidatorRegistry['place'],
  beneficiary: validateBeneficiary as ValidatorRegistry['beneficiary'],
  workshopTemplate: validateTemplate as ValidatorRegistry['workshopTemplate'],
  workshopSeries: validateSeries as ValidatorRegistry['workshopSeries'],
  workshopSession: validateSession as ValidatorRegistry['workshopSession'],
};
