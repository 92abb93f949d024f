/**
 * The validated content as one ContentSet, from Astro's collections (already parsed by the shared
 * schemas), one map per entry of the collection registry. Pages use this with the pure helpers in
 * src/lib/content.
 */
import { getCollection } from 'astro:content';
import {
  COLLECTIONS,
  COLLECTION_IDS,
  emptyContentSet,
  type CollectionDef,
  type ContentSet,
} from '../lib/content/collections.ts';
import type { Entry } from '../lib/content/types.ts';
import { resolveContent } from '../lib/content/policies.ts';

let cached: Promise<ContentSet> | undefined;

export function siteContent(): Promise<ContentSet> {
  cached ??= (async () => {
    const content = emptyContentSet();
    await Promise.all(
      COLLECTION_IDS.map(async (name) => {
        const def: CollectionDef = COLLECTIONS[name];
        const entries = (await getCollection(name)) as {
          id: string;
          data: unknown;
          filePath?: string;
          body?: string;
        }[];
        const map = content[name] as Map<string, unknown>;
        for (const e of [...entries].sort((a, b) => a.id.localeCompare(b.id))) {
          if (def.isDraft?.(e.data) && !import.meta.env.DEV) continue;
          const entry = (id: string): Entry<unknown> => ({ id, file: e.filePath ?? '', data: e.data, body: e.body });
          if (def.format === 'md-translations') {
            // Translation ids are "<locale>/<id>"; kept as locale → id → entry.
            const [locale, id] = e.id.split('/');
            if (!map.has(locale)) map.set(locale, new Map());
            (map.get(locale) as Map<string, Entry<unknown>>).set(id, entry(id));
          } else map.set(e.id, entry(e.id));
        }
      }),
    );
    // Policy references ({{policy:KEY}}) become the policy's text in each text's language.
    return resolveContent(content);
  })();
  return cached;
}
