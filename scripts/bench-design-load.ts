/**
 * The model designer page with a large file in Chromium (`npm run bench -- --only design`, against
 * the built site in dist/ or BANSO_DIST): loads 100,000 accounts × 12 measures through
 * /health/design/ (file input → read in the worker → columns profiled), builds the design, runs
 * "suggest weights" to the end, and reports the time of each step and the longest main-thread task
 * while the file loads and while the design is built and fitted: how responsive the page stays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESIGN_BENCH_HEADERS, syntheticDesignRows } from './bench-design-data.ts';

export interface DesignLoadResult {
  rows: number;
  /** File chosen → columns listed. */
  loadMs: number;
  /** "Build" → backtest shown. */
  buildMs: number;
  /** "Suggest weights" → cross-validation table shown. */
  fitMs: number;
  longestLoadTaskMs: number;
  longestFitTaskMs: number;
}

type Watch = { __long: number[] };

const longest = async (page: Page): Promise<number> => {
  const long = await page.evaluate(() => {
    const w = window as unknown as Watch;
    const out = w.__long;
    w.__long = [];
    return out;
  });
  return Math.round(Math.max(0, ...long));
};

async function runOne(page: Page, url: string, csv: string, rows: number): Promise<DesignLoadResult> {
  await page.goto(url);
  await page.waitForSelector('.health-design[data-ready="true"]');
  await longest(page);
  const t0 = performance.now();
  // A file on disk: the browser reads it itself (a buffer would be rebuilt by script in the page).
  await page.setInputFiles('input[data-testid="csv-file"]', csv, { timeout: 600_000 });
  await page.waitForSelector('[data-testid="columns-table"]', { timeout: 600_000 });
  await page.waitForSelector('[data-testid="build"]:not([disabled])', { timeout: 600_000 });
  const t1 = performance.now();
  const longestLoadTaskMs = await longest(page);
  await page.click('[data-testid="build"]');
  await page.waitForSelector('[data-testid="auc"]', { timeout: 600_000 });
  const t2 = performance.now();
  await page.click('[data-testid="suggest-weights"]');
  await page.waitForSelector('[data-testid="cv-table"]', { timeout: 600_000 });
  const t3 = performance.now();
  const longestFitTaskMs = await longest(page);
  return {
    rows,
    loadMs: Math.round(t1 - t0),
    buildMs: Math.round(t2 - t1),
    fitMs: Math.round(t3 - t2),
    longestLoadTaskMs,
    longestFitTaskMs,
  };
}

/** Runs the designer page `runs` times on one 100,000-row file; one result per run. */
export async function benchDesignLoad(
  dist: string,
  runs = 3,
  rows = 100_000,
  log: (s: string) => void = () => {},
): Promise<DesignLoadResult[]> {
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  const { startStaticServer } = await import('../test/helpers/static-server.ts');
  const { siteHeaderPolicy } = await import('../test/helpers/site-csp.ts');
  const dir = mkdtempSync(join(tmpdir(), 'banso-design-'));
  const csv = join(dir, 'accounts.csv');
  writeFileSync(
    csv,
    [DESIGN_BENCH_HEADERS.join(','), ...syntheticDesignRows(rows, 7).map((r) => r.join(','))].join('\n'),
  );
  const server = await startStaticServer({ root: dist, csp: siteHeaderPolicy(dist) });
  const browser = await launchBrowser();
  const out: DesignLoadResult[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      // Every main-thread task over 50 ms, from the page's start.
      await page.addInitScript(() => {
        const w = window as unknown as Watch;
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      try {
        const r = await runOne(page, `${server.url}health/design/`, csv, rows);
        log(`design page run ${i + 1}/${runs}: ${JSON.stringify(r)}`);
        out.push(r);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
