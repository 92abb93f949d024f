/**
 * What every page of src/pages/[...lang]/ reads first: its language (from langPaths' props), the
 * translator, the base path and the validated content. One call instead of the same four lines in
 * every page:
 *
 *   const { lang, t, base, content } = await pageContext(Astro);
 */
import { useTranslations, type Locale, type Translate } from '../i18n/index.ts';
import type { ContentSet } from '../lib/content/collections.ts';
import { siteContent } from './site.ts';

export interface PageContext {
  lang: Locale;
  t: Translate;
  /** The site's base path (BANSO_BASE), for localePath and asset links. */
  base: string;
  content: ContentSet;
}

export async function pageContext(astro: { props: unknown }): Promise<PageContext> {
  const { lang } = astro.props as { lang: Locale };
  return { lang, t: useTranslations(lang), base: import.meta.env.BASE_URL, content: await siteContent() };
}
