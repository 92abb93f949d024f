/**
 * Vite plugin: after the default minifier, run terser over the browser chunks that hold our own code
 * (it packs them ~8 % smaller), but not over React DOM, where terser does worse than the default.
 * Byte budgets: self-assessment page ≤ 130 KiB gzip, first search ≤ 25 KiB (budgets.json).
 *
 * Two compress passes, not three: on this project's chunks the third pass saved nothing (all JS
 * 114 B smaller with two, gzip) and cost ~45 % of terser's time, which is most of the client build.
 * Worker threads were tried and dropped: on the 2-core machines this runs on, two terser threads
 * took as long as one doing all the work.
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

export function terserAppChunks(): Plugin {
  return {
    name: 'banso-terser-app-chunks',
    apply: 'build',
    async renderChunk(code, chunk, options) {
      if (options.format !== 'es' || !chunk.fileName.startsWith('_astro/')) return null;
      if (chunk.moduleIds.some((id) => /[\\/]react-dom[\\/]/.test(id))) return null;
      const out = await minify(code, {
        ecma: 2020,
        module: true,
        sourceMap: false,
        compress: { passes: 2, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
        format: { comments: false },
      });
      return out.code ? { code: out.code, map: null } : null;
    },
  };
}
