/**
 * The model designer's worker side: the file kept as a DesignSession answers the page's small
 * requests (checks, build, re-suggest, the backtest's summaries, the fit) exactly as the functions
 * on the rows do; bands and thresholds redrawn from the scores counted per value match the
 * backtest on every row; the message protocol (ids, errors, cancel) and "latest wins".
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/health/csv.ts';
import { backtest } from '../../src/lib/health/backtest.ts';
import { delongCi } from '../../src/lib/health/design/auc-ci.ts';
import {
  bandStats,
  scoreHistogram,
  suggestBandsFrom,
  tableThresholds,
  thresholdTableOf,
} from '../../src/lib/health/design/bands.ts';
import { dataIssues, outcomeCounts, profileColumns, readOutcome } from '../../src/lib/health/design/columns.ts';
import { bandOf, pointsColumn, scoreRowsFast, toHealthModel } from '../../src/lib/health/design/design.ts';
import { designData, seededRandom, suggestWeights } from '../../src/lib/health/design/fit.ts';
import { readDesignFile } from '../../src/lib/health/design/file-columns.ts';
import { LatestOnly } from '../../src/lib/health/design/latest.ts';
import { rowProblems } from '../../src/lib/health/design/row-problems.ts';
import { DesignSession, ROC_POINTS, SHOWN_ROW_PROBLEMS } from '../../src/lib/health/design/session.ts';
import { startDesign, suggestMeasure } from '../../src/lib/health/design/start.ts';
import {
  runDesignRequest,
  type DesignResponse,
  type SessionHolder,
} from '../../src/lib/health/design/worker-messages.ts';

/** Accounts with usage (some blank or unreadable), a plan, an id (some repeated) and an outcome related to usage. */
function csvText(n: number, seed = 5): string {
  const rnd = seededRandom(seed);
  const lines = ['id,usage,plan,tickets,churned'];
  for (let i = 0; i < n; i++) {
    const u = Math.round(rnd() * 100);
    const usage = i % 13 === 0 ? '' : i % 29 === 0 ? 'n/a' : String(u);
    const plan = ['Pro', 'Basic', 'Team', ''][i % 4];
    const tickets = String(Math.round(rnd() * 8));
    const churned = rnd() < 0.15 + (100 - u) / 250 ? 'yes' : 'no';
    lines.push(`A${i % (n - 7)},${usage},${plan},${tickets},${churned}`);
  }
  return lines.join('\n');
}

async function sessionOf(text: string) {
  const file = await readDesignFile(
    new TextEncoder().encode(text),
    () => {},
    async () => {},
  );
  return { session: new DesignSession(file.headers, file.table), csv: parseCsv(text) };
}

const OUTCOME = { col: 4, churnLabels: ['yes'] };
const MEASURES = [
  { col: 1, kind: 'numeric' as const },
  { col: 2, kind: 'categorical' as const },
  { col: 3, kind: 'numeric' as const },
];

