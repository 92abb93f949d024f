/** The header CSP for the built site: every hash from the pages' meta tags (same as scripts/csp-header.ts). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashesFromHtml, headerPolicy } from '../../src/security/csp.ts';

export function siteHeaderPolicy(dist = 'dist'): string {
  const script: string[] = [];
  const style: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else if (n.endsWith('.html')) { const h = hashesFromHtml(readFileSync(f, 'utf8')); script.push(...h.script); style.push(...h.style); }
    }
  };
  walk(dist);
  return headerPolicy({ script, style });
}
