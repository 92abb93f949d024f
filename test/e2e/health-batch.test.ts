/**
 * Batch scoring and backtest in real Chromium under the site's CSP: files in UTF-8 with BOM and
 * Shift_JIS (file input, keyboard-opened picker, drag and drop), the mapping guessed, scoring in
 * the Web Worker, the AUC equal to the library's, charts that really drew, bad rows listed with
 * their row numbers, the scored CSV export, a PNG rejected without losing results, axe, the
 * worker's throughput on 10,000 generated rows (logged, not asserted), and a 20,000-row file read
 * and scored in chunks with progress, the one-shot library's summary, pages and cancel.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { NO_PROBLEMS, type PageProblems } from '../helpers/page-watch.ts';
import { prng } from '../helpers/prng.ts';
import { loadModel } from '../helpers/health-fixtures.ts';
import { runBatch } from '../../src/lib/health/worker-protocol.ts';
import { decodeBytes, parseCsv } from '../../src/lib/health/csv.ts';
import { formatAuc } from '../../src/lib/health/number-format.ts';
import { sortResultRows } from '../../src/lib/health/results-table.ts';
import { syntheticAccountsCsvParts } from '../../scripts/lib/synthetic.ts';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';
import { watchLongTasks } from '../helpers/long-tasks.ts';

const fixtureDir = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));
const fixture = (name: string) => `${fixtureDir}${name}`;
const high = loadModel('high-touch-health');
const tech = loadModel('tech-touch-health');

const site = useSite();

async function open(path = 'health/batch/'): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const { context, page, problems } = await openWatched(site, {
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
  });
  await page.goto(site.server.url + path);
  await page.locator('.health-batch').scrollIntoViewIfNeeded();
  await page.waitForSelector('.health-batch[data-ready="true"]');
  return { context, page, problems };
}

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.setInputFiles('input[data-testid="csv-file"]', file);
}

async function loaded(page: Page, name: string) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="file-name"]')?.textContent === n, name);
  // The drop zone is disabled while a file is read: wait until it is usable again.
  await page.waitForSelector('[data-testid="drop-zone"]:not([disabled])');
}

async function score(page: Page) {
  await page.click('[data-testid="score"]');
  await page.waitForSelector('[data-testid="results-table"]');
  await page.waitForSelector('[data-testid="progress"]', { state: 'detached' });
}

function drawnPixels(page: Page, testid: string): Promise<number> {
  return drawnPixelsOf(page, `canvas[data-testid="${testid}"]`);
}

const selectedText = (page: Page, testid: string) =>
  page.$eval(`select[data-testid="${testid}"]`, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
/** The row numbers shown, once the page of rows the table asked its worker for has come. */
async function tableRows(page: Page): Promise<number[]> {
  await page.waitForSelector('[data-testid="results-table"][data-loading="false"]');
  return page.$$eval('[data-testid="results-table"] tbody tr', (trs) =>
    trs.map((tr) => Number(tr.getAttribute('data-row'))),
  );
}

