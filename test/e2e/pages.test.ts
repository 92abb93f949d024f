/**
 * Every top-level page and one page of each content kind, in both languages, in real Chromium:
 * no console error, no failed request, nothing from another origin, and axe finds no serious or
 * critical violation. Served with the production Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { NO_PROBLEMS, watchPage } from '../helpers/page-watch.ts';
import { useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';

const TOP = [
  '',
  'onboarding/',
  'playbooks/',
  'journeys/',
  'plane/',
  'skills/',
  'roles/',
  'assess/',
  'team/',
  'health/',
  'health/simulator/',
  'health/batch/',
  'glossary/',
  'search/?q=churn',
  'progress/',
];
const DETAIL = [
  'onboarding/new-csm/',
  'playbooks/kickoff/',
  'playbooks/red-account-triage/',
  'journeys/high-touch-b2b/',
  'skills/cs-skills/',
  'skills/cs-skills/customer-health/',
  'skills/product-domain/labour-law/',
  'roles/csm/',
  'glossary/churn/',
  'health/high-touch-health/',
  'team/members/aoi-tanaka/',
];

const site = useSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await site.browser.newContext();
});
afterAll(async () => {
  await context?.close();
});

for (const lang of ['en', 'ja'] as const) {
  describe(`pages in ${lang}`, () => {
    for (const path of [...TOP, ...DETAIL]) {
      it(`/${lang === 'ja' ? 'ja/' : ''}${path} loads cleanly and passes axe`, async () => {
        const page = await context.newPage();
        const origin = new URL(site.server.url).origin;
        const problems = watchPage(page, origin);
        const url = site.server.url + (lang === 'ja' ? 'ja/' : '') + path;
        const res = await page.goto(url, { waitUntil: 'networkidle' });
        expect(res?.status(), url).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
        expect(await axeSerious(page)).toEqual([]);
        expect(problems).toEqual(NO_PROBLEMS);
        await page.close();
      });
    }
  });
}

describe('content security policy', () => {
  it('is enforced: an injected inline script does not run and is reported', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}playbooks/`);
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      (window as unknown as { injected?: boolean }).injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      let evalBlocked = false;
      try {
        new Function('return 1')();
      } catch {
        evalBlocked = true;
      }
      return { injected: (window as unknown as { injected?: boolean }).injected, violations, evalBlocked };
    });
    expect(result.injected).toBe(false);
    expect(result.evalBlocked).toBe(true);
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});

describe('language switch', () => {
  it('keeps you on the same page', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}playbooks/kickoff/`);
    await page.click('a.lang-switch');
    await page.waitForURL((u) => u.pathname === '/ja/playbooks/kickoff/');
    expect(new URL(page.url()).pathname).toBe('/ja/playbooks/kickoff/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
    await page.click('a.lang-switch');
    await page.waitForURL((u) => u.pathname === '/playbooks/kickoff/');
    expect(new URL(page.url()).pathname).toBe('/playbooks/kickoff/');
    await page.close();
  });
});
