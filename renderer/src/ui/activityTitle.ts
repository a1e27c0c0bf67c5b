/**
 * How an activity is named in lists (village page, a person's history): the workshop's title, else its
 * first theme, else its type. One way, so the same activity reads the same everywhere.
 */
import type { Activity } from '../domain/records';

export function activityTitle(activity: Pick<Activity, 'titreAtelier' | 'thematiques' | 'type'>, t: (key: string) => string): string {
  if (activity.titreAtelier) return activity.titreAtelier;
  const first = activity.thematiques[0];
  return first ? t(`codes:thematiques.${first}`) : t(`codes:type.${activity.type}`);
}
