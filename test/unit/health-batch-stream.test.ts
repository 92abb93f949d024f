import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HealthModel } from '../../src/schemas/health.ts';
import { BatchRun, inspectFile, MAX_LISTED, type BatchSummary } from '../../src/lib/health/batch-session.ts';
import { BatchCancelled, runBatch, type BatchOutput } from '../../src/lib/health/worker-protocol.ts';
import { bandDistribution } from '../../src/lib/health/backtest-story.ts';
import { auc, BacktestTally, backtest } from '../../src/lib/health/backtest.ts';
import { decodeBytes, guessMapping, parseCsv, toScoredCsv, type ValueMaps } from '../../src/lib/health/csv.ts';
import { pageOf, sortResultRows, type ResultColumn } from '../../src/lib/health/results-table.ts';
import { valueSteps } from '../../src/lib/health/value-labels.ts';
import { syntheticAccountsCsv } from '../../scripts/lib/synthetic.ts';
import { csvFixture, loadModel } from '../helpers/health-fixtures.ts';

const high = loadModel('high-touch-health');
const tech = loadModel('tech-touch-health');

interface Case {
  name: string;
  model: HealthModel;
  bytes: Uint8Array<ArrayBuffer>;
  valueMaps?: ValueMaps;
}
const CASES: Case[] = [
  { name: 'accounts-utf8.csv', model: high, bytes: csvFixture('accounts-utf8.csv') },
  { name: 'accounts-utf8-bom.csv', model: high, bytes: csvFixture('accounts-utf8-bom.csv') },
  { name: 'accounts-sjis.csv', model: high, bytes: csvFixture('accounts-sjis.csv') },
  { name: 'accounts-crlf-quoted.csv', model: high, bytes: csvFixture('accounts-crlf-quoted.csv') },
  { name: 'accounts-bad-rows.csv', model: high, bytes: csvFixture('accounts-bad-rows.csv') },
  {
    name: 'backtest-outcomes.csv',
    model: tech,
    bytes: csvFixture('backtest-outcomes.csv'),
    valueMaps: { 4: { Done: 'yes', Open: 'no' }, 7: { Active: 'renewed' } },
  },
];

/** A synthetic file with bad cells, out-of-range values, unreadable outcomes and quoted Japanese names. */
function messyCsv(rows: number, seed: number): Uint8Array<ArrayBuffer> {
  const lines = syntheticAccountsCsv(rows, seed).trimEnd().split('\n');
  const out = lines.map((l, i) => {
    if (i === 0) return l;
    const cells = l.split(',');
    if (i % 17 === 0) cells[1] = 'abc';
    if (i % 13 === 0) cells[1] = '180';
    if (i % 11 === 0) cells[13] = 'maybe';
    if (i % 7 === 0) cells[0] = `"株式会社${i}, ""東京"""`;
    return cells.join(',');
  });
  return new TextEncoder().encode(`${out.join('\r\n')}\r\n`) as Uint8Array<ArrayBuffer>;
}

async function oneShot(c: Case): Promise<BatchOutput> {
  return runBatch({ model: c.model, bytes: c.bytes, valueMaps: c.valueMaps });
}

async function streamed(c: Case, chunkBytes = 1 << 20, sniffChars?: number): Promise<BatchRun> {
  const mapping = guessMapping(parseCsv(decodeBytes(c.bytes).text).headers, c.model);
  return BatchRun.score(
    new Blob([c.bytes]),
    { model: c.model, mapping, valueMaps: c.valueMaps },
    { chunkBytes, sniffChars },
  );
}

/** The summary the one-shot output gives (lists capped as the streamed run caps them). */
function expectedSummary(out: BatchOutput, model: HealthModel): Omit<BatchSummary, 'encoding'> {
  const warned = out.scored
    .filter((s) => s.warnings?.length)
    .map(({ row, index, accountId, warnings }) => ({ row, index, accountId, warnings }));
  return {
    headers: out.headers,
    mapping: out.mapping,
    rowCount: out.rowCount,
    parseErrors: out.parseErrors.slice(0, MAX_LISTED),
    parseErrorCount: out.parseErrors.length,
    scoredCount: out.scored.length,
    distribution: bandDistribution(model, out.scored),
    bad: out.bad.slice(0, MAX_LISTED),
    badCount: out.bad.length,
    warned: warned.slice(0, MAX_LISTED),
    warnedCount: warned.length,
    backtest: out.backtest && { ...out.backtest, errors: out.backtest.errors.slice(0, MAX_LISTED) },
  };
}

const withoutEncoding = ({ encoding: _e, ...rest }: BatchSummary) => rest;

