/**
 * Nothing a person has is lost, frozen or misread, in real Chromium:
 * - corrupt saved data → an edit, an import or a tick → the raw copy is still downloadable, byte for byte
 *   (self-assessment, team review, onboarding), until it is discarded;
 * - a maximal valid file, a file over the rating limits and a file over the size limit on /assess/ and /team/,
 *   the maximal and an over-limit share link on both, and a page load with the maximal saved value: no
 *   main-thread task over 200 ms (files, links and stored values are read in a Web Worker). Each step
 *   is measured twice: long tasks from a PerformanceObserver ('longtask', buffered), and every task's
 *   main-thread (CPU) time from a Chromium trace. The 200 ms bound is asserted on the main-thread time:
 *   on a 2-core machine shared with other builds the wall time of a 40 ms task was measured at 780 ms
 *   (the thread waiting for a core), so a wall-clock bound would test the machine, not the page. The
 *   observer's wall-clock tasks are asserted under 5 s (what a freeze looks like: ~20 s before the
 *   limits) and printed with the main-thread times at the end. A page load is measured from the mark the
 *   island sets where it starts reading the stored value or link (in a task of its own): the page's
 *   first render before it is the same with nothing stored; /review/ opens the same files;
 * - a name with a right-to-left override renders isolated: the rest of its line keeps its order.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { MAX_SHARE_HASH_LENGTH, toShareHash } from '../../src/lib/assessment/share-link.ts';
import {
  MAX_EVIDENCE,
  MAX_PERSON_NAME,
  MAX_REMOVED_RATINGS,
  MAX_SNAPSHOT_NOTE,
  MAX_SNAPSHOTS,
} from '../../src/schemas/assessment-constants.ts';

const site = useSite();
const cs = clientData(checkContent(readContentFiles('.')).content, 'en').frameworks.find((f) => f.id === 'cs-skills')!;

/** Broken JSON with Japanese, an emoji and a right-to-left override: the copy must come back byte for byte. */
const RAW = '{"format":"banso-assessment", broken 山田 \u202Eevil 😀';

async function downloadKept(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-testid="kept-list"] button, [data-kept-notice] button', { hasText: 'Download' })
      .first()
      .click(),
  ]);
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
      await page.waitForFunction(() =>
        localStorage.getItem('banso:assessment:cs-skills')?.includes('"customer-health"'),
      );
      expect((await downloadKept(page)).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      await page.reload();
      await page.waitForSelector('.assess[data-ready="true"]');
      expect(await page.isChecked('fieldset[data-element="customer-health"] input[value="3"]')).toBe(true);
      expect((await downloadKept(page)).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      await page.locator('[data-testid="kept-list"] button', { hasText: 'Discard' }).click();
      await page.locator('[data-testid="kept-list"] button', { hasText: 'Discard for good' }).click();
      expect(await page.locator('[data-testid="kept-list"]').count()).toBe(0);
      expect(
        await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('banso:unreadable:'))),
      ).toEqual([]);
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
      for (const [path, download] of [
        ['onboarding/new-csm/', 'Download'],
        ['ja/onboarding/new-csm/', 'ダウンロード'],
      ] as const) {
        await page.goto(site.server.url + path);
        await page.evaluate((raw) => {
          localStorage.clear();
          localStorage.setItem('banso:onboarding:new-csm', raw);
        }, RAW);
        await page.reload();
        await page.waitForSelector('[data-kept-notice]:not([hidden]) li');
        const box = page.locator('[data-kept-notice]');
        await expect(box.locator('[role="alert"]').textContent()).resolves.toMatch(
          path.startsWith('ja') ? /読み込めませんでした/ : /could not be read/,
        );
        await page.locator('input[data-item]').first().check();
        await page.waitForFunction(() => localStorage.getItem('banso:onboarding:new-csm')?.startsWith('{"format":1'));
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          box.locator('button', { hasText: download }).click(),
        ]);
        expect(readFileSync((await file.path())!).equals(Buffer.from(RAW, 'utf8'))).toBe(true);
      }
    }));
});

