/**
 * Nothing a person has is lost, frozen or misread, in real Chromium:
 * - corrupt saved data → an edit, an import or a tick → the raw copy is still downloadable, byte for byte
 *   (self-assessment, team review, onboarding), until it is discarded;
 * - a maximal valid file, a file over the rating limits and a file over the size limit are each handled
 *   on /assess/ and /team/, their main-thread long tasks measured (PerformanceObserver). The goal is no
 *   task over 200 ms; on a loaded 2-core machine refusals measured 220–940 ms and the maximal file 1–3.5 s
 *   (parsing and validation still run on the main thread), so the bounds asserted here are the ones that
 *   catch the old failure (a ~20 s freeze), not yet the goal;
 * - a name with a right-to-left override renders isolated: the rest of its line keeps its order.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { MAX_EVIDENCE, MAX_PERSON_NAME, MAX_REMOVED_RATINGS, MAX_SNAPSHOT_NOTE, MAX_SNAPSHOTS } from '../../src/schemas/assessment-constants.ts';

const site = useSite();
const cs = clientData(checkContent(readContentFiles('.')).content, 'en').frameworks.find((f) => f.id === 'cs-skills')!;

/** Broken JSON with Japanese, an emoji and a right-to-left override: the copy must come back byte for byte. */
const RAW = '{"format":"banso-assessment", broken 山田 \u202Eevil 😀';

async function downloadKept(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="kept-list"] button, [data-kept-notice] button', { hasText: 'Download' }).first().click()]);
  return readFileSync((await download.path())!);
}

async function withContext<T>(fn: (ctx: BrowserContext, page: Page) => Promise<T>): Promise<T> {
  const ctx = await site.browser.newContext({ acceptDownloads: true });
  try {
    return await fn(ctx, await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

describe('corrupt saved data is never overwritten', () => {
  it('self-assessment: rating an element keeps the raw copy; reload keeps it; Discard removes it', () =>
    withContext(async (_ctx, page) => {
      await page.goto(`${site.server.url}assess/`);
      await page.evaluate((raw) => localStorage.setItem('banso:assessment:cs-skills', raw), RAW);
      await page.reload();
      await page.waitForSelector('.assess[data-ready="true"]');
      await expect(page.locator('[role="alert"]').first().textContent()).resolves.toMatch(/could not be read/);
      await page.check('fieldset[data-element="customer-health"] input[value="3"]');
      await page.waitForFunction(() => localStorage.getItem('banso:assessment:cs-skills')?.includes('"customer-health"'));
      expect((await downloadKept(page)).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      await page.reload();
      await page.waitForSelector('.assess[data-ready="true"]');
      expect(await page.isChecked('fieldset[data-element="customer-health"] input[value="3"]')).toBe(true);
      expect((await downloadKept(page)).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      await page.locator('[data-testid="kept-list"] button', { hasText: 'Discard' }).click();
      await page.locator('[data-testid="kept-list"] button', { hasText: 'Discard for good' }).click();
      expect(await page.locator('[data-testid="kept-list"]').count()).toBe(0);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('banso:unreadable:')))).toEqual([]);
    }));

  it('team review: importing a file keeps the raw copy', () =>
    withContext(async (_ctx, page) => {
      await page.goto(`${site.server.url}team/`);
      await page.evaluate((raw) => localStorage.setItem('banso:team', raw), RAW);
      await page.reload();
      await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
      await page.setInputFiles('input[data-testid="import-files"]', 'test/fixtures/team/ito-mika-manager.json');
      await page.waitForSelector('[data-testid="heatmap"]');
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('banso:team')!).entries.length)).toBe(1);
      expect((await downloadKept(page)).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
    }));

  it('onboarding: ticking an item keeps the raw copy, in Japanese too', () =>
    withContext(async (_ctx, page) => {
      for (const [path, download] of [['onboarding/new-csm/', 'Download'], ['ja/onboarding/new-csm/', 'ダウンロード']] as const) {
        await page.goto(site.server.url + path);
        await page.evaluate((raw) => { localStorage.clear(); localStorage.setItem('banso:onboarding:new-csm', raw); }, RAW);
        await page.reload();
        await page.waitForSelector('[data-kept-notice]:not([hidden]) li');
        const box = page.locator('[data-kept-notice]');
        await expect(box.locator('[role="alert"]').textContent()).resolves.toMatch(path.startsWith('ja') ? /読み込めませんでした/ : /could not be read/);
        await page.locator('input[data-item]').first().check();
        await page.waitForFunction(() => localStorage.getItem('banso:onboarding:new-csm')?.startsWith('{"format":1'));
        const [file] = await Promise.all([page.waitForEvent('download'), box.locator('button', { hasText: download }).click()]);
        expect(readFileSync((await file.path())!).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      }
    }));
});

/** The largest file the limits allow: every element and MAX_REMOVED_RATINGS removed ones rated with the longest evidence, MAX_SNAPSHOTS snapshots with the longest notes. */
function maximalFile(): string {
  const a = emptyAssessment(cs, { name: '山'.repeat(MAX_PERSON_NAME), role: 'csm', targetRole: 'senior-csm' }, 'self', { now: new Date('2026-11-24T09:00:00Z') });
  const ids = [...cs.elements.map((e) => e.id), ...Array.from({ length: MAX_REMOVED_RATINGS }, (_, i) => `retired-element-${i}`)];
  a.ratings = Object.fromEntries(ids.map((id, i) => [id, { level: i % (cs.levels.length + 1), evidence: 'あ'.repeat(MAX_EVIDENCE) }]));
  a.snapshots = Array.from({ length: MAX_SNAPSHOTS }, (_, i) => ({
    date: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000 * 7).toISOString().slice(0, 10),
    ratings: Object.fromEntries(ids.map((id, j) => [id, (i + j) % (cs.levels.length + 1)])),
    note: 'メ'.repeat(MAX_SNAPSHOT_NOTE),
  }));
  return serialiseAssessment(a);
}

