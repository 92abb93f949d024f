/**
 * Vite plugin: chosen files get a copy of their own of a package, so tree-shaking keeps in it only
 * what they use. A package module shared by several islands is bundled once with the union of what
 * they all use: the radar pages loaded chart.js's bar, line and scatter parts registered only by the
 * health charts (about 5 KB gzip; budgets.json, assessPageJs). The copy is the same file under
 * another module id (`?own-<name>`); its own imports (chart.js's helpers) stay shared.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

export function ownModuleCopy(opts: { name: string; module: string; importers: RegExp }): Plugin {
  const suffix = `?own-${opts.name}`;
  return {
    name: `banso-own-module-copy-${opts.name}`,
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== opts.module || !importer || !opts.importers.test(importer)) return null;
      const r = await this.resolve(source, importer, { skipSelf: true });
      return r && !r.external ? { ...r, id: r.id + suffix } : null;
    },
    load(id) {
      return id.endsWith(suffix) ? readFile(id.slice(0, -suffix.length), 'utf8') : null;
    },
  };
}