/** The largest file the limits allow: every element and MAX_REMOVED_RATINGS removed ones rated with the longest evidence, MAX_SNAPSHOTS snapshots with the longest notes. */
function maximalFile(): string {
  const a = emptyAssessment(cs, { name: '山'.repeat(MAX_PERSON_NAME), role: 'csm', targetRole: 'senior-csm' }, 'self', {
    now: new Date('2026-11-24T09:00:00Z'),
  });
  const ids = [
    ...cs.elements.map((e) => e.id),
    ...Array.from({ length: MAX_REMOVED_RATINGS }, (_, i) => `retired-element-${i}`),
  ];
  a.ratings = Object.fromEntries(
    ids.map((id, i) => [id, { level: i % (cs.levels.length + 1), evidence: 'あ'.repeat(MAX_EVIDENCE) }]),
  );
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

/** The largest link the limits allow: every element and MAX_REMOVED_RATINGS removed ones, the longest name. */
function maximalLink(): string {
  const a = emptyAssessment(cs, { name: '山'.repeat(MAX_PERSON_NAME), role: 'csm', targetRole: 'senior-csm' }, 'self', {
    now: new Date('2026-11-24T09:00:00Z'),
  });
  const ids = [
    ...cs.elements.map((e) => e.id),
    ...Array.from({ length: MAX_REMOVED_RATINGS }, (_, i) => `retired-element-${i}`),
  ];
  a.ratings = Object.fromEntries(ids.map((id, i) => [id, { level: i % (cs.levels.length + 1) }]));
  return toShareHash(a);
}

/** A link just over the length limit (refused before it is read). */
function overLimitLink(): string {
  const head = maximalLink();
  return head + '~x.1'.repeat(Math.ceil((MAX_SHARE_HASH_LENGTH - head.length) / 4) + 1);
}

/**
 * Long tasks (PerformanceObserver 'longtask': every main-thread task over 50 ms) from the start of
 * each document; the test reads and resets window.__long around each step.
 */
const LONG_TASKS = () => {
  const w = window as unknown as { __long: number[] };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** No main-thread task may take longer than this while a file, link or stored value is handled. */
const MAX_TASK_MS = 200;
/** A wall-clock bound that holds on a busy machine and still catches a freeze (a ~20 s one, before the limits). */
const FREEZE_MS = 5000;

/**
 * The page's main-thread tasks, from a Chromium trace: each task's wall time and its thread (CPU) time.
 * The thread time is what the page itself spent; on a machine shared with other work the wall time of
 * the same task also counts the time the thread waited for a core.
 */
async function traced(page: Page, from?: string): Promise<() => Promise<{ wall: number; cpu: number }[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  }[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as typeof events));
  });
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const renderers = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    // Only the page's renderer: the trace also holds Chromium's own WebUI renderers (the omnibox popup
    // evaluates ~160 ms of modules at times), which made this test fail on work that is not the portal's.
    const main = new Set(
      events
        .filter(
          (e) => renderers.has(`${e.pid}:${e.tid}`) && /http:\/\/127\.0\.0\.1[:/]/.test(JSON.stringify(e.args ?? {})),
        )
        .map((e) => `${e.pid}:${e.tid}`),
    );
    if (main.size === 0) throw new Error('no renderer of the page in the trace');
    // From the island's mark on (the start of reading a stored value or link, in a task of its own), when given.
    const start = from === undefined ? -Infinity : Math.min(...events.filter((e) => e.name === from).map((e) => e.ts));
    if (start === Infinity) throw new Error(`no "${from}" mark in the trace`);
    return events
      .filter(
        (e) =>
          e.ph === 'X' &&
          (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
          main.has(`${e.pid}:${e.tid}`) &&
          e.ts + (e.dur ?? 0) >= start,
      )
      .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
  };
}

