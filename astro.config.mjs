// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import contentCheck from './src/integrations/content-check.ts';
import { CSP_DIRECTIVES } from './src/security/csp.ts';
import { terserChosenChunks } from './src/integrations/terser-chunks.ts';
import { leanDynamicImport } from './src/integrations/lean-dynamic-import.ts';
import { ownModuleCopy } from './src/integrations/own-module-copy.ts';
import staticHeaders from './src/integrations/static-headers.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { alignClasses } from './src/lib/markdown/align-classes.ts';

// Host under a sub-path with BANSO_BASE=/banso/ (see README, "Deploying").
const base = process.env.BANSO_BASE || '/';

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'ignore',
  // Four pages render at once: a page's file is written while the next renders (at 1,000 playbooks the
  // main thread waited on writes for ~45 % of page generation; 11.9 s → 9.0 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // serviceWorker() runs after staticHeaders(): it precaches the final dist/ (README, "Offline").
  integrations: [contentCheck(), react(), staticHeaders(), serviceWorker()],
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: false },
  },
  // Every page gets a CSP <meta> with the hashes of Astro's inline scripts and styles (README, "Deploying").
  security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES] } },
  // The chart.js and first-search chunks go through terser as well (budgets.json; see the plugin).
  // `~/` is src/ for pages, layouts and components (tsconfig.json "paths" says the same to TypeScript).
  vite: {
    resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
    build: { modulePreload: false },
    plugins: [
      leanDynamicImport(),
      ownModuleCopy({ name: 'radar', module: 'chart.js', importers: /[\\/]islands[\\/]RadarChart\.tsx$/ }),
      terserChosenChunks(),
    ],
  },
  // No Shiki: its highlighting writes style="" attributes, which the CSP blocks; code blocks stay
  // plain <pre><code> (styled by our CSS). It also keeps the highlighter out of the build's memory.
  // Table column alignment becomes classes, not inline styles (src/lib/markdown/align-classes.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [/** @type {any} */ (alignClasses)] }) },
  devToolbar: { enabled: false },
  prefetch: false,
});
