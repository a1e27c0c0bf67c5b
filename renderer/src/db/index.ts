/**
 * The app's database and its repositories. Tests open their own database by name
 * (on fake-indexeddb) with `openRelais(name)`; the app uses `getRelais()`.
 */
import { RelaisDatabase } from './schema';
import { RecordRepository } from './repository';
import { validateVillage } from '../domain/village';
import { validateSurvey } from '../domain/survey';
import { validateActivity } from '../domain/activity';
import { validatePlace } from '../domain/place';
import { validateBeneficiary } from '../domain/beneficiary';
import type { Activity, Beneficiary, Place, Survey, Village } from '../domain/records';
import { validateSeries, validateSession, validateTemplate } from '../domain/workshops/validation';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../domain/workshops/types';

export interface Relais {
  db: RelaisDatabase;
  villages: RecordRepository<Village>;
  surveys: RecordRepository<Survey>;
  activities: RecordRepository<Activity>;
  places: RecordRepository<Place>;
  beneficiaries: RecordRepository<Beneficiary>;
  workshopTemplates: RecordRepository<WorkshopTemplate>;
  workshopSeries: RecordRepository<WorkshopSeries>;
  workshopSessions: RecordRepository<WorkshopSession>;
}

export function openRelais(name = 'relais'): Relais {
  const db = new RelaisDatabase(name);
  return {
    db,
    villages: new RecordRepository(db, db.villages, validateVillage),
    surveys: new RecordRepository(db, db.surveys, validateSurvey),
    activities: new RecordRepository(db, db.activities, validateActivity),
    places: new RecordRepository(db, db.places, validatePlace),
    beneficiaries: new RecordRepository(db, db.beneficiaries, validateBeneficiary),
    workshopTemplates: new RecordRepository(db, db.workshopTemplates, validateTemplate),
    workshopSeries: new RecordRepository(db, db.workshopSeries, validateSeries),
    workshopSessions: new RecordRepository(db, db.workshopSessions, validateSession),
  };
}

let instance: Relais | undefined;

export function getRelais(): Relais {
  instance ??= openRelais();
  return instance;
}