describe('no input freezes the tab: main-thread tasks while files, links and stored values are read', () => {
  // Files on disk: Playwright hands paths to Chromium directly (a buffer would be decoded by script in the page, itself a long task).
  const dir = mkdtempSync(join(tmpdir(), 'banso-limits-'));
  const maximal = maximalFile();
  const made = [
    { name: 'maximal.json', buffer: Buffer.from(maximal) },
    { name: 'many-ratings.json', buffer: Buffer.from(tooManyRatings()) },
    { name: 'over-limit.json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20) },
  ].map((f) => {
    writeFileSync(join(dir, f.name), f.buffer);
    return { ...f, path: join(dir, f.name) };
  });
  const files = () => made.map((f) => ({ name: f.name, path: f.path }));

  it('the files and links are what they claim to be', () => {
    const [max, many] = made;
    expect(max.buffer.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(max.buffer.length).toBeLessThan(5 * 1024 * 1024);
    expect(many.buffer.length).toBeLessThan(5 * 1024 * 1024);
    expect(maximalLink().length).toBeLessThan(MAX_SHARE_HASH_LENGTH);
    expect(overLimitLink().length).toBeGreaterThan(MAX_SHARE_HASH_LENGTH);
  });

  /** The longest task of every case (CPU and wall time), printed at the end: the figures the report quotes. */
  const longest: Record<string, { cpu: number; wall: number; observed: number }> = {};
  const take = async (page: Page): Promise<number[]> =>
    page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      const l = w.__long;
      w.__long = [];
      return l;
    });
  /** Start measuring: long tasks seen from now on, and a trace of every main-thread task. */
  async function measure(page: Page, opts: { from?: string } = {}): Promise<(label: string) => Promise<void>> {
    await page.evaluate(() => {
      (window as unknown as { __long?: number[] }).__long = [];
    });
    const stop = await traced(page, opts.from);
    return async (label) => {
      // Let the page settle (two frames and a pause) so the work after the visible result counts too.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForTimeout(300);
      const observed = await take(page);
      const tasks = await stop();
      const cpu = Math.max(0, ...tasks.map((x) => x.cpu));
      longest[label] = {
        cpu: Math.round(cpu),
        wall: Math.round(Math.max(0, ...tasks.map((x) => x.wall))),
        observed: Math.round(Math.max(0, ...observed)),
      };
      const said = `${label}: long tasks ${observed.map(Math.round).join(', ')} ms (PerformanceObserver); longest task's main-thread time ${Math.round(cpu)} ms`;
      expect.soft(cpu, said).toBeLessThan(MAX_TASK_MS);
      expect.soft(Math.max(0, ...observed), said).toBeLessThan(FREEZE_MS);
    };
  }
  afterAll(() =>
    console.log(
      `longest main-thread task per case (ms: main-thread time, wall time in the trace, PerformanceObserver), measured while other work ran: ${JSON.stringify(longest)}`,
    ),
  );

  it(
    '/assess/: the maximal file is accepted, files over the limits refused, and reloading with the maximal saved value, without a long task',
    () =>
      withContext(async (ctx, page) => {
        await ctx.addInitScript(LONG_TASKS);
        await page.goto(`${site.server.url}assess/`);
        await page.waitForSelector('.assess[data-ready="true"]');
        await page.waitForTimeout(300);
        const notice = (name: string) => page.locator('.notice-box', { hasText: name });
        for (const f of files()) {
          const done = await measure(page);
          await page.setInputFiles('input[data-testid="import-file"]', f.path);
          await notice(f.name).waitFor({ timeout: 60_000 });
          await page.waitForSelector('.assess[data-ready="true"]');
          await done(`/assess/ import ${f.name}`);
        }
        await expect(page.locator('.notice-box.info', { hasText: 'maximal.json' }).count()).resolves.toBe(1);
        await expect(notice('many-ratings.json').textContent()).resolves.toMatch(
          /more values than an assessment can have/,
        );
        await expect(notice('over-limit.json').textContent()).resolves.toMatch(/larger than 5 MB/);
        // The maximal file is what is saved now; a later visit reads it.
        await page.waitForFunction(
          (n) => (localStorage.getItem('banso:assessment:cs-skills')?.length ?? 0) > n,
          maximal.length / 4,
        );
        const loaded = await measure(page, { from: 'banso:read-saved' });
        await page.reload();
        await page.waitForSelector('.assess[data-ready="true"]');
        await loaded('/assess/ page load with the maximal saved value');
        await expect(page.locator('[data-testid="history"] li').count()).resolves.toBe(MAX_SNAPSHOTS);
      }),
    180_000,
  );

  it(
    '/assess/: the maximal share link is previewed and loaded, an over-limit link refused, without a long task',
    () =>
      withContext(async (ctx, page) => {
        await ctx.addInitScript(LONG_TASKS);
        let done = await measure(page, { from: 'banso:read-link' });
        await page.goto(`${site.server.url}assess/${maximalLink()}`);
        await page.waitForSelector('[data-testid="shared-preview"]', { timeout: 60_000 });
        await done('/assess/ page load with the maximal share link');
        done = await measure(page);
        await page.click('[data-testid="shared-preview"] button.primary');
        await page.waitForFunction(() =>
          localStorage.getItem('banso:assessment:cs-skills')?.includes('retired-element-49'),
        );
        await done('/assess/ load the maximal share link');
        await page.goto('about:blank');
        done = await measure(page, { from: 'banso:read-link' });
        await page.goto(`${site.server.url}assess/${overLimitLink()}`);
        await page.locator('.notice-box.error', { hasText: 'share link' }).waitFor({ timeout: 60_000 });
        await done('/assess/ page load with an over-limit share link');
      }),
    180_000,
  );

  it(
    '/team/: the maximal file and links are accepted, files and links over the limits refused, and reloading with the team saved, without a long task',
    () =>
      withContext(async (ctx, page) => {
        await ctx.addInitScript(LONG_TASKS);
        await page.goto(`${site.server.url}team/`);
        await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
        await page.waitForTimeout(300);
        const row = (name: string) => page.locator('[data-testid="import-report"] tbody tr', { hasText: name });
        const statuses: Record<string, string | null> = {};
        for (const f of files()) {
          const done = await measure(page);
          await page.setInputFiles('input[data-testid="import-files"]', f.path);
          await row(f.name).waitFor({ timeout: 60_000 });
          statuses[f.name] = await row(f.name).first().getAttribute('data-status');
          await done(`/team/ import ${f.name}`);
        }
        expect(statuses).toEqual({ 'maximal.json': 'ok', 'many-ratings.json': 'error', 'over-limit.json': 'error' });
        await page.fill('[data-testid="links"]', `${maximalLink()}\n${overLimitLink()}`);
        let done = await measure(page);
        await page.click('button:has-text("Import links")');
        await row('Link on line 2').waitFor({ timeout: 60_000 });
        await done('/team/ import the maximal and an over-limit share link');
        expect(await row('Link on line 1').getAttribute('data-status')).toBe('ok');
        expect(await row('Link on line 2').getAttribute('data-status')).toBe('error');
        done = await measure(page, { from: 'banso:read-saved' });
        await page.reload();
        await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
        await page.waitForSelector('[data-testid="heatmap"]');
        await done('/team/ page load with the saved team');
        expect(await page.evaluate(() => JSON.parse(localStorage.getItem('banso:team')!).entries.length)).toBe(2);
      }),
    180_000,
  );

  it(
    '/review/: the maximal file (it rates removed elements) and files over the limits are refused by name, without a long task',
    () =>
      withContext(async (ctx, page) => {
        await ctx.addInitScript(LONG_TASKS);
        await page.goto(`${site.server.url}review/`);
        await page.waitForSelector('[data-testid="manager-review"][data-ready="true"]');
        await page.waitForTimeout(300);
        for (const f of files()) {
          const done = await measure(page);
          await page.setInputFiles('[data-testid="review-open-file"]', f.path);
          // The maximal file holds ratings of removed elements, which a review refuses: by name, at once.
          await page.locator('.notice-box.error', { hasText: f.name }).waitFor({ timeout: 60_000 });
          await done(`/review/ open ${f.name}`);
        }
        await expect(page.locator('.notice-box.error', { hasText: 'over-limit.json' }).textContent()).resolves.toMatch(
          /larger than 5 MB/,
        );
      }),
    180_000,
  );
});

describe('text direction', () => {
  it('a name with a right-to-left override renders isolated: the badge after it stays to its right', () =>
    withContext(async (_ctx, page) => {
      await page.goto(`${site.server.url}team/`);
      await page.waitForSelector('[data-testid="team-review"][data-ready="true"]');
      const a = emptyAssessment(cs, { name: 'Ana \u202Eevil name' }, 'self', { now: new Date('2026-11-24T09:00:00Z') });
      a.ratings = { 'customer-health': { level: 2 } };
      await page.setInputFiles('input[data-testid="import-files"]', {
        name: 'rtl.json',
        mimeType: 'application/json',
        buffer: Buffer.from(serialiseAssessment(a)),
      });
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
