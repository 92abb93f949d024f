/**
 * The fixed values of the assessment file format (schema in ./assessment.ts). Kept apart from the
 * schema so code that only writes files or reads raw storage does not pull the validator into a page.
 */
export const ASSESSMENT_FORMAT = 'banso-assessment';
export const ASSESSMENT_VERSION = 1;
/** self: the person's own rating; manager: their manager's review of it; agreed: the levels both agreed in a 1:1. */
export const ASSESSMENT_KINDS = ['self', 'manager', 'agreed'] as const;
export const MAX_PERSON_NAME = 120;
export const MAX_EVIDENCE = 4000;
export const MAX_SNAPSHOT_NOTE = 4000;
export const MAX_SNAPSHOTS = 200;
export const MAX_AGREED_BY = 10;
/** Largest assessment file (bytes) read at all: a bigger one is refused before it is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Ratings of elements a framework no longer has that one file (or one snapshot) may carry. */
export const MAX_REMOVED_RATINGS = 50;
/** Ratings in one file or snapshot when its framework is not known here (the generic bound). */
export const MAX_RATINGS = 500;
