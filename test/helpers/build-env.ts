/** The environment for running `astro build` from a test. */
import { childBuildEnv } from '../../scripts/lib/build-env.ts';

/**
 * The "today" every test build uses (review-due badges depend on it), so no test changes its result
 * on the day some content falls due. `npm test` builds dist/ with it too (package.json "build:test").
 */
export const TEST_TODAY = '2026-11-24';

/** Without Vite's variables (see childBuildEnv), with the fixed day and time zone of the test build. */
export function buildEnv(): NodeJS.ProcessEnv {
  return { ...childBuildEnv(), BANSO_TODAY: TEST_TODAY, TZ: 'UTC' };
}
