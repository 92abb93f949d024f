/**
 * Search in Chromium: nothing loads before intent; "/" and Ctrl+K open it; results are grouped by type
 * with highlighted words; arrow keys and Enter navigate; Japanese and synonyms work; the search page
 * answers /search?q=…; and all of it works under a base path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { siteHeaderPolicy } from '../helpers/site-csp.ts';
import { NO_PROBLEMS, watchPage } from '../helpers/page-watch.ts';
import { BASE, basedBuild } from '../helpers/based-build.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { readGolden } from '../../scripts/search-quality.ts';
import { realSearchIndexes } from '../helpers/search-index.ts';

const site = useSite();

describe('header search', () => {
  it('loads nothing until intent, then finds, highlights and navigates with the keyboard', async () => {
    const { context: ctx, page, problems } = await openWatched(site);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.server.url}glossary/`, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => /search-index|search-ui/.test(u))).toEqual([]);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('churn');
    await page.waitForSelector('#search-results .search-hit');
    expect(requests.some((u) => /search-index\/search-en\.[0-9a-f]{8}\.json$/.test(u))).toBe(true);
    // One ranked list, each hit labelled with its type.
    const badges = await page.locator('#search-results .search-hit > .badge:first-child').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges[0]).toBe('Term');
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/churn/i);
    await page.keyboard.press('ArrowDown');
    const first = await page.getAttribute('#search-results [role="option"][aria-selected="true"]', 'href');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === first);
    expect(problems).toEqual(NO_PROBLEMS);
    await ctx.close();
  });

  it('opens with Ctrl+K, searches Japanese with synonyms, and says when nothing matches', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}ja/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('解約');
    await page.waitForSelector('#search-results .search-hit');
    const hrefs = await page
      .locator('#search-results .search-hit')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/ja/glossary/churn/');
    await page.fill('#site-search', '*~:^+-');
    await page.waitForSelector('#search-results .search-none');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#search-results')).toBe(true);
    await ctx.close();
  });

  it('the search page answers ?q= and keeps the query in the URL', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('renewal notice deadline')}`);
    await page.waitForSelector('[data-search-page-results] .search-hit');
    const hrefs = await page
      .locator('[data-search-page-results] .search-hit')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.slice(0, 3)).toContain('/playbooks/renewal-120-90-60/');
    await page.fill('#search-page-q', 'オンボーディング');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'オンボーディング');
    await ctx.close();
  });

  it('the search page draws every hit of a long list, a few per task, in one list; a newer query stops the older drawing', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await ctx.newPage();
    const drawn = () =>
      page.evaluate(() => {
        const items = [...document.querySelectorAll('[data-search-page-results] .search-item')];
        const ids = items.map((li) => li.querySelector('a')!.id);
        const status = document.querySelector('[data-search-page-status]')!.textContent ?? '';
        return {
          items: items.length,
          lists: document.querySelectorAll('[data-search-page-results] ol').length,
          unique: new Set(ids).size,
          said: Number.parseInt(status, 10),
        };
      });
    const settled = async () => {
      await page.waitForFunction(() => {
        const said = Number.parseInt(document.querySelector('[data-search-page-status]')!.textContent ?? '', 10);
        return said > 0 && document.querySelectorAll('[data-search-page-results] .search-item').length === said;
      });
      // A few more tasks: nothing is added after the count is reached.
      await page.waitForTimeout(200);
      return drawn();
    };
    await page.goto(`${site.server.url}search/?q=churn`);
    const first = await settled();
    expect(first.items).toBeGreaterThan(16);
    expect(first).toEqual({ items: first.said, lists: 1, unique: first.said, said: first.said });
    // Two queries in quick succession: only the last one's hits are on the page, each once.
    await page.fill('#search-page-q', 'renewal');
    await page.fill('#search-page-q', 'onboarding');
    const last = await settled();
    expect(last).toEqual({ items: last.said, lists: 1, unique: last.said, said: last.said });
    const hrefs = await page
      .locator('[data-search-page-results] .search-hit')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBe(last.said);
    expect(new URL(page.url()).searchParams.get('q')).toBe('onboarding');
    await ctx.close();
  });

  it('the search page on a phone draws its hits without moving them (layout shift under 0.1, both languages)', async () => {
    for (const lang of ['', 'ja/']) {
      const ctx = await site.browser.newContext({ viewport: { width: 412, height: 823 } });
      await ctx.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) w.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await ctx.newPage();
      await page.goto(`${site.server.url}${lang}search/?q=churn`);
      await page.waitForSelector('[data-search-page-results] .search-hit');
      // Let the hits be drawn and any deferred layout happen.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForTimeout(500);
      const hits = await page.locator('[data-search-page-results] .search-hit').count();
      expect(hits).toBeGreaterThan(8);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      expect(cls, `/${lang}search/?q=churn: cumulative layout shift`).toBeLessThan(0.1);
      await ctx.close();
    }
  });
});

describe('under a base path', () => {
  let based: StaticServer;
  beforeAll(async () => {
    const out = basedBuild();
    based = await startStaticServer({ root: out, base: BASE, csp: siteHeaderPolicy(out) });
  }, 400_000);
  afterAll(async () => {
    await based?.close();
  });

  it('serves every link, asset and search result under /banso/', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    const problems = watchPage(page, new URL(based.url).origin);
    await page.goto(`${based.url}playbooks/`);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((h) => !h.startsWith('/banso/'))).toEqual([]);
    await page.click('a.lang-switch');
    await page.waitForURL((u) => u.pathname === '/banso/ja/playbooks/');
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/banso/ja/playbooks/');
    await page.focus('#site-search');
    await page.keyboard.type('kickoff');
    await page.waitForSelector('#search-results .search-hit');
    const href = await page.locator('#search-results .search-hit').first().getAttribute('href');
    expect(href).toMatch(/^\/banso\/ja\//);
    expect(problems).toEqual(NO_PROBLEMS);
    await ctx.close();
  });

  // A handful of golden queries: the dropdown's first hit and the search page's first result are the
  // expected page, in both languages, under the base path.
  const PICKS = {
    en: ['churn', 'what is a QBR', 'customer wants to cancel', 'NRR', 'renewl', 'champion left'],
    ja: ['解約', 'QBRとは', '解約したい', 'ヘルススコア', 'キャンセル', '担当者が変わった'],
  } as const;
  it.each(['en', 'ja'] as const)(
    'ranks golden queries first in the dropdown and on the search page (%s)',
    async (lang) => {
      const golden = readGolden();
      const docs = realSearchIndexes()[lang].docs;
      const prefix = `/banso/${lang === 'ja' ? 'ja/' : ''}`;
      const ctx = await site.browser.newContext();
      const page = await ctx.newPage();
      const problems = watchPage(page, new URL(based.url).origin);
      await page.goto(based.url + (lang === 'ja' ? 'ja/' : ''));
      for (const q of PICKS[lang]) {
        const g = golden.find((x) => x.lang === lang && x.query === q)!;
        expect(g, q).toBeDefined();
        const want = g.expect.map((id) => prefix + docs.find((d) => d.id === id)!.path.replace(/^\//, ''));
        await page.fill('#site-search', q);
        await page.waitForFunction((text) => {
          const box = document.querySelector('#search-results');
          return (
            !!box &&
            !box.hasAttribute('hidden') &&
            !!box.querySelector('.search-hit') &&
            (document.querySelector('#site-search') as HTMLInputElement).value === text
          );
        }, q);
        const first = await page.locator('#search-results .search-hit').first().getAttribute('href');
        expect(want, `dropdown, ${lang} "${q}"`).toContain(first);
        if (q === '解約したい' || q === 'customer wants to cancel')
          expect(
            await page.locator('#search-results .search-hit').first().locator('.search-hit-why').textContent(),
          ).toContain(lang === 'ja' ? '解約したい' : 'cancel');
      }
      for (const q of PICKS[lang].slice(0, 2)) {
        const g = golden.find((x) => x.lang === lang && x.query === q)!;
        const want = g.expect.map((id) => prefix + docs.find((d) => d.id === id)!.path.replace(/^\//, ''));
        await page.goto(`${based.url}${lang === 'ja' ? 'ja/' : ''}search/?q=${encodeURIComponent(q)}`);
        await page.waitForSelector('[data-search-page-results] .search-hit');
        expect(want, `search page, ${lang} "${q}"`).toContain(
          await page.locator('[data-search-page-results] .search-hit').first().getAttribute('href'),
        );
      }
      expect(problems).toEqual(NO_PROBLEMS);
      await ctx.close();
    },
    120_000,
  );
});
