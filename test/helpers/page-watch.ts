/** Collects console errors, failed requests and requests to other origins for a Playwright page. */
import type { Page } from 'playwright-core';

export interface PageProblems {
  console: string[];
  failed: string[];
  foreign: string[];
  pageErrors: string[];
}

/** What a page that behaved has: nothing in any list. */
export const NO_PROBLEMS: PageProblems = { console: [], failed: [], foreign: [], pageErrors: [] };

export function watchPage(page: Page, origin: string): PageProblems {
  const p: PageProblems = { console: [], failed: [], foreign: [], pageErrors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') p.console.push(m.text());
  });
  page.on('pageerror', (e) => p.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => p.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) p.failed.push(`${r.url()} ${r.status()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) p.foreign.push(u);
  });
  return p;
}
