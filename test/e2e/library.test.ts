/**
 * The everyday knowledge pages in Chromium: playbook filters kept in the URL, onboarding progress
 * kept after a reload, the journey map on a phone, the CS Ops plane counts, glossary tooltips.
 */
import { describe, expect, it } from 'vitest';
import { NO_PROBLEMS } from '../helpers/page-watch.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { planeCounts } from '../../src/lib/plane.ts';
import { openWatched, useSite } from '../helpers/site.ts';

const { content } = checkContent(readContentFiles('.'));
const site = useSite();

describe('playbook library', () => {
  it('filters without a reload, keeps the filters in the URL and restores them', async () => {
    const { context: ctx, page, problems } = await openWatched(site);
    await page.goto(`${site.server.url}playbooks/`);
    const total = content.playbooks.size;
    await expect(page.textContent('[data-count]')).resolves.toBe(`${total} of ${total} playbooks`);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await page.selectOption('select[name="phase"]', 'renewal');
    const renewal = [...content.playbooks.values()].filter((p) => p.data.phase === 'renewal');
    await expect(page.textContent('[data-count]')).resolves.toBe(`${renewal.length} of ${total} playbooks`);
    expect(await page.locator('[data-results] > li:not([hidden])').count()).toBe(renewal.length);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1); // no reload
    await page.selectOption('select[name="touch"]', 'high');
    await page.selectOption('select[name="sort"]', 'title');
    expect(new URL(page.url()).search).toBe('?phase=renewal&touch=high&sort=title');
    const visible = await page.locator('[data-results] > li:not([hidden]) h2').allTextContents();

    const again = await ctx.newPage();
    await again.goto(page.url());
    await expect.poll(() => again.inputValue('select[name="phase"]')).toBe('renewal');
    expect(await again.locator('[data-results] > li:not([hidden]) h2').allTextContents()).toEqual(visible);
    const expected = renewal.filter((p) => p.data.touch.includes('high')).length;
    expect(visible).toHaveLength(expected);
    // Option labels show how many each choice would leave.
    expect(await again.textContent('select[name="phase"] option[value="renewal"]')).toMatch(
      new RegExp(`\\(${expected}\\)$`),
    );
    // Switching language keeps the filters.
    const ja = await ctx.newPage();
    await ja.goto(page.url());
    await ja.focus('#site-search');
    await ja.click('a.lang-switch');
    await ja.waitForURL((u) => u.pathname === '/ja/playbooks/');
    await ja.waitForLoadState();
    expect(new URL(ja.url()).pathname + new URL(ja.url()).search).toBe(
      '/ja/playbooks/?phase=renewal&touch=high&sort=title',
    );
    await expect.poll(() => ja.inputValue('select[name="touch"]')).toBe('high');
    await again.click('button[type="reset"]');
    await expect.poll(() => again.textContent('[data-count]')).toBe(`${total} of ${total} playbooks`);
    expect(new URL(again.url()).search).toBe('');
    expect(problems).toEqual(NO_PROBLEMS);
    await ctx.close();
  });

  it('shows a glossary definition on keyboard focus inside a playbook', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}playbooks/red-account-triage/`);
    const term = page.locator('.playbook-body .gloss-term').first();
    expect(await page.locator('.playbook-body .gloss-term').count()).toBeGreaterThan(1);
    const tip = page.locator('.playbook-body .gloss-tip').first();
    expect(await tip.isVisible()).toBe(false);
    await term.focus();
    expect(await tip.isVisible()).toBe(true);
    const id = await term.getAttribute('aria-describedby');
    expect(await page.getAttribute(`#${id}`, 'role')).toBe('tooltip');
    await ctx.close();
  });
});

describe('onboarding track', () => {
  it('keeps ticked items after a reload and counts progress per section and overall', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}onboarding/new-csm/`);
    const track = content.onboarding.get('new-csm')!.data;
    const total = track.sections.reduce((n, s) => n + s.items.length, 0);
    await expect(page.textContent('[data-progress="overall"]')).resolves.toBe(`0 / ${total}`);
    const first = track.sections[0];
    await page.check(`#chk-${first.items[0].id}`);
    await page.focus(`#chk-${first.items[1].id}`);
    await page.keyboard.press('Space');
    // Without a start date the first phase is open and the others are collapsed: open the second one.
    await page.click(`details[data-section="${track.sections[1].id}"] > summary`);
    await page.check(`#chk-${track.sections[1].items[0].id}`);
    await page.reload();
    expect(await page.isChecked(`#chk-${first.items[1].id}`)).toBe(true);
    await expect(page.textContent('[data-progress="overall"]')).resolves.toBe(`3 / ${total}`);
    await expect(page.textContent(`[data-progress="${first.id}"]`)).resolves.toBe(`2 / ${first.items.length}`);
    expect(await page.$eval(`[data-progress-bar="${first.id}"]`, (p) => (p as HTMLProgressElement).value)).toBe(2);
    await ctx.close();
  });
});

describe('journey map', () => {
  it('renders the stages as a table with the emotion/effort curve, scrollable on a phone', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}journeys/high-touch-b2b/`);
    const journey = content.journeys.get('high-touch-b2b')!.data;
    expect(await page.locator('.journey-map thead th[id^="stage-"]').count()).toBe(journey.stages.length);
    expect(await page.locator('.journey-curve circle').count()).toBe(journey.stages.length);
    expect(await page.getAttribute('.journey-curve svg', 'role')).toBe('img');
    const region = page.locator('.journey-map');
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const bodyOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(bodyOverflow).toBeLessThanOrEqual(1);
    // Each stage links its playbooks.
    expect(await page.locator('.journey-map a[href*="/playbooks/"]').count()).toBeGreaterThan(journey.stages.length);
    await ctx.close();
  });
});

describe('CS Ops plane', () => {
  it('shows the playbook count of every cell, links into the filtered library and remembers my position', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${site.server.url}plane/`);
    const counts = planeCounts([...content.playbooks.values()].map((p) => p.data));
    const cells = await page.$$eval('td[data-phase]', (tds) =>
      tds.map((td) => ({
        phase: td.getAttribute('data-phase')!,
        layer: td.getAttribute('data-layer')!,
        count: Number(td.getAttribute('data-count')),
        text: td.textContent,
      })),
    );
    expect(cells).toHaveLength(28);
    for (const c of cells)
      expect(c.count, `${c.phase}/${c.layer}`).toBe(
        (counts as Record<string, Record<string, number>>)[c.phase][c.layer],
      );
    await page.click('td[data-phase="renewal"][data-layer="process"] a');
    await page.waitForURL((u) => u.search === '?phase=renewal&layer=process');
    await expect.poll(() => page.textContent('[data-count]')).toMatch(new RegExp(`^${counts.renewal.process} of`));
    await page.goto(`${site.server.url}plane/`);
    await page.click('td[data-phase="onboarding"][data-layer="process"] button');
    await page.reload();
    expect(await page.getAttribute('td[data-phase="onboarding"][data-layer="process"] button', 'aria-pressed')).toBe(
      'true',
    );
    await expect(page.textContent('[data-position-summary]')).resolves.toMatch(/1 cells/);
    await ctx.close();
  });
});
