/** A small assessment file's content, for tests that damage one part of it or import a few. */

/**
 * A valid self-assessment (format 1) of "x" against cs-skills with no ratings and no snapshots;
 * `over` replaces whole top-level fields. Plain data: break it freely (it is not checked here).
 */
export const assessmentFile = (over: Record<string, unknown> = {}) => ({
  format: 'banso-assessment',
  version: 1,
  person: { name: 'x' },
  kind: 'self',
  framework: { id: 'cs-skills', version: '1', hash: 'abc' },
  ratings: {},
  snapshots: [],
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});
