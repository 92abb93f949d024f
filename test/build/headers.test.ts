/** The static-host headers file: CSP for the whole site and cache headers for hashed files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist.ts';
import { hashesFromHtml } from '../../src/security/csp.ts';

describe('dist/_headers', () => {
  const headers = readFileSync(`${distDir()}/_headers`, 'utf8');
  const csp = /Content-Security-Policy: (.*)/.exec(headers)![1];
  it('allows same origin only, no inline code without a hash, no eval', () => {
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
  it('lists every hash the pages need', () => {
    for (const p of ['index.html', 'assess/index.html', 'ja/playbooks/index.html']) {
      const h = hashesFromHtml(readFileSync(`${distDir()}/${p}`, 'utf8'));
      expect(h.script.length + h.style.length, p).toBeGreaterThan(0);
      for (const x of [...h.script, ...h.style]) expect(csp, p).toContain(x);
    }
  });
  it('caches hashed files for a year', () => {
    expect(headers).toMatch(/\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(headers).toMatch(/\/search-index\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });
});
