/**
 * After the build, writes dist/sw.js: a Workbox service worker that precaches every page in both
 * languages, the search indexes, the islands' code and styles, so the portal opens offline once it
 * has been visited. The worker lives at the base path, so its scope is the whole portal (also under
 * BANSO_BASE). A new build has a new precache manifest; the page then offers a reload
 * (src/client/offline.ts) instead of switching versions under the reader.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/** What the worker precaches, relative to dist/ (and so to the worker's own URL). */
export const PRECACHE_PATTERNS = ['**/*.{html,js,css,json,svg,webmanifest}'];
/** Not precached: the worker itself, host configuration, and SQL downloads (never needed offline). */
export const PRECACHE_IGNORES = ['sw.js', '_headers', 'health-sql/**'];

export async function writeServiceWorker(dist: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORES,
    swDest: join(dist, 'sw.js'),
    // One file: no importScripts of a separate runtime.
    inlineWorkboxRuntime: true,
    // The reader decides when a new version takes over (the reload prompt sends SKIP_WAITING).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // /search/?q=… and /health/simulator/?model=… are the same precached page.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // The largest file is a search index; keep headroom for big content sets.
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    mode: 'production',
    sourcemap: false,
  });
  return { count, size, warnings };
}

export default function serviceWorker(): AstroIntegration {
  return {
    name: 'banso-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        for (const w of warnings) logger.warn(w);
        logger.info(
          `wrote sw.js (precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB, for offline reading)`,
        );
      },
    },
  };
}
