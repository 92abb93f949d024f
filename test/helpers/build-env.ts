/**
 * The environment for running `astro build` from a test. Vitest puts Vite's own variables (BASE_URL,
 * MODE, DEV, PROD, SSR) into process.env; a child build would take BASE_URL as its base path.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV']) delete env[k];
  return env;
}
