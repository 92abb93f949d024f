/** The search index of each language, built once per build from the validated content. */
import { siteContent } from './site.ts';
import { buildSiteIndex } from '../lib/search/site-index.ts';
import { indexFileName } from '../lib/search/index-build.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';

let cached: Promise<Record<Locale, { file: string; json: string }>> | undefined;

export function searchIndexes() {
  cached ??= (async () => {
    const c = await siteContent();
    const out = {} as Record<Locale, { file: string; json: string }>;
    for (const lang of LOCALES) {
      const json = JSON.stringify(buildSiteIndex(c, lang));
      out[lang] = { file: indexFileName(lang, json), json };
    }
    return out;
  })();
  return cached;
}
