/** Surveys (village diagnostics): the reads of the survey and village screens. */
import { surveysNewestFirst } from '../domain/survey';
import type { Stored, Survey, Village } from '../domain/records';
import { liveRecords, liveRecordsWhere } from './live';
import type { RelaisDatabase } from './schema';

/** Every live survey (in storage order: screens sort them). */
function liveSurveys(db: RelaisDatabase): Promise<Stored<Survey>[]> {
  return liveRecords(db.surveys);
}

export function liveSurveysOfVillage(db: RelaisDatabase, villageId: string): Promise<Stored<Survey>[]> {
  return liveRecordsWhere(db.surveys, 'villageId', villageId);
}

/** Every live survey, the most recent date first (the surveys list). */
export async function liveSurveysNewestFirst(db: RelaisDatabase): Promise<Stored<Survey>[]> {
  return surveysNewestFirst(await liveSurveys(db));
}

/** A survey and the village it is about (deleted ones too: the form says so), for the edit form. */
export async function surveyWithVillage(db: RelaisDatabase, id: string): Promise<{ survey?: Stored<Survey>; village?: Stored<Village> }> {
  const survey = await db.surveys.get(id);
  const village = survey ? await db.villages.get(survey.villageId) : undefined;
  return { survey, village };
}
