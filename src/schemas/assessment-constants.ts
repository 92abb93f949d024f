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
