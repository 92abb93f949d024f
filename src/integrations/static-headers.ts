/**
 * After the build, writes dist/_headers (the format of Netlify, Cloudflare Pages and similar hosts)
 * with the Content-Security-Policy header for the whole site and long cache lifetimes for files
 * whose names carry a content hash. The same policy for nginx: `npm run csp` (README, "Deploying").
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { hashesFromHtml, headerPolicy } from '../security/csp.ts';

export function sitePolicyFromDist(dist: string): string {
  const script: string[] = [];
  const style: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else if (n.endsWith('.html')) {
        const h = hashesFromHtml(readFileSync(f, 'utf8'));
        script.push(...h.script);
        style.push(...h.style);
      }
    }
  };
  walk(dist);
  return headerPolicy({ script, style });
}

export function headersFile(policy: string, base: string): string {
  const b = base.replace(/\/?$/, '/');
  return [
    `${b}*`,
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: same-origin',
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${b}search-index/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    // The service worker must be re-fetched on every visit, or a new build is never noticed.
    `${b}sw.js`,
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}

export default function staticHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'banso-static-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        writeFileSync(join(dist, '_headers'), headersFile(sitePolicyFromDist(dist), base));
        logger.info('wrote _headers (CSP and cache headers for static hosts)');
      },
    },
  };
}
