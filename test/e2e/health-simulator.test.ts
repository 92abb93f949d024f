/**
 * Health-score simulator in real Chromium under the site CSP: load a preset, change inputs with the
 * keyboard, the contribution chart really drew and its table matches the measures, a reload keeps
 * the state from the address, scenario B, the weights editor exports YAML that the schema accepts and
 * SQL that scores like the engine,
 * the Japanese page, axe, and no console errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { HealthModel } from '../../src/schemas/health.ts';
import { scoreAccount } from '../../src/lib/health/score.ts';
import { applyWeights } from '../../src/lib/health/simulator-state.ts';
import { SQL_TABLE } from '../../src/lib/health/sql-dialects.ts';
import { loadModel } from '../helpers/health-fixtures.ts';
import { NO_PROBLEMS } from '../helpers/page-watch.ts';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';

const site = useSite();

const HIGH_TOUCH_MEASURES = 12;

async function openSimulator(page: Page, path = 'health/simulator/?model=high-touch-health') {
  await page.goto(site.server.url + path);
  await page.waitForSelector('.health-sim[data-ready="true"]');
}

function drawnPixels(page: Page): Promise<number> {
  return drawnPixelsOf(page, 'canvas[data-testid="contribution-canvas"]');
}
const bandText = (page: Page, s: 'a' | 'b' = 'a') => page.textContent(`[data-testid="score-${s}-band"]`);
const scoreText = (page: Page, s: 'a' | 'b' = 'a') => page.textContent(`[data-testid="score-${s}-value"]`);

describe('health-score simulator', () => {
  it('loads a preset, changes with the keyboard, draws the chart and keeps the state over a reload', async () => {
    const { context, page, problems } = await openWatched(site, { viewport: { width: 1280, height: 900 } });
    await openSimulator(page);
    expect(await bandText(page)).toBe('Green — healthy');

    await page.selectOption('[data-testid="preset"]', 'silent-churn-risk');
    await page.click('button:has-text("Load example")');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="score-a-band"]')?.textContent?.startsWith('Red'),
    );
    expect(await bandText(page)).toBe('Red — at risk');
    expect(await scoreText(page)).toBe('42.4');
    await expect(page.locator('[data-testid="what-if-up"]').textContent()).resolves.toMatch(
      /Lower Days since last meeting from 95\sdays to 30\sdays/,
    );

    // The chart drew once scrolled near, and its table has one row per measure matching the chart's data.
    await page.locator('figure.contribution').scrollIntoViewIfNeeded();
    await expect.poll(() => drawnPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
    const series = JSON.parse((await page.getAttribute('figure.contribution', 'data-series'))!) as {
      values: (number | null)[];
    }[];
    await page.click('.contribution-table summary');
    const rows = await page.$$eval('[data-testid="contribution-table"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector('th')!.textContent,
        ...[...tr.querySelectorAll('td')].map((td) => td.textContent),
      ]),
    );
    const inputs = await page.$$eval('.sim-inputs [data-measure]', (els) =>
      els.map((e) => e.getAttribute('data-measure')),
    );
    expect(rows).toHaveLength(HIGH_TOUCH_MEASURES);
    expect(inputs).toHaveLength(HIGH_TOUCH_MEASURES);
    expect(series[0].values).toHaveLength(HIGH_TOUCH_MEASURES);
    rows.forEach((r, i) => {
      const v = series[0].values[i];
      if (v === null) expect(r[4]).toBe('—');
      else expect(Math.abs(Number(r[4]) - v)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    expect(rows.map((r) => r[0])).toEqual(
      await page.$$eval('.sim-inputs [data-measure]', (els) =>
        els.map((e) => e.querySelector('label, legend')!.textContent),
      ),
    );
    expect(rows.find((r) => r[0] === 'NPS of the main contact')![1]).toBe('No data');
    const before = await page.$eval('canvas[data-testid="contribution-canvas"]', (c) =>
      (c as HTMLCanvasElement).toDataURL(),
    );

    // Keyboard: the executive sponsor radio group (arrow keys) and the days-since-meeting slider (Home).
    await page.focus('[data-measure="executive-sponsor"] input[value="no"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.isChecked('[data-measure="executive-sponsor"] input[value="yes"]')).toBe(true);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="score-a-band"]')?.textContent?.startsWith('Yellow'),
    );
    expect(await bandText(page)).toBe('Yellow — watch');
    await page.focus('#m-days-since-meeting-range');
    await page.keyboard.press('Home');
    expect(await page.inputValue('[data-testid="number-days-since-meeting"]')).toBe('0');
    await page.keyboard.press('ArrowRight');
    expect(await page.inputValue('[data-testid="number-days-since-meeting"]')).toBe('1');
    await page.waitForFunction(() => !document.querySelector('[data-testid="overrides"]'));
    expect(Number(await scoreText(page))).toBeGreaterThan(60);
    // "No data" with the keyboard.
    expect(await page.textContent('[data-testid="score-a-coverage"]')).toMatch(/77.5\s% of the weight/);
    await page.focus('[data-testid="nodata-support-tickets"]');
    await page.keyboard.press('Space');
    await expect(page.locator('[data-testid="score-a-coverage"]').textContent()).resolves.toMatch(
      /72.5\s% of the weight/,
    );
    expect(await page.isDisabled('[data-testid="number-support-tickets"]')).toBe(true);
    await page.waitForFunction(
      (b) =>
        (document.querySelector('canvas[data-testid="contribution-canvas"]') as HTMLCanvasElement).toDataURL() !== b,
      before,
    );

    const url = page.url();
    expect(new URL(url).searchParams.get('a.executive-sponsor')).toBe('yes');
    expect(new URL(url).searchParams.get('a.days-since-meeting')).toBe('1');
    const band = await bandText(page);
    const score = await scoreText(page);
    const coverage = await page.textContent('[data-testid="score-a-coverage"]');
    await page.reload();
    await page.waitForSelector('.health-sim[data-ready="true"]');
    expect(page.url()).toBe(url);
    expect(await bandText(page)).toBe(band);
    expect(await scoreText(page)).toBe(score);
    expect(await page.textContent('[data-testid="score-a-coverage"]')).toBe(coverage);
    expect(await page.inputValue('[data-testid="number-days-since-meeting"]')).toBe('1');
    expect(await page.isChecked('[data-testid="nodata-support-tickets"]')).toBe(true);
    expect(await page.isChecked('[data-testid="nodata-ces"]')).toBe(true);

    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('compares scenario B with A and keeps both in the address', async () => {
    const { context, page, problems } = await openWatched(site, { viewport: { width: 1280, height: 900 } });
    await openSimulator(page);
    await page.click('button:has-text("Compare with scenario B")');
    await page.check('[data-measure="csm-sentiment"] input[value="red"]');
    expect(await bandText(page, 'b')).toBe('Red — at risk');
    expect(await bandText(page, 'a')).toBe('Green — healthy');
    await expect(page.locator('[data-testid="compare"]').textContent()).resolves.toMatch(
      /The colour changes from Green — healthy to Red — at risk/,
    );
    expect(await page.$$eval('.contribution-legend li', (li) => li.map((x) => x.textContent))).toEqual([
      'Scenario A',
      'Scenario B',
    ]);
    await page.reload();
    await page.waitForSelector('.health-sim[data-ready="true"]');
    expect(await bandText(page, 'b')).toBe('Red — at risk');
    expect(await page.isChecked('input[name="sim-scenario"][value="b"]')).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('exports the model with edited weights as YAML that the schema accepts', async () => {
    const { context, page, problems } = await openWatched(site, { acceptDownloads: true });
    await openSimulator(page, 'health/simulator/?model=tech-touch-health');
    const yamlRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) yamlRequests.push(r.url());
    });
    await page.fill('input[aria-label="Weight of Billing"]', '35');
    await expect(page.locator('[data-testid="share-group-billing"]').textContent()).resolves.toBe('30.4 %');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('wg.billing') === '35');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Export model as YAML")'),
    ]);
    expect(download.suggestedFilename()).toBe('tech-touch-health.yaml');
    expect(yamlRequests.length).toBeGreaterThan(0); // the yaml package is loaded on click, not with the page
    const text = readFileSync((await download.path())!, 'utf8');
    const model = HealthModel.parse(parse(text));
    expect(model.groups.find((g) => g.id === 'billing')!.weight).toBe(35);
    expect(model.groups.find((g) => g.id === 'product-usage')!.weight).toBe(60);
    expect(model.measures).toHaveLength(6);
    expect(model.name.ja).toBe('テックタッチ向けヘルススコア');
    await page.click('button:has-text("Reset to the model’s weights")');
    await expect(page.locator('[data-testid="share-group-billing"]').textContent()).resolves.toBe('20 %');
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('exports the edited model as SQL that scores like the simulator in DuckDB', async () => {
    const { context, page, problems } = await openWatched(site, { acceptDownloads: true });
    await openSimulator(page, 'health/simulator/?model=tech-touch-health');
    await page.fill('input[aria-label="Weight of Billing"]', '35');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('wg.billing') === '35');
    expect(await page.$$eval('[data-testid="sql-dialect"] option', (o) => o.map((x) => x.textContent))).toEqual([
      'DuckDB',
      'PostgreSQL',
      'BigQuery',
      'Snowflake',
    ]);
    await page.selectOption('[data-testid="sql-dialect"]', 'snowflake');
    const [snow] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-sql"]')]);
    expect(snow.suggestedFilename()).toBe('tech-touch-health.snowflake.sql');
    await page.selectOption('[data-testid="sql-dialect"]', 'duckdb');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-sql"]')]);
    expect(download.suggestedFilename()).toBe('tech-touch-health.duckdb.sql');
    const sql = readFileSync((await download.path())!, 'utf8');

    // The same accounts through the query in DuckDB and through the engine with the edited weight.
    const model = applyWeights(loadModel('tech-touch-health'), { groups: { billing: 35 }, measures: {} });
    const accounts = [
      {
        id: 'a',
        values: {
          'weekly-active-admins': 55,
          'days-since-admin-login': 3,
          'key-feature-adoption': 4,
          'onboarding-checklist': true,
          'in-app-nps': 20,
          'failed-payments': false,
        },
      },
      {
        id: 'b',
        values: {
          'weekly-active-admins': 20,
          'days-since-admin-login': 50,
          'key-feature-adoption': 1,
          'onboarding-checklist': false,
          'in-app-nps': -40,
          'failed-payments': true,
        },
      },
      {
        id: 'c',
        values: {
          'weekly-active-admins': 65,
          'days-since-admin-login': null,
          'key-feature-adoption': 5,
          'onboarding-checklist': null,
          'in-app-nps': null,
          'failed-payments': true,
        },
      },
    ];
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const cols = model.measures.map((m) => `"${m.id}" ${m.input === 'boolean' ? 'BOOLEAN' : 'DOUBLE'}`);
    await con.run(`CREATE TABLE ${SQL_TABLE} (account_id VARCHAR, ${cols.join(', ')})`);
    for (const a of accounts) {
      const vals = model.measures.map((m) => {
        const v = a.values[m.id as keyof typeof a.values];
        return v === null ? 'NULL' : String(v);
      });
      await con.run(`INSERT INTO ${SQL_TABLE} VALUES ('${a.id}', ${vals.join(', ')})`);
    }
    const rows = (await con.runAndReadAll(sql)).getRowObjectsJS();
    con.closeSync();
    db.closeSync();
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      const js = scoreAccount(model, accounts.find((a) => a.id === r.account_id)!.values);
      expect({ id: r.account_id, score: r.score, band: r.band }).toEqual({
        id: r.account_id,
        score: js.score,
        band: js.band?.id ?? null,
      });
    }
    // The edited weight changed the score (the query is the edited model's, not the file's).
    const plain = scoreAccount(loadModel('tech-touch-health'), accounts[0].values);
    expect(rows.find((r) => r.account_id === 'a')!.score).not.toBe(plain.score);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('reports unusable values in the address and keeps the rest', async () => {
    const { context, page, problems } = await openWatched(site);
    await openSimulator(
      page,
      'health/simulator/?model=high-touch-health&a.nps=%E3%81%82&a.licence-utilisation=30&a.bogus=1&wm.nps=-1',
    );
    await expect(page.locator('[role="alert"]').first().textContent()).resolves.toContain(
      'NPS of the main contact: “あ” is not a number.',
    );
    expect(await page.inputValue('[data-testid="number-licence-utilisation"]')).toBe('30');
    expect(await page.inputValue('[data-testid="number-nps"]')).toBe('8');
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('shows Japanese labels on /ja/', async () => {
    const { context, page, problems } = await openWatched(site, { viewport: { width: 1280, height: 900 } });
    await openSimulator(page, 'ja/health/simulator/?model=high-touch-health');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('h1')).toBe('ヘルススコア・シミュレーター');
    expect(await page.textContent('#m-licence-utilisation-label')).toBe('ライセンス利用率');
    expect(await bandText(page)).toBe('グリーン（良好）');
    await page.selectOption('[data-testid="preset"]', 'silent-churn-risk');
    await page.click('button:has-text("例を読み込む")');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="score-a-band"]')?.textContent === 'レッド（リスクあり）',
    );
    await expect(page.locator('[data-testid="what-if-up"]').textContent()).resolves.toContain(
      '最終ミーティングからの日数を95日から30日に下げる',
    );
    expect(await page.textContent('[data-testid="score-a-coverage"]')).toBe('データのカバー率：重みの77.5%');
    await page.locator('figure.contribution').scrollIntoViewIfNeeded();
    await expect.poll(() => drawnPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('is linked from the health page and the model pages', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}health/`);
    await page.click('a:has-text("Open the simulator")');
    await page.waitForSelector('.health-sim[data-ready="true"]');
    await page.goto(`${site.server.url}health/tech-touch-health/`);
    await page.click('a:has-text("Try it in the simulator")');
    await page.waitForSelector('.health-sim[data-ready="true"]');
    expect(await page.inputValue('[data-testid="model"]')).toBe('tech-touch-health');
    await page.close();
  });
});
