/**
 * Whose work a list shows: the "author" and "structure" filters every list of records offers. Pure; the
 * structure a record counts under is the caller's to say (see `byAuthor`).
 */
/** The "author" and "structure" filters every list of records offers ('' for all). */
export interface AuthorFilter {
  author: string;
  structure: string;
}

export const ANY_AUTHOR: AuthorFilter = { author: '', structure: '' };

/**
 * Whether a record passes the filter. `structureOf` says which structure a record is counted under: an
 * activity names its employing structure; a followed person or a survey is its author's structure
 * (`authorStructure`).
 */
export function byAuthor<T extends { authorDevice: string }>(filter: AuthorFilter, structureOf: (record: T) => string | undefined) {
  return (record: T): boolean => (!filter.author || record.authorDevice === filter.author)
    && (!filter.structure || structureOf(record) === filter.structure);
}

