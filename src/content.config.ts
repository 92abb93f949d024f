/**
 * Astro content collections, one per entry of the collection registry (src/lib/content/collections.ts):
 * the same schemas the content check, the tests and the run-time import validation use. Cross-references
 * are checked by src/integrations/content-check.ts because Astro does not fail the build on them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, globOf, type CollectionDef } from './lib/content/collections.ts';

type Collections = {
  [K in keyof typeof COLLECTIONS]: (typeof COLLECTIONS)[K] extends CollectionDef<infer S, string, infer _F>
    ? ReturnType<typeof defineCollection<S>>
    : never;
};

export const collections = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([id, def]) => [
    id,
    defineCollection({ loader: glob(globOf(def)), schema: def.schema }),
  ]),
) as Collections;
