/**
 * Team review in real Chromium under the site CSP: import the whole fixture folder at once (broken
 * files included), read the report, the heatmap, coverage, radars and calibration; export the agenda
 * and the summary; names with markup stay text; the team survives a reload and "Forget this team"
 * clears it; the Japanese page works; member pages built from content/team ship no island or chart code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS } from '../helpers/page-watch.ts';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';

const DIR = resolve('test/fixtures/team');
const FILES = readdirSync(DIR)
  .sort()
  .map((n) => resolve(DIR, n));

const site = useSite();

async function openTeam(page: Page, path = 'team/') {
  await page.goto(site.server.url + path);
  await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
}

async function importAll(page: Page) {
  await page.setInputFiles('input[data-testid="import-files"]', FILES);
  await page.waitForSelector('[data-testid="heatmap"]');
}

/**
 * Pixels drawn on the chart in `scope`. Radars are made only when they come near the viewport, so
 * the canvas is scrolled into view first and given up to 10 s to draw.
 */
async function drawnPixels(page: Page, scope: string): Promise<number> {
  const canvas = `${scope} canvas`;
  await page.locator(canvas).first().scrollIntoViewIfNeeded();
  const end = Date.now() + 10_000;
  let n = await drawnPixelsOf(page, canvas);
  while (n === 0 && Date.now() < end) {
    await page.waitForTimeout(100);
    n = await drawnPixelsOf(page, canvas);
  }
  return n;
}

async function reportRow(page: Page, file: string) {
  const row = page.locator('[data-testid="import-report"] tbody tr', { has: page.locator('th', { hasText: file }) });
  return { status: await row.getAttribute('data-status'), text: (await row.textContent()) ?? '' };
}

