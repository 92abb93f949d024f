/**
 * Astro integration: Astro 7 only logs a broken reference and still exits 0, so this checks all
 * content (schemas + every cross-reference + what the build refuses in Markdown) before the build
 * starts and fails it with one line per problem: `content/<file>: <field path>: <what is wrong>`. It
 * also warns about stale content. After the build, every link of every built page must lead to a
 * built file (src/lib/content/link-check.ts); a broken link written in a content file is reported
 * with that file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem, splitFrontMatter } from '../lib/content/check.ts';
import { readContentFiles } from '../lib/content/load.ts';
import { freshnessReport } from '../lib/content/freshness.ts';
import { internalLinks } from '../lib/content/markdown-check.ts';
import { brokenLinks } from '../lib/content/link-check.ts';

export class ContentError extends Error {}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

export default function contentCheck(options: { root?: string; today?: string } = {}): AstroIntegration {
  /** Site-internal links written in Markdown bodies, with their file and line. */
  let contentLinks: { file: string; line: number; href: string }[] = [];
  let base = '/';
  return {
    name: 'banso-content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, config }) => {
        const root = options.root ?? fileURLToPath(config.root);
        base = config.base;
        const files = readContentFiles(root);
        const { content, problems } = checkContent(files);
        if (problems.length) {
          const lines = problems.map(formatProblem);
          const msg = `Content check failed with ${problems.length} problem(s):\n${lines.join('\n')}`;
          if (command === 'dev') logger.error(msg);
          else throw new ContentError(msg);
        }
        contentLinks = files.flatMap((f) => {
          const split = f.path.endsWith('.md') ? splitFrontMatter(f.text) : null;
          return split ? internalLinks(split.body, split.bodyLine).map((l) => ({ file: f.path, ...l })) : [];
        });
        const today = options.today ?? process.env.BANSO_TODAY ?? new Date().toISOString().slice(0, 10);
        for (const w of freshnessReport(content, today)) logger.warn(`${w.file}: ${w.message}`);
      },
      'astro:build:done': ({ dir }) => {
        const distDir = fileURLToPath(dir);
        const files = listFiles(distDir);
        const pages = files
          .filter((f) => f.endsWith('.html'))
          .map((file) => ({ file, html: readFileSync(join(distDir, file), 'utf8') }));
        const broken = brokenLinks(pages, new Set(files), base);
        if (!broken.length) return;
        // A link written in content is reported once, at its source line; other broken links at the built page.
        const lines = new Set<string>();
        for (const b of broken) {
          const sources = contentLinks.filter((l) => l.href === b.href);
          if (sources.length)
            for (const s of sources)
              lines.add(`${s.file}: line ${s.line}: link to a page that does not exist: ${s.href}`);
          else lines.add(`dist/${b.page}: line ${b.line}: link to a page that does not exist: ${b.href}`);
        }
        throw new ContentError(`Link check failed with ${lines.size} broken link(s):\n${[...lines].join('\n')}`);
      },
    },
  };
}
