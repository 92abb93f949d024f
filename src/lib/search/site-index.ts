/** The search index of one language for a checked content set: what the site build writes. Pure. */
import type { ContentSet } from '../content/check.ts';
import type { Locale } from '../../i18n/locales.ts';
import { buildDocuments } from './documents.ts';
import { buildIndex, type BuildIndexOptions } from './index-build.ts';
import type { SerializedSearchIndex } from './index-format.ts';

export function buildSiteIndex(
  content: ContentSet,
  lang: Locale,
  options: Omit<BuildIndexOptions, 'synonyms'> = {},
): SerializedSearchIndex {
  return buildIndex(buildDocuments(content, lang), lang, {
    ...options,
    synonyms: [...content.search.values()].map((e) => e.data),
  });
}
