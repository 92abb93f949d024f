/**
 * Self-assessment in real Chromium: rate with the keyboard, reload and find the ratings kept,
 * the radar really drew and its table matches, export then import into a fresh profile and get
 * the same radar, bad imports change nothing, corrupt storage is offered for download.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS } from '../helpers/page-watch.ts';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { assessmentFile } from '../helpers/assessment-file.ts';

const site = useSite();

async function openAssess(page: Page, path = 'assess/') {
  await page.goto(site.server.url + path);
  await page.waitForSelector('.assess[data-ready="true"]');
}

function drawnPixels(page: Page): Promise<number> {
  return drawnPixelsOf(page, 'canvas[data-testid="radar-canvas"]');
}

async function tableValues(page: Page): Promise<string[][]> {
  return page.$$eval('[data-testid="radar-table"] tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

async function seriesValues(page: Page): Promise<{ label: string; values: (number | null)[] }[]> {
  return JSON.parse((await page.getAttribute('figure.radar', 'data-series'))!);
}

describe('self-assessment', () => {
  it('rates with the keyboard, keeps ratings after a reload, draws the radar and its table matches', async () => {
    const { context, page, problems } = await openWatched(site, {
      acceptDownloads: true,
      viewport: { width: 1100, height: 900 },
    });
    await openAssess(page);
    await page.waitForSelector('canvas[data-testid="radar-canvas"][data-labels-fit]');
    const empty = await drawnPixels(page);

    await page.fill('input[autocomplete="name"]', '山田 花子');
    // Keyboard: focus the first radio of an element and move with the arrow keys.
    await page.focus('fieldset[data-element="customer-360-view"] input[value="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // level 3
    await page.check('fieldset[data-element="customer-health"] input[value="2"]');
    await page.check('fieldset[data-element="risk-escalation"] input[value="4"]');
    await page.fill('fieldset[data-element="risk-escalation"] textarea', 'Escalated <b>two</b> renewals early');

    const series = await seriesValues(page);
    const labels = await page.$$eval('[data-testid="radar-table"] tbody th', (ths) => ths.map((th) => th.textContent));
    const ratedIndex = labels.indexOf('Customer health');
    expect(ratedIndex).toBeGreaterThanOrEqual(0);
    expect(series[0].values.filter((v) => v !== null)).toHaveLength(3);
    expect(series[0].values[ratedIndex]).toBe(2);
    expect(await drawnPixels(page)).toBeGreaterThan(empty + 200);

    await page.reload();
    await page.waitForSelector('.assess[data-ready="true"]');
    expect(await page.isChecked('fieldset[data-element="customer-360-view"] input[value="3"]')).toBe(true);
    expect(await page.isChecked('fieldset[data-element="risk-escalation"] input[value="4"]')).toBe(true);
    expect(await page.inputValue('fieldset[data-element="risk-escalation"] textarea')).toBe(
      'Escalated <b>two</b> renewals early',
    );
    expect(await page.inputValue('input[autocomplete="name"]')).toBe('山田 花子');

    // The table alternative shows exactly the chart's data.
    const table = await tableValues(page);
    const after = await seriesValues(page);
    expect(table.map((row) => row[0])).toEqual(after[0].values.map((v) => (v === null ? 'not rated' : String(v))));
    expect(await page.textContent('.radar-summary')).toContain('3 of 14 elements rated.');
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('exports a file, imports it into a fresh browser profile and draws the same radar', async () => {
    const a = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const pa = await a.newPage();
    await openAssess(pa);
    await pa.fill('input[autocomplete="name"]', 'Aiko <script>alert(1)</script>');
    for (const [el, lvl] of [
      ['customer-360-view', 2],
      ['lifecycle-management', 3],
      ['adoption-management', 1],
      ['advocate-engagement', 5],
    ] as const)
      await pa.check(`fieldset[data-element="${el}"] input[value="${lvl}"]`);
    const [download] = await Promise.all([pa.waitForEvent('download'), pa.click('button:has-text("Export file")')]);
    expect(download.suggestedFilename()).toMatch(/^banso-assessment-aiko-.*-cs-skills-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const json = JSON.parse(readFileSync(file!, 'utf8'));
    expect(json.format).toBe('banso-assessment');
    expect(json.ratings['lifecycle-management']).toEqual({ level: 3 });
    const pixelsA = await pa.$eval('canvas[data-testid="radar-canvas"]', (c) => (c as HTMLCanvasElement).toDataURL());
    const tableA = await tableValues(pa);

    const b = await site.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const pb = await b.newPage();
    await openAssess(pb);
    await pb.setInputFiles('input[data-testid="import-file"]', file!);
    await pb.waitForSelector('text=Imported');
    expect(await tableValues(pb)).toEqual(tableA);
    expect(await pb.inputValue('input[autocomplete="name"]')).toBe('Aiko <script>alert(1)</script>');
    expect(await pb.$('script:has-text("alert(1)")')).toBeNull();
    const pixelsB = await pb.$eval('canvas[data-testid="radar-canvas"]', (c) => (c as HTMLCanvasElement).toDataURL());
    expect(pixelsB).toBe(pixelsA);
    await a.close();
    await b.close();
  });

  it('rejects bad imports with a message and keeps the current ratings', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await openAssess(page);
    await page.check('fieldset[data-element="customer-health"] input[value="3"]');
    const before = await tableValues(page);
    const cases: [string, string, RegExp][] = [
      ['notes.json', 'this is not json', /not JSON/],
      ['other.json', JSON.stringify({ hello: 'world' }), /not a Bansō assessment/],
      ['future.json', JSON.stringify({ format: 'banso-assessment', version: 99 }), /format version/],
      [
        'levels.json',
        JSON.stringify(assessmentFile({ ratings: { 'customer-health': { level: -2 } } })),
        /rating of “Customer health” › level: must be a whole number from 0 to 5; found -2/,
      ],
    ];
    for (const [name, text, expected] of cases) {
      await page.setInputFiles('input[data-testid="import-file"]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const alert = page.locator('.notice-box.error', { hasText: `Could not import “${name}”. Nothing was changed.` });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(expected);
      expect(await tableValues(page)).toEqual(before);
    }
    await page.setInputFiles('input[data-testid="import-file"]', {
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 32),
    });
    await page.locator('.notice-box.error', { hasText: 'big.json' }).waitFor();
    await expect(page.locator('.notice-box.error', { hasText: 'big.json' }).textContent()).resolves.toMatch(
      /larger than 5 MB/,
    );
    expect(await tableValues(page)).toEqual(before);
    await ctx.close();
  });

  it('loads the validator only for saved data; when it cannot load, the form stays inert and the saved data untouched', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const validator = /\/file-format\.[\w-]+\.js$/;
    await openAssess(page);
    expect(scripts.filter((s) => validator.test(s))).toEqual([]);
    await page.check('fieldset[data-element="customer-health"] input[value="3"]');
    const saved = await page.evaluate(() => localStorage.getItem('banso:assessment:cs-skills'));
    expect(saved).toContain('"customer-health"');

    await page.route(validator, (route) => route.abort());
    await page.reload();
    await page.locator('.notice-box.error', { hasText: 'Part of the page did not load' }).waitFor();
    expect(await page.getAttribute('.assess', 'data-ready')).toBe('false');
    expect(await page.locator('.assess section[inert]').count()).toBe(4);
    expect(await page.evaluate(() => localStorage.getItem('banso:assessment:cs-skills'))).toBe(saved);

    await page.unroute(validator);
    await page.reload();
    await page.waitForSelector('.assess[data-ready="true"]');
    expect(scripts.filter((s) => validator.test(s)).length).toBeGreaterThan(0);
    expect(await page.isChecked('fieldset[data-element="customer-health"] input[value="3"]')).toBe(true);
    expect(await page.locator('.assess section[inert]').count()).toBe(0);
    await ctx.close();
  });

  it('hides role expectations until asked, then shows the target on the radar and a growth plan', async () => {
    const ctx = await site.browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    await openAssess(page);
    await page.selectOption('select[data-testid="target-role"]', 'csm');
    expect(await page.locator('fieldset .badge-brand').count()).toBe(0);
    expect((await seriesValues(page)).map((s) => s.label)).toEqual(['Now']);
    await page.check('input[data-testid="reveal"]');
    expect(await page.locator('fieldset .badge-brand').count()).toBe(14);
    const labels = (await seriesValues(page)).map((s) => s.label);
    expect(labels).toHaveLength(2);
    expect(labels[1]).toMatch(/^Target: /);
    await page.waitForSelector('[data-testid="readiness"]');
    expect(await page.textContent('[data-testid="readiness"]')).toMatch(/Readiness: 0 %/);
    expect(await page.locator('[data-testid="gaps"] > li').count()).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Export the plan as Markdown")'),
    ]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toMatch(/^# Growth plan/m);
    expect(md).toMatch(/Readiness/);
    await ctx.close();
  });

  it('loads a share link only when asked, and a broken link changes nothing', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await openAssess(
      page,
      'assess/#v=1&fw=cs-skills&fwv=2026.1&h=x&name=%E5%B1%B1%E7%94%B0&r=customer-health.4~risk-escalation.2',
    );
    await page.waitForSelector('text=Load it');
    expect((await seriesValues(page))[0].values.filter((v) => v !== null)).toHaveLength(0);
    await page.click('text=Load it');
    expect(await page.inputValue('input[autocomplete="name"]')).toBe('山田');
    expect((await seriesValues(page))[0].values.filter((v) => v !== null)).toHaveLength(2);

    await page.goto(`${site.server.url}assess/#v=1&fw=cs-skills&r=customer-health.banana`);
    await page.reload();
    await page.waitForSelector('.assess[data-ready="true"]');
    await expect(page.locator('[role="alert"]').first().textContent()).resolves.toMatch(
      /share link .* could not be read/i,
    );
    expect((await seriesValues(page))[0].values.filter((v) => v !== null)).toHaveLength(2);
    await ctx.close();
  });

  it('works in Japanese', async () => {
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await openAssess(page, 'ja/assess/');
    await page.check('fieldset[data-element="customer-health"] input[value="2"]');
    expect(await page.textContent('.radar-summary')).toContain('14 要素中 1 要素を評価済み。');
    await ctx.close();
  });
});