describe('the designer session answers as the functions on the rows', () => {
  it('profiles, checks and builds the same as from the parsed rows', async () => {
    const text = csvText(600);
    const { session, csv } = await sessionOf(text);
    expect(session.summary().profiles).toEqual(profileColumns(csv.headers, csv.rows));
    const roles = { outcome: 4, account: 0, churnLabels: ['yes'], measures: MEASURES };
    const outcome = readOutcome(csv.rows, 4, ['yes']);
    expect(session.check(roles)).toEqual({
      issues: dataIssues(csv.headers, csv.rows, profileColumns(csv.headers, csv.rows), roles),
      counts: outcomeCounts(outcome),
    });
    expect(session.check({ ...roles, outcome: null }).counts).toBeNull();
    const q = { measures: MEASURES, outcome: OUTCOME, file: 'a.csv', date: '2026-11-24' };
    const d = startDesign({
      headers: csv.headers,
      rows: csv.rows,
      measures: MEASURES,
      outcome,
      file: 'a.csv',
      date: '2026-11-24',
    });
    expect(session.build(q)).toEqual(d);
    expect(session.resuggest(d.measures[0], OUTCOME, { method: 'linear' })).toEqual(
      suggestMeasure(d.measures[0], designData(d, csv.rows, outcome).columns[0], outcome, { method: 'linear' }),
    );
  });

  it("gives the design's scores summarised: insufficient rows, rows with problems, AUC, DeLong, thinned ROC", async () => {
    const text = csvText(3000);
    const { session, csv } = await sessionOf(text);
    const outcome = readOutcome(csv.rows, 4, ['yes']);
    const d0 = session.build({ measures: MEASURES, outcome: OUTCOME, file: 'a.csv', date: '2026-11-24' });
    // A narrow range on usage: many out-of-range rows, more than are listed.
    const d = { ...d0, minCoverage: 0.9, measures: d0.measures.map((m, j) => (j === 0 ? { ...m, max: 30 } : m)) };
    const v = session.view({ design: d, outcome: OUTCOME, account: 0 });
    const columns = designData(d, csv.rows, outcome).columns;
    const problems = rowProblems(d, columns);
    expect(v.rowProblems.count).toBe(problems.length);
    expect(problems.length).toBeGreaterThan(SHOWN_ROW_PROBLEMS);
    expect(v.rowProblems.shown).toHaveLength(SHOWN_ROW_PROBLEMS);
    const p = v.rowProblems.shown.find((x) => x.unreadable.length > 0)!;
    expect(p.account).toBe(csv.rows[p.index][0]);
    expect(p.unreadable[0].value).toBe('n/a');
    expect(v.rowProblems.shown[0].outOfRange).toEqual(problems[0].outOfRange);

    const model = toHealthModel(d);
    const score = scoreRowsFast(
      model,
      model.measures.map((m, j) => pointsColumn(m, columns[j])),
    ).score;
    const insufficient = score.filter((s) => Number.isNaN(s)).length;
    expect(insufficient).toBeGreaterThan(0);
    expect(v.scores!.insufficient).toEqual({ n: insufficient, share: insufficient / score.length });
    const accounts = Array.from(score, (s, i) => ({
      score: Number.isNaN(s) ? null : s,
      bandIndex: Number.isNaN(s) ? null : bandOf(model.bands, s),
      outcome: outcome[i] < 0 ? '' : outcome[i] === 1,
    }));
    const bt = backtest(model, accounts);
    const summary = v.scores!.backtest;
    expect(summary.auc).toBe(bt.auc);
    expect(summary.lift).toEqual(bt.lift);
    expect(summary.insufficientData).toBe(bt.insufficientData);
    expect(summary.roc.length).toBeLessThanOrEqual(ROC_POINTS);
    expect(summary.roc[0]).toEqual(bt.roc[0]);
    expect(summary.roc.at(-1)).toEqual(bt.roc.at(-1));
    const scored = (o: number) => [...score].filter((s, i) => !Number.isNaN(s) && outcome[i] === o);
    expect(summary.ci).toEqual(delongCi(scored(1), scored(0)));
    // Nothing of the size of the file goes back to the page.
    expect(JSON.stringify(v).length).toBeLessThan(200_000);
  });

  it('leaves the scores out while the design has problems, and still lists the rows', async () => {
    const { session } = await sessionOf(csvText(300));
    const d = session.build({ measures: MEASURES, outcome: OUTCOME, file: 'a.csv', date: '2026-11-24' });
    const bad = { ...d, id: 'Bad Id' };
    const v = session.view({ design: bad, outcome: OUTCOME, account: null });
    expect(v.scores).toBeNull();
    expect(v.rowProblems.count).toBeGreaterThan(0);
    expect(v.rowProblems.shown[0].account).toBeNull();
  });
});

describe('bands and thresholds from the scores counted per value', () => {
  it('match the backtest and a row-by-row count for any bands', () => {
    const rnd = seededRandom(11);
    const n = 5000;
    const score = Float64Array.from({ length: n }, (_, i) => (i % 17 === 0 ? NaN : Math.round(rnd() * 1000) / 10));
    const outcome = Int8Array.from({ length: n }, (_, i) =>
      i % 23 === 0 ? -1 : rnd() < 0.2 + (100 - score[i]) / 400 ? 1 : 0,
    );
    const h = scoreHistogram(score, outcome);
    for (const bands of [
      [
        { id: 'red', min: 0 },
        { id: 'yellow', min: 50 },
        { id: 'green', min: 75 },
      ],
      [
        { id: 'red', min: 0 },
        { id: 'yellow', min: 33.3 },
        { id: 'green', min: 90 },
      ],
    ]) {
      const accounts = Array.from(score, (s, i) => ({
        score: Number.isNaN(s) ? null : s,
        bandIndex: Number.isNaN(s) ? null : bandOf(bands, s),
        outcome: outcome[i] < 0 ? '' : outcome[i] === 1,
      }));
      const bt = backtest({ bands } as unknown as Parameters<typeof backtest>[0], accounts);
      expect(bandStats(h, bands)).toEqual({ bands: bt.bands, lowestBand: bt.lowestBand });
      const ats = tableThresholds(bands);
      expect(ats).toContain(bands[1].min);
      const table = thresholdTableOf(h, ats);
      ats.forEach((at, k) => {
        let below = 0;
        let ch = 0;
        for (let i = 0; i < n; i++)
          if (!Number.isNaN(score[i]) && outcome[i] >= 0 && score[i] < at) {
            below++;
            ch += outcome[i];
          }
        expect([table[k].below, table[k].churnedBelow]).toEqual([below, ch]);
      });
    }
    const s = suggestBandsFrom(h)!;
    expect(s.bands[1].min).toBeLessThan(s.bands[2].min);
  });
});