describe('health batch scoring', () => {
  it('reads UTF-8 with BOM (file input) and Shift_JIS (keyboard-opened picker, then drag and drop): encoding, rows and mapping', async () => {
    const { context, page, problems } = await open();
    await upload(page, fixture('accounts-utf8-bom.csv'));
    await loaded(page, 'accounts-utf8-bom.csv');
    expect(await page.textContent('[data-testid="encoding"]')).toBe('UTF-8 with BOM');
    expect(await page.textContent('[data-testid="row-count"]')).toBe('4');
    expect(await selectedText(page, 'map-licence-utilisation')).toBe('ライセンス利用率（%）');
    expect(await selectedText(page, 'map-csm-sentiment')).toBe('ＣＳＭセンチメント');
    expect(await selectedText(page, 'map-account')).toBe('アカウント名');
    expect(await selectedText(page, 'map-outcome')).toBe('解約');

    // The drop zone is a button: Enter opens the file picker.
    // (Checked through the file input's click, which is what opens the picker: waiting for Playwright's
    // filechooser event races with enabling its interception on a loaded machine.)
    await page.$eval('input[data-testid="csv-file"]', (i) =>
      i.addEventListener(
        'click',
        (e) => {
          (window as unknown as { pickerOpened: boolean }).pickerOpened = true;
          e.preventDefault();
        },
        { once: true },
      ),
    );
    await page.focus('[data-testid="drop-zone"]');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { pickerOpened?: boolean }).pickerOpened === true))
      .toBe(true);
    await upload(page, fixture('accounts-sjis.csv'));
    await loaded(page, 'accounts-sjis.csv');
    expect(await page.textContent('[data-testid="encoding"]')).toBe('Shift_JIS (Japanese Excel)');
    expect(await selectedText(page, 'map-licence-utilisation')).toBe('ライセンス利用率(%)');
    expect(
      await page.$$eval(
        '[data-testid="mapping"] select',
        (ss) => ss.filter((s) => (s as HTMLSelectElement).value !== '').length,
      ),
    ).toBe(14);

    // Drag and drop the UTF-8 file onto the zone.
    const bytes = [...readFileSync(fixture('accounts-utf8.csv'))];
    const dt = await page.evaluateHandle(
      ({ bytes, name }) => {
        const d = new DataTransfer();
        d.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
        return d;
      },
      { bytes, name: 'accounts-utf8.csv' },
    );
    await page.dispatchEvent('[data-testid="drop-zone"]', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: dt });
    await loaded(page, 'accounts-utf8.csv');
    expect(await page.textContent('[data-testid="encoding"]')).toBe('UTF-8');
    expect(await page.textContent('[data-testid="row-count"]')).toBe('6');
    // The file was parsed in the Web Worker, loaded from this origin under the CSP.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/\/_astro\/health-batch\.worker-[\w-]+\.js$/),
    ]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('backtests a file with outcomes: AUC equals the library’s, ROC and band charts drew, churn per band; then exports and survives a PNG', async () => {
    const { context, page, problems } = await open();
    await page.selectOption('[data-testid="model"]', 'tech-touch-health');
    await upload(page, fixture('backtest-outcomes.csv'));
    await loaded(page, 'backtest-outcomes.csv');
    expect(await page.textContent('[data-testid="row-count"]')).toBe('40');
    expect(await selectedText(page, 'map-outcome')).toBe('Outcome');
    // Map the labels nobody could guess.
    await page.selectOption('[data-testid="values-onboarding-checklist"] select[data-label="Done"]', 'yes');
    await page.selectOption('[data-testid="values-onboarding-checklist"] select[data-label="Open"]', 'no');
    await page.selectOption('[data-testid="values-outcome"] select[data-label="Active"]', 'renewed');
    expect(await page.$('[data-testid="unresolved"]')).toBeNull();
    await score(page);

    const expected = (
      await runBatch({
        model: tech,
        bytes: new Uint8Array(readFileSync(fixture('backtest-outcomes.csv'))),
        valueMaps: { 4: { Done: 'yes', Open: 'no' }, 7: { Active: 'renewed' } },
      })
    ).backtest!;
    expect(expected.auc).toBeCloseTo(337 / 375, 12);
    expect(await page.getAttribute('[data-testid="auc"]', 'data-auc')).toBe(String(expected.auc));
    expect(await page.textContent('[data-testid="auc"]')).toBe(formatAuc(expected.auc));
    expect(await page.textContent('[data-testid="auc-level"]')).toBe('Strong');
    const churn = await page.$$eval('[data-testid="churn-table"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-band'),
        ...[...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent),
      ]),
    );
    expect(churn).toEqual(
      expected.bands.map((b) => [b.id, String(b.count), String(b.churned), `${Math.round(b.rate! * 1000) / 10}%`]),
    );
    expect(await page.textContent('[data-testid="bt-ratio"]')).toMatch(/churned 6\.9× as often/);
    // The ROC table alternative has one row per curve point; the charts really drew.
    expect(await page.locator('[data-testid="roc-table"] tbody tr').count()).toBe(expected.roc.length);
    expect(await drawnPixels(page, 'roc-chart')).toBeGreaterThan(2000);
    expect(await drawnPixels(page, 'band-chart')).toBeGreaterThan(2000);
    expect(await axeSerious(page)).toEqual([]);

    // Export: a UTF-8 file with BOM whose rows parse back, one per account, with score and band.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export"]')]);
    expect(download.suggestedFilename()).toMatch(/^backtest-outcomes-scored-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = parseCsv(decodeBytes(new Uint8Array(bytes)).text);
    expect(back.errors).toEqual([]);
    expect(back.headers).toEqual([
      'Account',
      'Weekly active admins',
      'Days since last login',
      'Key features used',
      'Onboarding checklist',
      'In-app NPS',
      'Failed payments',
      'Outcome',
      'score',
      'band',
      'coverage (%)',
      'status',
      'warnings',
    ]);
    expect(back.rows).toHaveLength(40);
    expect(back.rows.every((r) => /^\d+\.\d$/.test(r[8]) && r[11] === 'ok')).toBe(true);
    expect(new Set(back.rows.map((r) => r[9]))).toEqual(
      new Set(['Red — at risk', 'Yellow — watch', 'Green — healthy']),
    );

    // A PNG (a real one: this page's screenshot) is refused by name; the results stay.
    const before = await tableRows(page);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 40, height: 40 } });
    await upload(page, { name: 'dashboard.png', mimeType: 'image/png', buffer: png });
    const alert = page.locator('[role="alert"]', { hasText: 'dashboard.png' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Could not use “dashboard.png”. Nothing was changed.This is a PNG file, not a CSV.',
    );
    expect(await tableRows(page)).toEqual(before);
    expect(await page.getAttribute('[data-testid="auc"]', 'data-auc')).toBe(String(expected.auc));
    expect(await page.textContent('[data-testid="file-name"]')).toBe('backtest-outcomes.csv');
    // The same bytes renamed .csv are refused too.
    await upload(page, { name: 'renamed.csv', mimeType: 'text/csv', buffer: png });
    await page.locator('[role="alert"]', { hasText: 'renamed.csv' }).waitFor();
    expect(await tableRows(page)).toEqual(before);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('lists bad rows with their row numbers and reasons while the good rows are scored; sorts with aria-sort', async () => {
    const { context, page, problems } = await open();
    await upload(page, fixture('accounts-bad-rows.csv'));
    await loaded(page, 'accounts-bad-rows.csv');
    await score(page);
    const bad = await page.$$eval('[data-testid="bad-rows"] li', (lis) =>
      lis.map((li) => [li.getAttribute('data-row'), li.textContent]),
    );
    expect(bad.map(([row]) => row)).toEqual(['3', '5', '6', '7']);
    expect(bad[0][1]).toBe(
      'Row 3 (bad-number): “abc” in column “licence utilisation” is not a number (Licence utilisation).',
    );
    expect(bad[1][1]).toBe(
      'Row 5 (bad-sentiment): “purple” in column “csm sentiment” is not red, yellow or green (CSM sentiment).',
    );
    expect(bad[3][1]).toBe(
      'Row 7 (bad-decimal-comma): “1,5” in column “support tickets” is not a number (Support tickets per month).',
    );
    expect(await tableRows(page)).toEqual([2, 4, 8]);
    expect(await page.textContent('[data-testid="results-summary"]')).toBe(
      '7 rows read: 3 scored (3 of them with insufficient data for a colour), 4 with problems.',
    );
    // Keyboard sorting: the account header's button.
    await page.focus('[data-testid="results-table"] button[data-sort="account"]');
    await page.keyboard.press('Enter');
    expect(
      await page.getAttribute('[data-testid="results-table"] th:has(button[data-sort="account"])', 'aria-sort'),
    ).toBe('ascending');
    await page.keyboard.press('Enter');
    expect(
      await page.getAttribute('[data-testid="results-table"] th:has(button[data-sort="account"])', 'aria-sort'),
    ).toBe('descending');
    expect(await tableRows(page)).toEqual([8, 4, 2]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('works in Japanese and passes axe', async () => {
    const { context, page, problems } = await open('ja/health/batch/');
    expect(await page.textContent('h1')).toBe('ヘルススコアの一括採点とバックテスト');
    expect(await axeSerious(page)).toEqual([]);
    await upload(page, fixture('accounts-sjis.csv'));
    await loaded(page, 'accounts-sjis.csv');
    expect(await page.textContent('[data-testid="encoding"]')).toBe('Shift_JIS（日本語版Excel）');
    await score(page);
    expect(await page.textContent('[data-testid="results-summary"]')).toBe(
      '4 行を読み込みました。採点 4 行（うちデータ不足で色なし 0 行）、問題のある行 0 行。',
    );
    expect(await page.textContent('[data-testid="bt-overall"]')).toContain('解約 2 件、更新 2 件');
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('scores 10,000 generated rows in the worker with a progress bar, cancellable (throughput logged)', async () => {
    const rand = prng(10_000);
    const lines = [
      'Account ID,Licence utilisation,active_users_trend,Key features used,CSM Sentiment,Support tickets,Payment issues,Success plan,Goals on track,NPS,CES,Days since last meeting,Executive sponsor,Churned',
    ];
    for (let i = 0; i < 10_000; i++) {
      const health = rand();
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      lines.push(
        [
          `acct-${String(i).padStart(5, '0')}`,
          Math.round(health * 100),
          Math.round((health - 0.5) * 40),
          Math.round(health * 6),
          pick(['red', 'yellow', 'green']),
          Math.round((1 - health) * 25),
          rand() < 0.1 ? 'yes' : 'no',
          rand() < health ? 'yes' : 'no',
          Math.round(health * 100),
          Math.round(health * 10),
          (1 + health * 6).toFixed(1),
          Math.round((1 - health) * 120),
          rand() < health ? 'yes' : 'no',
          rand() < 0.6 - health * 0.5 ? 'churned' : 'renewed',
        ].join(','),
      );
    }
    const csv = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    const { context, page, problems } = await open();
    await upload(page, { name: 'ten-thousand.csv', mimeType: 'text/csv', buffer: csv });
    await loaded(page, 'ten-thousand.csv');
    expect(await page.textContent('[data-testid="row-count"]')).toBe('10,000');
    // Cancel a first run: the worker stops between chunks and nothing is shown.
    await page.click('[data-testid="score"]');
    await page.click('[data-testid="progress"] [data-testid="cancel"]');
    await page.locator('[data-testid="notice"]', { hasText: 'Scoring was cancelled.' }).waitFor();
    expect(await page.$('[data-testid="results-table"]')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('score');
    // Watch the page's main thread for long tasks while the worker scores.
    const readLongTasks = await watchLongTasks(page);
    const t0 = Date.now();
    await page.click('[data-testid="score"]');
    await page.waitForSelector('[data-testid="progress"] progress');
    await page.waitForSelector('[data-testid="results-table"]');
    const ms = Date.now() - t0;
    const longTasks = await readLongTasks();
    expect(await page.textContent('[data-testid="results-summary"]')).toMatch(/^10,000 rows read: 10,000 scored/);
    // The table appears first; its page of rows follows from the worker.
    await expect.poll(() => page.locator('[data-testid="results-table"] tbody tr').count()).toBe(100);
    await expect
      .poll(() => page.textContent('[data-testid="page-status"]'))
      .toBe('Rows 1–100 of 10,000 (page 1 of 100)');
    console.log(
      `[health-batch] 10,000 rows (${(csv.length / 1024).toFixed(0)} KB) scored and backtested in ${ms} ms from click to table: ` +
        `${Math.round(10_000 / (ms / 1000)).toLocaleString('en')} rows/s; main-thread long tasks: ${longTasks.length} (longest ${Math.round(Math.max(0, ...longTasks))} ms)`,
    );
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it('streams a 20,000-row file through the worker: progress while reading and scoring, the one-shot summary and AUC, pages from the worker, and a cancel that stops a rerun', async () => {
    const csv = Buffer.from([...syntheticAccountsCsvParts(20_000, 11)].join(''), 'utf8');
    const expected = await runBatch({ model: high, bytes: new Uint8Array(csv) });
    const insufficient = expected.scored.filter((s) => s.result.status === 'insufficient-data').length;
    const { context, page, problems } = await open();
    // Every text the progress status shows, as the page shows it.
    await page.evaluate(() => {
      const w = window as unknown as { progressTexts: string[] };
      w.progressTexts = [];
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="progress"] [role="status"]')?.textContent;
        if (t && w.progressTexts.at(-1) !== t) w.progressTexts.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await upload(page, { name: 'twenty-thousand.csv', mimeType: 'text/csv', buffer: csv });
    await loaded(page, 'twenty-thousand.csv');
    expect(await page.textContent('[data-testid="row-count"]')).toBe('20,000');
    await score(page);
    await page.waitForSelector('[data-testid="results-table"][data-loading="false"]');
    const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    expect(texts.some((t) => /^[\d,]+ rows read \(\d+% of the file\)$/.test(t))).toBe(true);
    const scoring = texts.filter((t) => /^[\d,]+ of 20,000 rows \(\d+%\)$/.test(t));
    expect(scoring.length).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('[data-testid="results-summary"]')).toBe(
      `20,000 rows read: ${expected.scored.length.toLocaleString('en-US')} scored (${insufficient.toLocaleString('en-US')} of them with insufficient data for a colour), ${expected.bad.length} with problems.`,
    );
    expect(await page.getAttribute('[data-testid="auc"]', 'data-auc')).toBe(String(expected.backtest!.auc));
    expect(await page.textContent('[data-testid="page-status"]')).toBe('Rows 1–100 of 20,000 (page 1 of 200)');
    // The last page, sorted by score, comes from the worker's compact arrays and the file.
    await page.click('[data-testid="results-table"] button[data-sort="score"]');
    await page.click('.pager button:last-child');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="page-status"]')?.textContent ===
        'Rows 19,901–20,000 of 20,000 (page 200 of 200)',
    );
    await page.waitForSelector('[data-testid="results-table"][data-loading="false"]');
    const lastRows = await page.$$eval('[data-testid="results-table"] tbody tr', (trs) =>
      trs.map((tr) => Number(tr.getAttribute('data-row'))),
    );
    const byScore = sortResultRows(expected.scored, expected.rows, { key: 'score', dir: 'asc' }, 'en')
      .slice(-100)
      .map((s) => s.row);
    expect(lastRows).toEqual(byScore);

    // Score again and cancel at once (progress was checked above; waiting for it here would race a
    // fast machine's finish): the worker stops, the previous results stay.
    await page.click('[data-testid="score"]');
    await page.click('[data-testid="progress"] [data-testid="cancel"]');
    await page
      .locator('[data-testid="notice"]', { hasText: 'Scoring was cancelled. The previous results are kept.' })
      .waitFor();
    await page.waitForSelector('[data-testid="progress"]', { state: 'detached' });
    expect(await page.textContent('[data-testid="results-summary"]')).toMatch(/^20,000 rows read: /);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  }, 300_000);
});
