/**
 * The batch page with large CSVs in Chromium (`npm run bench -- --only batch-stream`, and part of the
 * full bench): writes synthetic account files of 100,000 and 1,000,000 rows (scripts/lib/synthetic.ts),
 * loads each through /health/batch/ of a built site (file input → read in the worker → score and
 * backtest), and measures rows per second, the peak JS heap of the page and of its worker (CDP
 * Runtime.getHeapUsage, sampled while the file is read and scored) and the longest main-thread task.
 * The peak heap at 1M rows has a budget (budgets.json, memory); timings are only reported.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { CDPSession, Page } from 'playwright-core';
import { syntheticAccountsCsvParts } from './lib/synthetic.ts';

export interface StreamBenchResult {
  rows: number;
  fileMB: number;
  /** Reading the file (encoding, header, labels) and scoring + backtest, in seconds. */
  readS: number;
  scoreS: number;
  rowsPerS: number;
  peakPageHeapMB: number;
  peakWorkerHeapMB: number;
  /** Largest page + worker heap seen at one time. */
  peakHeapMB: number;
  longestTaskMs: number;
  scored: number;
}

async function writeCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const part of syntheticAccountsCsvParts(rows, 5, 20_000)) {
    bytes += Buffer.byteLength(part);
    if (!out.write(part)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

const MB = 1024 * 1024;

/**
 * Samples the heap of the page and of its dedicated workers. Workers are reached through the page's
 * own CDP session (Target.setAutoAttach without flattening, messages wrapped in sendMessageToTarget).
 */
async function heapSampler(cdp: CDPSession) {
  const workers = new Set<string>();
  const pending = new Map<number, (used: number) => void>();
  let seq = 0;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => void workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)!(m.result?.usedSize ?? 0);
      pending.delete(m.id);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = (sessionId: string) =>
    new Promise<number>((resolve) => {
      const id = ++seq;
      pending.set(id, resolve);
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(0));
      setTimeout(() => {
        if (pending.delete(id)) resolve(0);
      }, 2000);
    });
  const peak = { page: 0, worker: 0, sum: 0 };
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const page = (await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }))).usedSize;
      let worker = 0;
      for (const s of workers) worker += await workerHeap(s);
      peak.page = Math.max(peak.page, page);
      peak.worker = Math.max(peak.worker, worker);
      peak.sum = Math.max(peak.sum, page + worker);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    reset() {
      peak.page = peak.worker = peak.sum = 0;
    },
    async stop() {
      stop = true;
      await loop;
      return peak;
    },
    peak,
  };
}

async function runOne(
  page: Page,
  cdp: CDPSession,
  url: string,
  file: string,
  rows: number,
  bytes: number,
): Promise<StreamBenchResult> {
  await page.goto(url);
  await page.waitForSelector('.health-batch[data-ready="true"]');
  await cdp.send('HeapProfiler.collectGarbage');
  const sampler = await heapSampler(cdp);
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
  const t0 = performance.now();
  await page.setInputFiles('input[data-testid="csv-file"]', file);
  await page.waitForSelector('[data-testid="file-facts"]', { timeout: 600_000 });
  await page.waitForSelector('[data-testid="score"]:not([disabled])', { timeout: 600_000 });
  const t1 = performance.now();
  await page.click('[data-testid="score"]');
  await page.waitForSelector('[data-testid="results-table"][data-loading="false"]', { timeout: 1_200_000 });
  const t2 = performance.now();
  const peak = await sampler.stop();
  const summary = await page.textContent('[data-testid="results-summary"]');
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const scored = Number((summary ?? '').match(/([\d,]+) scored/)?.[1]?.replace(/,/g, '') ?? NaN);
  return {
    rows,
    fileMB: Number((bytes / MB).toFixed(1)),
    readS: Number(((t1 - t0) / 1000).toFixed(2)),
    scoreS: Number(((t2 - t1) / 1000).toFixed(2)),
    rowsPerS: Math.round(rows / ((t2 - t0) / 1000)),
    peakPageHeapMB: Math.round(peak.page / MB),
    peakWorkerHeapMB: Math.round(peak.worker / MB),
    peakHeapMB: Math.round(peak.sum / MB),
    longestTaskMs: Math.round(longest),
    scored,
  };
}

/** Runs the large-file batch bench against a built site (its dist directory). */
export async function benchBatchStream(
  dist: string,
  sizes = [100_000, 1_000_000],
  log: (s: string) => void = () => {},
): Promise<StreamBenchResult[]> {
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  const { startStaticServer } = await import('../test/helpers/static-server.ts');
  const { siteHeaderPolicy } = await import('../test/helpers/site-csp.ts');
  const dir = mkdtempSync(join(tmpdir(), 'banso-batch-'));
  const server = await startStaticServer({ root: dist, csp: siteHeaderPolicy(dist) });
  const browser = await launchBrowser();
  const out: StreamBenchResult[] = [];
  try {
    for (const rows of sizes) {
      const file = join(dir, `accounts-${rows}.csv`);
      const bytes = await writeCsv(file, rows);
      log(`batch-stream: ${rows.toLocaleString('en-US')} rows, ${(bytes / MB).toFixed(1)} MB …`);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      // The longest main-thread task while the file is read and scored: how responsive the page stays.
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await page.context().newCDPSession(page);
      try {
        const r = await runOne(page, cdp, `${server.url}health/batch/`, file, rows, bytes);
        if (r.scored !== rows) throw new Error(`${r.scored} of ${rows} rows scored`);
        log(`batch-stream: ${JSON.stringify(r)}`);
        out.push(r);
      } finally {
        await page.close();
        rmSync(file, { force: true });
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
