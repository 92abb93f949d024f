/**
 * The environment for running `astro build` from a test. Vitest puts Vite's own variables (BASE_URL,
 * MODE, DEV, PROD, SSR) into process.env; a child build would take BASE_URL as its base path.
 */
/**
 * The "today" every test build uses (review-due badges depend on it), so no test changes its result
 * on the day some content falls due. `npm test` builds dist/ with it too (package.json "build:test").
 */
export const TEST_TODAY = '2026-11-24';

export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BANSO_TODAY: TEST_TODAY, TZ: 'UTC' };
  for (const k of [
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'NODE_ENV',
  ])
    delete env[k];
  return env;
}
