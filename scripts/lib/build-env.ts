/**
 * The environment for running a child `astro build` (scripts/build.ts) from Node: without Vite's and
 * Vitest's own variables, which leak into process.env when the caller runs under Vitest (a child
 * build would take BASE_URL as its base path). Used by the benchmarks and, through
 * test/helpers/build-env.ts, by the tests that build.
 */
export function childBuildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
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
