import { defineConfig } from 'vitest/config';

// Build and browser tests: run after `astro build`, against dist/ served on loopback, in real Chromium.
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
