/**
 * The shared set-up of the browser tests: the built site served on loopback with the production
 * Content-Security-Policy header, and one Chromium for the file. Call at the top level of a test file.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { siteHeaderPolicy } from './site-csp.ts';
import { distDir } from './dist.ts';
import { watchPage, type PageProblems } from './page-watch.ts';

export interface Site {
  server: StaticServer;
  browser: Browser;
}

export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await startStaticServer({ root: distDir(), csp: siteHeaderPolicy(distDir()) });
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * A new browser context with one page on the site, that page's problems (console errors, failed
 * requests, requests to other origins, page errors) collected from the start. Close the context at the end.
 */
export async function openWatched(
  site: Site,
  options?: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const problems = watchPage(page, new URL(site.server.url).origin);
  return { context, page, problems };
}