describe('the designer worker protocol', () => {
  const collect = () => {
    const out: DesignResponse[] = [];
    return { out, post: (r: DesignResponse) => void out.push(r) };
  };

  it('answers each request under its id; a question before any file is an error', async () => {
    const holder: SessionHolder = { session: null };
    const { out, post } = collect();
    await runDesignRequest(
      {
        type: 'query',
        id: 'q0',
        query: { type: 'check', query: { outcome: null, account: null, churnLabels: [], measures: [] } },
      },
      holder,
      post,
      () => false,
    );
    expect(out).toEqual([{ type: 'error', id: 'q0', message: 'no file has been read' }]);
    out.length = 0;
    await runDesignRequest(
      { type: 'read', id: 'r1', bytes: new TextEncoder().encode(csvText(400)) },
      holder,
      post,
      () => false,
    );
    const file = out.at(-1)!;
    expect(file.type === 'file' && file.file.rowCount).toBe(400);
    expect(out.every((m) => m.id === 'r1')).toBe(true);
    out.length = 0;
    const build = { measures: MEASURES, outcome: OUTCOME, file: 'a.csv', date: '2026-11-24' };
    await runDesignRequest(
      { type: 'query', id: 'q1', query: { type: 'build', query: build } },
      holder,
      post,
      () => false,
    );
    expect(out).toEqual([{ type: 'answer', id: 'q1', answer: holder.session!.build(build) }]);
  });

  it('fits with progress from the kept file as from the rows, and cancels', async () => {
    const text = csvText(800);
    const holder: SessionHolder = { session: null };
    const { out, post } = collect();
    await runDesignRequest({ type: 'read', id: 'r', bytes: new TextEncoder().encode(text) }, holder, post, () => false);
    const design = holder.session!.build({ measures: MEASURES, outcome: OUTCOME, file: 'a.csv', date: '2026-11-24' });
    out.length = 0;
    const options = { k: 3, seed: 2, lambda: 1 };
    await runDesignRequest({ type: 'suggest', id: 'f', design, outcome: OUTCOME, options }, holder, post, () => false);
    const csv = parseCsv(text);
    const expected = await suggestWeights(
      design,
      designData(design, csv.rows, readOutcome(csv.rows, 4, ['yes'])),
      options,
    );
    expect(out.at(-1)).toEqual({ type: 'result', id: 'f', result: expected });
    expect(out.filter((m) => m.type === 'progress').length).toBe(4);
    out.length = 0;
    await runDesignRequest({ type: 'suggest', id: 'g', design, outcome: OUTCOME, options }, holder, post, () => true);
    expect(out.at(-1)).toEqual({ type: 'cancelled', id: 'g' });
  });
});

describe('latest wins', () => {
  /** A sender whose answers the test releases one at a time. */
  function slowSender() {
    const sent: number[] = [];
    const pending: (() => void)[] = [];
    const send = (q: number) =>
      new Promise<string>((resolve) => {
        sent.push(q);
        pending.push(() => resolve(`answer ${q}`));
      });
    const release = async () => {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { sent, send, release };
  }

  it('sends one request at a time, keeps only the newest waiting one and delivers only the latest answer', async () => {
    const s = slowSender();
    const latest = new LatestOnly<number, string>(s.send);
    const got: string[] = [];
    for (let q = 1; q <= 5; q++) latest.request(q, (a) => got.push(a));
    expect(s.sent).toEqual([1]);
    expect(latest.busy).toBe(true);
    await s.release();
    // 1 is stale (5 was asked since): dropped; 2–4 were replaced by 5 while waiting.
    expect(got).toEqual([]);
    expect(s.sent).toEqual([1, 5]);
    await s.release();
    expect(got).toEqual(['answer 5']);
    expect(latest.busy).toBe(false);
  });

  it('delivers at once when idle, and drops what is on its way after a reset', async () => {
    const s = slowSender();
    const latest = new LatestOnly<number, string>(s.send);
    const got: string[] = [];
    latest.request(1, (a) => got.push(a));
    await s.release();
    expect(got).toEqual(['answer 1']);
    latest.request(2, (a) => got.push(a));
    latest.reset();
    await s.release();
    expect(got).toEqual(['answer 1']);
    const failed: unknown[] = [];
    const broken = new LatestOnly<number, string>(() => Promise.reject(new Error('down')));
    broken.request(
      3,
      () => {},
      (e) => failed.push(e),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(String(failed[0])).toContain('down');
  });
});
