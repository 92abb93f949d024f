/**
 * Content-Security-Policy: same origin only, no eval, no inline script or style without a hash.
 * Astro writes a <meta http-equiv="content-security-policy"> into every page with the hashes of
 * its own inline scripts and styles (astro.config.mjs → security.csp). For a server header, the
 * hashes of the whole built site are collected with `headerPolicy` (scripts/csp-header.ts, README).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** script-src and style-src hashes of one page's CSP meta tag. */
export function hashesFromHtml(html: string): { script: string[]; style: string[] } {
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  const out = { script: [] as string[], style: [] as string[] };
  if (!m) return out;
  for (const part of m[1].replaceAll('&#39;', "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    const hashes = values.filter((v) => /^'sha(256|384|512)-/.test(v));
    if (name === 'script-src') out.script.push(...hashes);
    if (name === 'style-src') out.style.push(...hashes);
  }
  return out;
}

/** One header policy for the whole site, allowing every hash any page needs. */
export function headerPolicy(hashes: { script: Iterable<string>; style: Iterable<string> }): string {
  const uniq = (xs: Iterable<string>) => [...new Set(xs)].sort().join(' ');
  return [
    ...CSP_DIRECTIVES,
    `script-src 'self' ${uniq(hashes.script)}`.trim(),
    `style-src 'self' ${uniq(hashes.style)}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
}
