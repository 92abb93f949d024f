// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import contentCheck from './src/integrations/content-check.ts';
import { CSP_DIRECTIVES } from './src/security/csp.ts';

// Host under a sub-path with BANSO_BASE=/banso/ (see README, "Deploying").
const base = process.env.BANSO_BASE || '/';

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [contentCheck(), react()],
  i18n: {
    locales: ['en', 'ja'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  // Every page gets a CSP <meta> with the hashes of Astro's inline scripts and styles (README, "Deploying").
  security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES] } },
  // terser packs the islands ~8 % smaller than the default minifier (self-assessment budget: 130 KB gzip).
  vite: { build: { modulePreload: false, minify: 'terser', terserOptions: { compress: { passes: 2 }, format: { comments: false } } } },
  devToolbar: { enabled: false },
  prefetch: false,
});