describe('BatchRun: the streamed batch gives what the one-shot batch gives', () => {
  it('on every CSV fixture: counts, bands, bad and warned rows, parser problems and the backtest', async () => {
    for (const c of CASES) {
      const want = await oneShot(c);
      const run = await streamed(c, 5, 1);
      expect(withoutEncoding(run.summary), c.name).toEqual(expectedSummary(want, c.model));
      expect(run.summary.encoding).toBe(want.encoding);
    }
  });

  it('whatever the chunk size, a messy synthetic file scores the same (chunk boundaries inside quotes and multi-byte characters)', async () => {
    const c: Case = { name: 'messy', model: high, bytes: messyCsv(400, 3) };
    const want = expectedSummary(await oneShot(c), high);
    expect(want.badCount).toBeGreaterThan(10);
    expect(want.warnedCount).toBeGreaterThan(10);
    expect(want.backtest!.errorCount).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 40, max: 4096 }), fc.integer({ min: 1, max: 3000 }), async (chunk, sniff) => {
        expect(withoutEncoding((await streamed(c, chunk, sniff)).summary)).toEqual(want);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('keeps the first rows of each problem list and counts the rest', async () => {
    const lines = ['Account ID,Licence utilisation,Churned'];
    for (let i = 0; i < 450; i++) lines.push(`a${i},${i % 2 ? 'abc' : '150'},${i % 3 ? 'churned' : '?'}`);
    const bytes = new TextEncoder().encode(lines.join('\n')) as Uint8Array<ArrayBuffer>;
    const run = await streamed(
      { name: 'many', model: { ...high, missingData: { ...high.missingData, minCoverage: 0 } }, bytes },
      256,
    );
    const s = run.summary;
    expect([s.badCount, s.bad.length, s.bad[0].row, s.bad.at(-1)!.row]).toEqual([225, MAX_LISTED, 3, 401]);
    expect([s.warnedCount, s.warned.length]).toEqual([225, MAX_LISTED]);
    expect([s.backtest!.errorCount, s.backtest!.errors.length]).toEqual([75, 75]);
  });

  it('reports progress in rows and bytes after each chunk, and stops when cancelled', async () => {
    const c: Case = { name: 'messy', model: high, bytes: messyCsv(2000, 4) };
    const seen: { rows: number; bytes: number; totalBytes: number }[] = [];
    const mapping = guessMapping(parseCsv(decodeBytes(c.bytes).text).headers, high);
    const run = await BatchRun.score(
      new Blob([c.bytes]),
      { model: high, mapping },
      { chunkBytes: 8192, sniffChars: 100, onProgress: (p) => seen.push(p) },
    );
    expect(run.summary.rowCount).toBe(2000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toEqual({ rows: 2000, bytes: c.bytes.length, totalBytes: c.bytes.length });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].rows).toBeGreaterThanOrEqual(seen[i - 1].rows);
      expect(seen[i].bytes).toBeGreaterThan(seen[i - 1].bytes);
    }
    const ac = new AbortController();
    let reports = 0;
    const cancelled = BatchRun.score(
      new Blob([c.bytes]),
      { model: high, mapping },
      {
        chunkBytes: 8192,
        sniffChars: 100,
        signal: ac.signal,
        onProgress: () => {
          if (++reports === 2) ac.abort();
        },
      },
    );
    await expect(cancelled).rejects.toBeInstanceOf(BatchCancelled);
    expect(reports).toBe(2);
  });
});

