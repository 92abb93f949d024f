/**
 * After the build, writes dist/sw.js: a Workbox service worker that precaches every page in both
 * languages, the search indexes, the islands' code and styles, so the portal opens offline once it
 * has been visited. The worker lives at the base path, so its scope is the whole portal (also under
 * BANSO_BASE). A new build has a new precache manifest; the page then offers a reload
 * (src/client/offline.ts) instead of switching versions under the reader.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// The two functions' own modules, not the package index: that loads Rollup and Babel for generateSW
// (0.5-1 s at every build start) although the build never bundles a worker.
import { getManifest } from 'workbox-build/build/get-manifest.js';
import { copyWorkboxLibraries } from 'workbox-build/build/lib/copy-workbox-libraries.js';

/** What the worker precaches, relative to dist/ (and so to the worker's own URL). */
export const PRECACHE_PATTERNS = ['**/*.{html,js,css,json,svg,webmanifest}'];
/**
 * Not precached: the worker itself and the Workbox files it imports (the browser keeps those with
 * the worker), host configuration, and SQL downloads (never needed offline).
 */
export const PRECACHE_IGNORES = ['sw.js', 'workbox-v*/**', '_headers', 'health-sql/**'];
/** The prebuilt Workbox modules the worker uses; the rest of what copyWorkboxLibraries copies is removed. */
const WORKBOX_FILES = new Set([
  'workbox-sw.js',
  'workbox-core.prod.js',
  'workbox-routing.prod.js',
  'workbox-strategies.prod.js',
  'workbox-precaching.prod.js',
]);

/**
 * The worker: Workbox's own prebuilt modules, loaded from the portal's origin with importScripts
 * (relative to sw.js, so under a base path too), and the precache list. Written as text: generating
 * it with generateSW bundled Workbox through Rollup, Babel and terser on every build (about 2.5 s of
 * CPU), to produce the same behaviour.
 */
export function serviceWorkerSource(workboxDir: string, manifest: { url: string; revision: string | null }[]): string {
  return `importScripts(${JSON.stringify(`${workboxDir}/workbox-sw.js`)});
workbox.setConfig({ modulePathPrefix: ${JSON.stringify(`${workboxDir}/`)}, debug: false });
// The reader decides when a new version takes over: the reload prompt (src/client/offline.ts) sends SKIP_WAITING.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
// /search/?q=… and /health/simulator/?model=… are the same precached page.
workbox.precaching.precacheAndRoute(${JSON.stringify(manifest)}, {
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
});
`;
}

export async function writeServiceWorker(dist: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORES,
    // The largest file is a search index; keep headroom for big content sets.
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  });
  const workboxDir = await copyWorkboxLibraries(dist);
  for (const f of readdirSync(join(dist, workboxDir)))
    if (!WORKBOX_FILES.has(f)) rmSync(join(dist, workboxDir, f), { recursive: true, force: true });
  const manifest = (manifestEntries ?? []).map((e) => ({ url: e.url, revision: e.revision ?? null }));
  writeFileSync(join(dist, 'sw.js'), serviceWorkerSource(workboxDir, manifest));
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
