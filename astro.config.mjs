// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import contentCheck from './src/integrations/content-check.ts';

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
  devToolbar: { enabled: false },
  prefetch: false,
});