describe('BatchRun pages and export', () => {
  const KEYS: ResultColumn[] = ['row', 'account', 'score', 'band', 'coverage', 'outcome', 'col:1', 'col:4', 'col:9'];

  it('serves each page of every sort as sortResultRows and pageOf do over the whole output, with the rows’ cells', async () => {
    const c: Case = { name: 'messy', model: high, bytes: messyCsv(260, 6) };
    const want = await runBatch({ model: high, bytes: c.bytes });
    const mapping = want.mapping;
    const run = await BatchRun.score(
      new Blob([c.bytes]),
      { model: high, mapping },
      { chunkBytes: 1000, sniffChars: 10 },
    );
    for (const key of KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const sorted = sortResultRows(want.scored, want.rows, { key, dir }, 'en');
        for (const page of [1, 3]) {
          const got = await run.page({ key, dir }, page, 'en');
          const exp = pageOf(sorted, page);
          expect(
            got.items.map((s) => s.row),
            `${key} ${dir} ${page}`,
          ).toEqual(exp.items.map((s) => s.row));
          expect([got.page, got.pages, got.from, got.to, got.total]).toEqual([
            exp.page,
            exp.pages,
            exp.from,
            exp.to,
            exp.total,
          ]);
          got.items.forEach((s, i) => {
            expect(s.cells).toEqual(want.rows[exp.items[i].index]);
            expect(s.result.score).toBe(exp.items[i].result.score);
            expect(s.outcome).toEqual(exp.items[i].outcome);
          });
        }
      }
    }
  });

  it('reads the page’s rows in one pass when the byte offsets are uncertain (invalid Shift_JIS bytes)', async () => {
    const text = 'Account ID,Licence utilisation\n';
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(text),
      0x82,
      0xff,
      0x2c,
      0x35,
      0x30,
      0x0a,
      ...new TextEncoder().encode('beta,80\ngamma,20\n'),
    ]);
    const model = { ...high, missingData: { ...high.missingData, minCoverage: 0 } };
    const run = await streamed({ name: 'broken', model, bytes }, 4, 1);
    const got = await run.page({ key: 'score', dir: 'asc' }, 1, 'en');
    expect(got.items.map((s) => s.cells)).toEqual([
      ['gamma', '20'],
      [new TextDecoder('shift_jis').decode(Uint8Array.from([0x82, 0xff])), '50'],
      ['beta', '80'],
    ]);
  });

  it('writes the same scored CSV as toScoredCsv, in chunks', async () => {
    for (const c of [...CASES, { name: 'messy', model: high, bytes: messyCsv(300, 8) }]) {
      const out = await runBatch({ model: c.model, bytes: c.bytes, valueMaps: c.valueMaps });
      const labels = { score: 'スコア', band: 'バンド', coverage: 'cov', status: 'st', warnings: 'w' };
      const bandLabels = { red: 'Red!', yellow: '=Yellow', green: 'Green' };
      const want = toScoredCsv(out, out, {
        labels,
        bandLabel: (id) => bandLabels[id as keyof typeof bandLabels],
        warningText: (w) =>
          `${String(w.params.header)} ${String(w.params.value)} [${String(w.params.min)}–${String(w.params.max)}] {x}`,
      });
      const run = await BatchRun.score(
        new Blob([c.bytes]),
        { model: c.model, mapping: out.mapping, valueMaps: c.valueMaps },
        { chunkBytes: 64, sniffChars: 1 },
      );
      const blob = await run.exportCsv(
        { labels, bandLabels, warningTemplate: '{header} {value} [{min}–{max}] {x}' },
        { chunkBytes: 50 },
      );
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer()), c.name).toBe(want);
    }
  });
});

describe('inspectFile', () => {
  it('gives the header, encoding, row count, parser problems, the rows as a sample and labels that make the same value steps', async () => {
    for (const c of CASES) {
      const want = parseCsv(decodeBytes(c.bytes).text);
      const got = await inspectFile(new Blob([c.bytes]), { chunkBytes: 9, sniffChars: 1 });
      expect(got.headers).toEqual(want.headers);
      expect(got.rowCount).toBe(want.rows.length);
      expect(got.sample).toEqual(want.rows);
      expect(got.parseErrors).toEqual(want.errors);
      expect(got.encoding).toBe(decodeBytes(c.bytes).encoding);
      const mapping = guessMapping(want.headers, c.model);
      expect(valueSteps(c.model, mapping, got.labels), c.name).toEqual(valueSteps(c.model, mapping, want.rows));
    }
  });
});

describe('BacktestTally', () => {
  it('AUC is the chance that a churned account scores lower than a renewed one (ties count half), capped error list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }).map((n) => n * 5), churned: fc.boolean() }), {
          minLength: 1,
          maxLength: 60,
        }),
        (samples) => {
          const c = samples.filter((s) => s.churned);
          const r = samples.filter((s) => !s.churned);
          let wins = 0;
          for (const a of c) for (const b of r) wins += a.score < b.score ? 1 : a.score === b.score ? 0.5 : 0;
          const got = auc(samples);
          if (c.length === 0 || r.length === 0) expect(got).toBeNull();
          else expect(got!).toBeCloseTo(wins / (c.length * r.length), 10);
        },
      ),
    );
    const tally = new BacktestTally(high, 2);
    for (let i = 0; i < 5; i++) tally.add({ row: i + 2, score: 50, bandIndex: 1, outcome: 'perhaps' });
    const res = tally.result();
    expect([res.errors.length, res.errorCount]).toEqual([2, 5]);
    expect(backtest(high, [{ score: 50, bandIndex: 1, outcome: '?' }]).errorCount).toBe(1);
  });
});
