/**
 * Vite plugin: a dynamic import() in browser code costs only the import itself.
 *
 * Vite wraps every dynamic import in its preload helper (about 870 bytes gzip), which adds
 * <link rel="modulepreload"> tags for the imported chunk's own imports and loads its CSS. Every page
 * loads it before anything happens, because the search loader and the onboarding summary loader
 * import on intent (budgets.json: a content page's JS before intent is 2 KB).
 * Here the client build does not preload (`modulePreload: false`: the browser fetches a lazy chunk's
 * imports when it reads the chunk) and the helper only calls the import. Lazily loaded chunks carry
 * no CSS (styles are imported by the pages, README "Add an island"); should one ever need CSS, the
 * build fails and says which chunk, instead of shipping a page without its styles.
 */
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

export function leanDynamicImport(): Plugin {
  return {
    name: 'banso-lean-dynamic-import',
    apply: 'build',
    enforce: 'pre',
    configEnvironment(name) {
      if (name === 'client') return { build: { modulePreload: false } };
    },
    resolveId(id) {
      return id === HELPER ? HELPER : null;
    },
    load(id) {
      if (id === HELPER) return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps'))
          this.error(`${chunk.fileName} loads a chunk that needs CSS; import that CSS from the page instead`);
      }
    },
  };
}
