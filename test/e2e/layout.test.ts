/**
 * Every page type in both languages on a 390 px phone: the page never scrolls sideways; anything that
 * scrolls sideways inside it is a marked, keyboard-reachable region (tabindex=0, role=region, aria-label);
 * radar axis labels are never clipped (measured by the chart after drawing), on the phone and a laptop.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { PAGE_TYPES, VIEWPORTS } from '../helpers/page-types.ts';

const site = useSite();
const TEAM_FILES = readdirSync('test/fixtures/team')
  .filter((f) => /^(sato|watanabe|ito)/.test(f))
  .map((f) => resolve('test/fixtures/team', f));

/** Horizontal overflow of the page, and inner horizontal scrollers that are not marked regions. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > window.innerWidth) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('[role="region"]'))
        .slice(0, 3)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`);
      problems.push(`page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window: ${wide.join(' ')}`);
    }
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const ox = getComputedStyle(e).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && e.scrollWidth > e.clientWidth + 1) {
        const ok =
          e.tabIndex === 0 &&
          e.getAttribute('tabindex') === '0' &&
          e.getAttribute('role') === 'region' &&
          !!e.getAttribute('aria-label');
        if (!ok) problems.push(`unmarked sideways scroller <${e.tagName.toLowerCase()} class="${e.className}">`);
      }
    }
    return problems;
  });
}

for (const lang of ['en', 'ja'] as const) {
  describe(`layout at 390 px (${lang})`, () => {
    it('no page type scrolls sideways; inner scrollers are marked, keyboard-reachable regions', async () => {
      const context = await site.browser.newContext({ viewport: VIEWPORTS.phone });
      const page = await context.newPage();
      const all: string[] = [];
      for (const { name, path } of PAGE_TYPES) {
        await page.goto(site.server.url + (lang === 'ja' ? 'ja/' : '') + path, { waitUntil: 'networkidle' });
        if (name === 'team') {
          await page.setInputFiles('input[data-testid="import-files"]', TEAM_FILES);
          await page.waitForSelector('[data-testid="heatmap"]');
        }
        for (const p of await layoutProblems(page)) all.push(`${name}: ${p}`);
      }
      expect(all).toEqual([]);
      await context.close();
    });
  });
}

describe('radar labels are never clipped', () => {
  for (const [vp, size] of Object.entries(VIEWPORTS))
    for (const lang of ['en', 'ja'] as const)
      it(`self-assessment and team radars, ${vp}, ${lang}`, async () => {
        const context = await site.browser.newContext({ viewport: size });
        const page = await context.newPage();
        const root = site.server.url + (lang === 'ja' ? 'ja/' : '');
        await page.goto(`${root}assess/`, { waitUntil: 'networkidle' });
        await page.evaluate(() =>
          localStorage.setItem('banso:prefs', '{"view":"radar","teamView":"radar","reveal":true}'),
        );
        await page.reload();
        await page.locator('canvas[data-testid="radar-canvas"]').scrollIntoViewIfNeeded();
        await page.waitForSelector('canvas[data-testid="radar-canvas"][data-labels-fit]');
        expect(await page.getAttribute('canvas[data-testid="radar-canvas"]', 'data-labels-fit')).toBe('true');
        await page.goto(`${root}team/`, { waitUntil: 'networkidle' });
        await page.setInputFiles('input[data-testid="import-files"]', TEAM_FILES);
        await page.waitForSelector('[data-testid="heatmap"]');
        const canvases = page.locator('canvas[data-testid="radar-canvas"]');
        await canvases.first().scrollIntoViewIfNeeded();
        await page.waitForSelector('canvas[data-testid="radar-canvas"][data-labels-fit]');
        const fits = await page.$$eval('canvas[data-labels-fit]', (cs) =>
          cs.map((c) => (c as HTMLElement).dataset.labelsFit),
        );
        expect(fits.length).toBeGreaterThan(0);
        expect(fits.every((f) => f === 'true')).toBe(true);
        await context.close();
      });
});
