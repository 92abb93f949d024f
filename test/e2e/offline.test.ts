/**
 * Offline reading in real Chromium, under the base path /banso/ and the site's CSP: after one visit the
 * service worker has precached the portal; with the network off, a playbook opens in each language,
 * search answers, an element can be rated and the simulator scores. After a new build, the page offers
 * a reload, and Reload switches to the new version.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { BASE, basedBuild } from '../helpers/based-build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { siteHeaderPolicy } from '../helpers/site-csp.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

let root: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // A copy of the based build, so the test can "deploy a new build" into it.
  root = mkdtempSync(join(tmpdir(), 'banso-offline-'));
  cpSync(basedBuild(), root, { recursive: true });
  server = await startStaticServer({ root, base: BASE, csp: siteHeaderPolicy(root) });
  browser = await launchBrowser();
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('offline', () => {
  it('works offline in both languages under a base path, then offers the new version after a rebuild', async () => {
    const ctx = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(server.url);
    // The manifest is linked and served from the same origin, under the base path.
    const manifestHref = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(manifestHref).toBe(`${BASE}manifest.webmanifest`);
    const manifest = await (await page.request.get(new URL(manifestHref!, server.url).href)).json();
    expect(manifest).toMatchObject({ start_url: BASE, scope: BASE, display: 'standalone' });
    // The worker installs (precaching everything) and takes control of the page.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(BASE);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await ctx.setOffline(true);
    // A playbook in each language.
    await page.goto(`${server.url}playbooks/kickoff/`);
    expect(await page.textContent('h1')).toMatch(/kickoff/i);
    await page.goto(`${server.url}ja/playbooks/kickoff/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('h1')).toMatch(/キックオフ/);
    // Search (its index comes from the precache).
    await page.goto(`${server.url}search/?q=kickoff`);
    await page.waitForSelector('[data-search-page-results] .search-hit');
    expect(await page.locator('[data-search-page-results] .search-hit').first().getAttribute('href')).toMatch(
      new RegExp(`^${BASE}`),
    );
    // Rate an element: the island's code comes from the precache, the rating is stored.
    await page.goto(`${server.url}assess/`);
    await page.waitForSelector('.assess[data-ready="true"]');
    await page.check('fieldset[data-element="customer-health"] input[value="2"]');
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('customer-health')),
    );
    // The simulator scores an account.
    await page.goto(`${server.url}ja/health/simulator/`);
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid="score-a-value"]')?.textContent ?? ''),
    );
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);

    // Back online, a new build is deployed: a changed page and so a new precache manifest.
    await ctx.setOffline(false);
    const home = join(root, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</body>', '<!-- new build --></body>'));
    await writeServiceWorker(root);
    await page.goto(server.url);
    const prompt = page.locator('[data-sw-update]');
    await prompt.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await prompt.getAttribute('role')).toBe('status');
    expect(await prompt.textContent()).toContain('A new version of the portal is available.');
    // Reload hands over to the new worker and reloads the page: the new build is what is shown.
    await Promise.all([page.waitForEvent('load'), prompt.locator('[data-sw-reload]').click()]);
    await page.waitForFunction(() => document.documentElement.outerHTML.includes('<!-- new build -->'));
    expect(await page.locator('[data-sw-update]').isHidden()).toBe(true);
    await ctx.close();
  }, 180_000);

  it('shows the prompt in Japanese on Japanese pages', async () => {
    const html = readFileSync(join(root, 'ja', 'index.html'), 'utf8');
    expect(html).toContain('ポータルの新しいバージョンがあります。');
    expect(html).toContain(`href="${BASE}ja/manifest.webmanifest"`);
  });
});
