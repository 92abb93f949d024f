/**
 * Vite plugin: after the bundler, run terser over the browser chunks that carry chart.js, where it
 * packs 10-17 % smaller than the bundler's own minifier (Oxc) alone, and over the first search
 * query's code, whose byte budget is tight (it gains ~160 B there): on this project's chunks terser
 * saved 10.2 KB gzip on the two chart.js copies and 1.3 KB on all the other chunks together, and took
 * 6.8 s against Oxc's 0.23 s. Byte budgets: self-assessment page ≤ 130 KiB gzip, first search
 * ≤ 20 KiB (budgets.json).
 *
 * One compress pass and no mangling (Oxc mangles after it): on the two chart.js chunks that is
 * 72 B more than two passes with mangling (62,855 B against 62,783 B gzip) in 2.5 s instead of 4.1 s
 * (cold, quiet). Worker threads for terser were tried and dropped: on the 2-core machines this runs
 * on, two terser threads took as long as one doing all the work.
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

/** Chunks worth terser's time: chart.js, and the first search query's code (a tight byte budget). */
const CHART_JS = /[\\/]node_modules[\\/]chart\.js[\\/]/;
const SEARCH_UI = /[\\/]src[\\/]client[\\/]search-ui\.ts$/;

export function terserChosenChunks(): Plugin {
  return {
    name: 'banso-terser-chosen-chunks',
    apply: 'build',
    async renderChunk(code, chunk, options) {
      if (options.format !== 'es' || !chunk.fileName.startsWith('_astro/')) return null;
      const chart = chunk.moduleIds.some((id) => CHART_JS.test(id));
      if (!chart && !chunk.moduleIds.some((id) => SEARCH_UI.test(id))) return null;
      // The chart.js chunks are large (one pass, as above); the search chunk is small and its budget
      // tight, so it gets a second pass and terser's unsafe rewrites (~70 B gzip, ~0.3 s).
      const small = !chart;
      const out = await minify(code, {
        ecma: 2020,
        module: true,
        sourceMap: false,
        compress: {
          passes: small ? 2 : 1,
          unsafe: small,
          pure_getters: true,
          unsafe_arrows: true,
          unsafe_methods: true,
        },
        // Names are mangled by the bundler's minifier afterwards.
        mangle: false,
        format: { comments: false },
      });
      return out.code ? { code: out.code, map: null } : null;
    },
  };
}