/** Under 5 MB but far over the rating limits: refused before the schema runs. */
function tooManyRatings(): string {
  const a = emptyAssessment(cs, { name: 'Many' }, 'self', { now: new Date('2026-11-24T09:00:00Z') });
  a.ratings = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`e${i}`, { level: 1 }]));
  return JSON.stringify(a);
}

const LONG_TASKS = () => {
  const w = window as unknown as { __long: number[] };
  w.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask', buffered: false });
};

describe('no input freezes the tab', () => {
  // Files on disk: Playwright hands paths to Chromium directly (a buffer would be decoded by script in the page, itself a long task).
  const dir = mkdtempSync(join(tmpdir(), 'banso-limits-'));
  const made = [
    { name: 'maximal.json', buffer: Buffer.from(maximalFile()) },
    { name: 'many-ratings.json', buffer: Buffer.from(tooManyRatings()) },
    { name: 'over-limit.json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20) },
  ].map((f) => { writeFileSync(join(dir, f.name), f.buffer); return { ...f, path: join(dir, f.name) }; });
  const files = () => made.map((f) => ({ name: f.name, path: f.path }));

  it('the files are what they claim to be', () => {
    const [max, many] = made;
    expect(max.buffer.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(max.buffer.length).toBeLessThan(5 * 1024 * 1024);
    expect(many.buffer.length).toBeLessThan(5 * 1024 * 1024);
  });

  /** Bounds that catch the old freeze (~20 s) on a loaded machine; the goal is 200 ms (see the header). */
  const REFUSAL_MS = 2000;
  const ACCEPT_MS = 8000;

  /** Import each file; the longest main-thread task while it is handled, per file. */
  /** Status (data-status) of each file's result, read as soon as it shows: the report lists only the latest import. */
  const statuses: Record<string, string | null> = {};
  async function longestTasks(page: Page, input: string, done: (name: string) => ReturnType<Page['locator']>): Promise<Record<string, number[]>> {
    const out: Record<string, number[]> = {};
    for (const f of files()) {
      await page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; });
      await page.setInputFiles(input, f.path);
      await done(f.name).waitFor({ timeout: 60_000 });
      statuses[f.name] = await done(f.name).first().getAttribute('data-status');
      await page.waitForTimeout(300);
      out[f.name] = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    }
    return out;
  }

  it('/assess/: files over the limits are refused without freezing the page; the maximal valid file is accepted', () =>
    withContext(async (ctx, page) => {
      await ctx.addInitScript(LONG_TASKS);
      await page.goto(`${site.server.url}assess/`);
      await page.waitForSelector('.assess[data-ready="true"]');
      // Load the validator first (as any import does), so the measure is the work on the file.
      await page.setInputFiles('input[data-testid="import-file"]', { name: 'warm.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
      await page.locator('.notice-box.error', { hasText: 'warm.json' }).waitFor();
      const long = await longestTasks(page, 'input[data-testid="import-file"]', (name) => page.locator('.notice-box', { hasText: name }));
      for (const name of ['many-ratings.json', 'over-limit.json']) expect(Math.max(0, ...long[name]), `${name}: long tasks ${long[name].map(Math.round).join(', ')} ms`).toBeLessThan(REFUSAL_MS);
      expect(Math.max(0, ...long['maximal.json'])).toBeLessThan(ACCEPT_MS);
      console.log(`/assess/ long tasks: ${JSON.stringify(long)} ms (measured while other work ran)`);
      console.log(`/assess/ maximal.json: main-thread long tasks ${long['maximal.json'].map(Math.round).join(', ')} ms (measured while other work ran)`);
      await expect(page.locator('.notice-box.info', { hasText: 'maximal.json' }).count()).resolves.toBe(1);
      await expect(page.locator('.notice-box.error', { hasText: 'many-ratings.json' }).textContent()).resolves.toMatch(/more values than an assessment can have/);
      await expect(page.locator('.notice-box.error', { hasText: 'over-limit.json' }).textContent()).resolves.toMatch(/larger than 5 MB/);
    }), 180_000);

  it('/team/: files over the limits are refused without freezing the page; the maximal valid file is accepted', () =>
    withContext(async (ctx, page) => {
      await ctx.addInitScript(LONG_TASKS);
      await page.goto(`${site.server.url}team/`);
      await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
      const row = (name: string) => page.locator('[data-testid="import-report"] tbody tr', { hasText: name });
      const long = await longestTasks(page, 'input[data-testid="import-files"]', row);
      for (const name of ['many-ratings.json', 'over-limit.json']) expect(Math.max(0, ...long[name]), `${name}: long tasks ${long[name].map(Math.round).join(', ')} ms`).toBeLessThan(REFUSAL_MS);
      expect(Math.max(0, ...long['maximal.json'])).toBeLessThan(ACCEPT_MS);
      console.log(`/team/ long tasks: ${JSON.stringify(long)} ms (measured while other work ran)`);
      console.log(`/team/ maximal.json: main-thread long tasks ${long['maximal.json'].map(Math.round).join(', ')} ms (measured while other work ran)`);
      expect(statuses).toEqual({ 'maximal.json': 'ok', 'many-ratings.json': 'error', 'over-limit.json': 'error' });
    }), 180_000);
});

describe('text direction', () => {
  it('a name with a right-to-left override renders isolated: the badge after it stays to its right', () =>
    withContext(async (_ctx, page) => {
      await page.goto(`${site.server.url}team/`);
      await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
      const a = emptyAssessment(cs, { name: 'Ana \u202Eevil name' }, 'self', { now: new Date('2026-11-24T09:00:00Z') });
      a.ratings = { 'customer-health': { level: 2 } };
      await page.setInputFiles('input[data-testid="import-files"]', { name: 'rtl.json', mimeType: 'application/json', buffer: Buffer.from(serialiseAssessment(a)) });
      await page.waitForSelector('[data-testid="heatmap"]');
      const name = page.locator('[data-testid="heatmap"] tbody .member-name').first();
      expect(await name.evaluate((el) => [el.tagName, getComputedStyle(el).unicodeBidi])).toEqual(['BDI', 'isolate']);
      const badge = page.locator('[data-testid="heatmap"] tbody .member-col .badge').first();
      const [n, b] = [await name.boundingBox(), await badge.boundingBox()];
      // After the name in reading order: to its right on the same line, or on the next line (never before it).
      const sameLine = Math.abs(b!.y + b!.height / 2 - (n!.y + n!.height / 2)) < n!.height / 2;
      if (sameLine) expect(b!.x).toBeGreaterThanOrEqual(n!.x + n!.width - 1);
      else expect(b!.y).toBeGreaterThan(n!.y);
      // The report row says "Ana … · Self · …" in that order too.
      const person = page.locator('[data-testid="import-report"] tbody tr td bdi').first();
      expect(await person.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    }));
});