describe('team review', () => {
  it('imports a whole folder, reports each file, and shows heatmap, coverage, radars and calibration', async () => {
    const { context, page, problems } = await openWatched(site, {
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    await openTeam(page);
    const t0 = Date.now();
    await importAll(page);
    const importMs = Date.now() - t0;

    // Import report: every file, broken ones with their reason named.
    expect(await page.locator('[data-testid="import-report"] tbody tr').count()).toBe(FILES.length);
    const cases: [string, string, RegExp][] = [
      ['broken-not-json.json', 'error', /The file is not JSON\./],
      ['broken-wrong-format.json', 'error', /not a Bansō assessment/],
      [
        'broken-invalid-level.json',
        'error',
        /not allowed.*rating of “Customer health” › level: must be a whole number from 0 to 5/s,
      ],
      ['broken-unknown-framework.json', 'error', /framework this portal does not have.*sales-skills/s],
      [
        'sato-aiko-self-2026-03_copy.json',
        'duplicate',
        /Same content as “\u2068sato-aiko-self-2026-03\.json\u2069”.*was kept because it came first/,
      ],
      [
        'watanabe-ren-self_resaved.json',
        'ok',
        /Same person, kind and save time as “\u2068watanabe-ren-self\.json\u2069” but different content: both were kept/,
      ],
      ['kobayashi-old-version.json', 'other-version', /another version of the framework/],
      ['sato-aiko-self-2026-09.json', 'ok', /佐藤 愛子 \(Aiko Sato\) · Self/],
    ];
    for (const [file, status, text] of cases) {
      const r = await reportRow(page, file);
      expect(r.status, file).toBe(status);
      expect(r.text, file).toMatch(text);
    }

    // Heatmap: members × 14 elements, number in every rated cell.
    const rows = page.locator('[data-testid="heatmap"] tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('[data-testid="heatmap"] thead th.el-col').count()).toBe(14);
    for (let i = 0; i < 4; i++) expect(await rows.nth(i).locator('td.heat').count()).toBe(14);
    expect(await page.locator('[data-testid="heatmap"] td.heat-gap .gap-mark').count()).toBeGreaterThan(0);

    // Sorting from the keyboard: a column button with Enter, aria-sort follows.
    await page.focus('th[data-element="customer-health"] button');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('th[data-element="customer-health"]', 'aria-sort')).toBe('descending');
    expect(await rows.first().locator('.member-name').textContent()).toBe('伊藤 美香');

    // Coverage lists.
    expect(await page.locator('ul[data-testid="coverage-org"] li').count()).toBeGreaterThan(3);
    expect(await page.locator('ul[data-testid="coverage-single"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="coverage-uncovered"]').textContent()).toContain('CS operations & scale');

    // The team radar and an overlay really drew.
    expect(await drawnPixels(page, '[data-testid="team-radar"]')).toBeGreaterThan(1000);
    await page.locator('[data-testid="overlay"] label', { hasText: '渡辺 蓮' }).click();
    await page.locator('[data-testid="overlay"] label', { hasText: '伊藤 美香' }).click();
    await page.waitForSelector('[data-testid="overlay"] canvas');
    expect(await drawnPixels(page, '[data-testid="overlay"]')).toBeGreaterThan(1000);

    // Calibration: the >1-level differences, exported as Markdown.
    const agenda = await page.$$eval('[data-testid="agenda"] > li', (lis) =>
      lis.map((li) => li.getAttribute('data-element')),
    );
    expect(agenda).toEqual(['customer-health', 'risk-escalation', 'expansion-management']);
    expect(await drawnPixels(page, '[data-testid="calibration"]')).toBeGreaterThan(1000);
    const [mdDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-agenda"]'),
    ]);
    expect(mdDownload.suggestedFilename()).toMatch(/^banso-1on1-agenda-.+-cs-skills-\d{4}-\d{2}-\d{2}\.md$/);
    const md = readFileSync((await mdDownload.path())!, 'utf8');
    expect(md).toMatch(/^# 1:1 agenda: 佐藤 愛子 \(Aiko Sato\)$/m);
    expect(md).toMatch(
      /### 1\. Customer health\n\n- \*\*Self-assessment:\*\* Level 4\n- \*\*Manager’s assessment:\*\* Level 2/,
    );
    expect(md).toContain('still a draft');

    // Summary exports.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('伊藤 美香,Manager,');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);

    // Markup in names and evidence is text: no element was created from it.
    expect(await page.locator('.member-name', { hasText: '<script>alert("team")</script>Eve' }).count()).toBe(1);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert')))).toBe(false);
    expect(await page.locator('main img').count()).toBe(0);

    // Accessible with a loaded team.
    expect(await axeSerious(page, '.team-review')).toEqual([]);

    expect(importMs).toBeLessThan(5000);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('keeps the team after a reload; "Forget this team" clears it after confirming', async () => {
    const { context, page, problems } = await openWatched(site);
    await openTeam(page);
    await importAll(page);
    await page.reload();
    await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
    await page.waitForSelector('[data-testid="heatmap"]');
    expect(await page.locator('[data-testid="heatmap"] tbody tr').count()).toBe(4);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('banso:team')!).entries.length)).toBe(10);

    await page.click('[data-testid="forget"]');
    expect(await page.evaluate(() => localStorage.getItem('banso:team'))).not.toBeNull();
    await page.click('[data-testid="forget-confirm"]');
    await page.waitForSelector('[data-testid="team-empty"]');
    expect(await page.evaluate(() => localStorage.getItem('banso:team'))).toBeNull();
    await page.reload();
    await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
    expect(await page.locator('[data-testid="heatmap"]').count()).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('shows the team radar as "now vs target" bars on request, remembered across reloads; bars by default on a phone', async () => {
    const { context, page, problems } = await openWatched(site, { viewport: { width: 1280, height: 900 } });
    await openTeam(page);
    await importAll(page);
    const radar = page.locator('[data-testid="team-radar"]');
    // The radar first (a laptop, nothing chosen yet), its data table there as the text alternative.
    expect(await radar.locator('[data-testid="view-radar"]').getAttribute('aria-pressed')).toBe('true');
    expect(await radar.locator('[data-testid="radar-table"]').count()).toBe(1);
    const series = JSON.parse((await radar.locator('figure.radar').getAttribute('data-series'))!) as {
      values: (number | null)[];
    }[];
    const medians = series[0].values;
    expect(medians).toHaveLength(14);

    await radar.locator('[data-testid="view-bars"]').click();
    const checkBars = async () => {
      const bars = radar.locator('[data-testid="level-bars"] li');
      expect(await bars.count()).toBe(14);
      const drawn = await bars.evaluateAll((lis) =>
        lis.map((li) => ({
          now: li.querySelector('[data-now]')!.getAttribute('data-now'),
          on: li.querySelectorAll('i.on').length,
          target: li.querySelector('[data-target]')?.getAttribute('data-target') ?? null,
          want: li.querySelectorAll('i.want').length,
          text: (li as HTMLElement).innerText,
        })),
      );
      drawn.forEach((b, i) => {
        expect(b.now, `element ${i}`).toBe(medians[i] === null ? '' : String(medians[i]));
        expect(b.on).toBe(Math.floor(medians[i] ?? 0));
        if (b.target !== null) expect(b.want).toBe(Math.floor(Number(b.target)));
        expect(b.text).toContain('Team median');
      });
      // The fixture team has target roles: some elements show a target and the gap to it.
      expect(drawn.filter((b) => b.target !== null).length).toBeGreaterThan(0);
      expect(drawn.some((b) => /Target roles \(median\)[\s\S]*\(−/.test(b.text))).toBe(true);
      expect(await radar.locator('canvas').count()).toBe(0);
    };
    await checkBars();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('banso:prefs')!))).toEqual({ teamView: 'bars' });

    await page.reload();
    await page.waitForSelector('[data-testid="team-radar"] [data-testid="level-bars"]');
    expect(await radar.locator('[data-testid="view-bars"]').getAttribute('aria-pressed')).toBe('true');
    await checkBars();

    // Back to the radar: it draws again and keeps its table.
    await radar.locator('[data-testid="view-radar"]').click();
    await page.waitForSelector('[data-testid="team-radar"] canvas');
    expect(await drawnPixels(page, '[data-testid="team-radar"]')).toBeGreaterThan(1000);
    expect(await radar.locator('[data-testid="radar-table"]').count()).toBe(1);

    // A phone with no choice kept starts with bars, in Japanese too; the self-assessment's own choice is separate.
    const phone = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await openTeam(p, 'ja/team/');
    await importAll(p);
    await p.waitForSelector('[data-testid="team-radar"] [data-testid="level-bars"]');
    expect(await p.locator('[data-testid="team-radar"] [data-testid="level-bars"] li').first().innerText()).toContain(
      'チームの中央値',
    );
    expect(await p.evaluate(() => localStorage.getItem('banso:prefs'))).toBeNull();
    expect(problems).toEqual(NO_PROBLEMS);
    await phone.close();
    await context.close();
  }, 150_000); // two team imports in two windows

  it('imports pasted share links, one per line', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await openTeam(page);
    const link = `${site.server.url}assess/#v=1&fw=cs-skills&fwv=2026.1&h=dfe20d61&name=%E5%B1%B1%E7%94%B0&role=csm&r=customer-health.4~risk-escalation.2`;
    await page.fill('[data-testid="links"]', `${link}\n\n#v=1&fw=cs-skills&r=customer-health.banana`);
    await page.click('button:has-text("Import links")');
    await page.waitForSelector('[data-testid="heatmap"]');
    expect((await reportRow(page, 'Link on line 1')).status).toBe('ok');
    expect((await reportRow(page, 'Link on line 3')).text).toMatch(/damaged or incomplete/);
    expect(await page.locator('[data-testid="heatmap"] tbody .member-name').textContent()).toBe('山田');
    await context.close();
  });

  it('works in Japanese, and links the member pages built from content/team (no island there)', async () => {
    const { context, page, problems } = await openWatched(site);
    await openTeam(page, 'ja/team/');
    await importAll(page);
    expect(await page.textContent('#team-heat-title')).toBe('ヒートマップ');
    expect((await reportRow(page, 'broken-not-json.json')).text).toContain('ファイルが JSON ではありません。');
    expect(await page.locator('[data-testid="agenda"] > li').count()).toBe(3);

    await page.click('a[href="/ja/team/members/aoi-tanaka/"]');
    await page.waitForURL((u) => u.pathname === '/ja/team/members/aoi-tanaka/');
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/ja/team/members/aoi-tanaka/');
    expect(await page.locator('table.growth-table tbody tr').count()).toBe(4);
    expect(await axeSerious(page)).toEqual([]);
    expect(await page.locator('.static-radar svg polygon.compare').count()).toBe(1);
    // A content page: no island and no chart code (only whatever the site layout itself loads).
    expect(await page.locator('astro-island').count()).toBe(0);
    expect(
      await page.$$eval('script[src]', (ss) =>
        ss.map((s) => s.getAttribute('src')).filter((src) => /team|radar|chart|island/i.test(src ?? '')),
      ),
    ).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });
});
