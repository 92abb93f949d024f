/**
 * Astro integration: Astro 7 only logs a broken reference and still exits 0, so this checks all
 * content (schemas + every cross-reference) before the build starts and fails it with one line per
 * problem: `content/<file>: <field path>: <what is wrong>`. It also warns about stale content.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem } from '../lib/content/check.ts';
import { readContentFiles } from '../lib/content/load.ts';
import { freshnessReport } from '../lib/content/freshness.ts';

export class ContentError extends Error {}

export default function contentCheck(options: { root?: string; today?: string } = {}): AstroIntegration {
  return {
    name: 'banso-content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, config }) => {
        const root = options.root ?? fileURLToPath(config.root);
        const { content, problems } = checkContent(readContentFiles(root));
        if (problems.length) {
          const lines = problems.map(formatProblem);
          const msg = `Content check failed with ${problems.length} problem(s):\n${lines.join('\n')}`;
          if (command === 'dev') logger.error(msg);
          else throw new ContentError(msg);
        }
        const today = options.today ?? process.env.BANSO_TODAY ?? new Date().toISOString().slice(0, 10);
        for (const w of freshnessReport(content, today)) logger.warn(`${w.file}: ${w.message}`);
      },
    },
  };
}
