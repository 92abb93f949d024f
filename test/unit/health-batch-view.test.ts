import { describe, it, expect } from 'vitest';
import { decodeBytes, guessMapping, parseCsv, scoreRows } from '../../src/lib/health/csv.ts';
import type { ScoredRow } from '../../src/lib/health/csv.ts';
import { backtest, type BacktestAccount } from '../../src/lib/health/backtest.ts';
import { bandIndexFor } from '../../src/lib/health/score.ts';
import { runBatch } from '../../src/lib/health/worker-protocol.ts';
import { batchClientData, compactModel } from '../../src/lib/health/batch-props.ts';
import { MAX_CSV_BYTES, checkParsed, sniffFile } from '../../src/lib/health/csv-file-check.ts';
import {
  duplicateColumns,
  mappedCoverage,
  rangeWarnings,
  OUTSIDE_SHARE_WARNING,
} from '../../src/lib/health/column-mapping.ts';
import {
  AS_IS,
  NO_DATA,
  buildValueMaps,
  distinctLabels,
  suggestValue,
  unresolvedLabels,
  valueSteps,
} from '../../src/lib/health/value-labels.ts';
import { pageOf, sortResultRows } from '../../src/lib/health/results-table.ts';
import { nextSort } from '../../src/lib/table-sort.ts';
import { backtestStory, bandDistribution } from '../../src/lib/health/backtest-story.ts';
import { formatAuc, formatNumber, formatPercent } from '../../src/lib/health/number-format.ts';
import { scoredFileName } from '../../src/lib/health/csv.ts';
import { loadModel, csvFixture, healthModelsContent, BATCH_CSV_FIXTURES } from '../helpers/health-fixtures.ts';

const fixture = csvFixture;
const high = loadModel('high-touch-health');
const tech = loadModel('tech-touch-health');
const content = healthModelsContent('high-touch-health', 'tech-touch-health');
const table = (name: string) => parseCsv(decodeBytes(fixture(name)).text);

/** A scored row with just what sorting and counting read. */
function row(
  index: number,
  score: number | null,
  opts: { account?: string | null; outcome?: string; bandIndex?: number | null; coverage?: number } = {},
): ScoredRow {
  const bandIndex = opts.bandIndex !== undefined ? opts.bandIndex : score === null ? null : bandIndexFor(high, score);
  return {
    row: index + 2,
    index,
    accountId: opts.account ?? null,
    outcome: opts.outcome,
    values: {},
    result: {
      status: score === null ? 'insufficient-data' : 'ok',
      score,
      exactScore: score,
      band: bandIndex === null ? null : { id: high.bands[bandIndex].id, index: bandIndex },
      rawBand: null,
      measures: [],
      groups: [],
      coverage: opts.coverage ?? 1,
      overridesApplied: [],
      reasons: [],
    },
  };
}

describe('batchClientData and compactModel', () => {
  it('gives one language of names and band labels, high-touch first, with links and band ranges', () => {
    const en = batchClientData(content, 'en', '/banso/');
    const ja = batchClientData(content, 'ja');
    expect(en.models.map((m) => m.id)).toEqual(['high-touch-health', 'tech-touch-health']);
    expect(en.models[0]).toMatchObject({
      name: 'High-touch health score',
      href: '/banso/health/high-touch-health/',
      minCoverage: 0.5,
    });
    expect(en.models[0].bands.map((b) => [b.id, b.label, b.range])).toEqual([
      ['red', 'Red — at risk', '0–49'],
      ['yellow', 'Yellow — watch', '50–74'],
      ['green', 'Green — healthy', '75–100'],
    ]);
    expect(ja.models[0].name).toBe('ハイタッチ向けヘルススコア');
    expect(ja.models[1].href).toBe('/ja/health/tech-touch-health/');
    expect(ja.models[0].measures.find((m) => m.id === 'csm-sentiment')?.label).toBe('CSMセンチメント');
  });

  it('the compact model drops prose but scores and guesses columns exactly like the full model', () => {
    const small = compactModel(high, 'ja');
    expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(high).length / 2);
    expect(small.presets).toEqual([]);
    expect(small.measures.every((m) => m.help === undefined)).toBe(true);
    expect(small.bands[0].meaning.en).toBe(high.bands[0].meaning.ja);
    for (const name of ['accounts-utf8.csv', 'accounts-utf8-bom.csv', 'accounts-sjis.csv', 'accounts-bad-rows.csv']) {
      const csv = table(name);
      const mapping = guessMapping(csv.headers, high);
      expect(guessMapping(csv.headers, small), name).toEqual(mapping);
      const a = scoreRows(high, csv, mapping, {}, { asOf: '2026-11-24' });
      const b = scoreRows(small, csv, mapping, {}, { asOf: '2026-11-24' });
      expect(b.scored.map((s) => [s.result.score, s.result.band, s.result.overridesApplied.map((o) => o.id)])).toEqual(
        a.scored.map((s) => [s.result.score, s.result.band, s.result.overridesApplied.map((o) => o.id)]),
      );
      expect(b.bad).toEqual(a.bad);
    }
  });
});

describe('sniffFile and checkParsed', () => {
  it('accepts the CSV fixtures, whatever their encoding', () => {
    for (const name of BATCH_CSV_FIXTURES) expect(sniffFile(fixture(name), name), name).toBeNull();
  });

  it('names binary formats, workbooks, empty, oversized and non-text files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(sniffFile(png, 'chart.csv')).toEqual({ code: 'binary', params: { kind: 'PNG' } });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect(sniffFile(zip, 'accounts.xlsx')).toEqual({ code: 'spreadsheet' });
    expect(sniffFile(zip, 'archive.zip')).toEqual({ code: 'binary', params: { kind: 'ZIP' } });
    expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.xls')).toEqual({ code: 'spreadsheet' });
    expect(sniffFile(new Uint8Array([]))).toEqual({ code: 'empty' });
    // UTF-16 (Excel "Unicode text") has a NUL after every ASCII letter.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a,b\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(sniffFile(utf16)).toEqual({ code: 'not-text' });
    expect(sniffFile(new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x41 : 0x02))))).toEqual({
      code: 'not-text',
    });
    const big = new Uint8Array(MAX_CSV_BYTES + 1);
    big.fill(0x41);
    expect(sniffFile(big)).toEqual({ code: 'too-large', params: { mb: 51, maxMb: 50 } });
  });

  it('after parsing: needs column names and at least one row', () => {
    expect(checkParsed({ headers: ['a', 'b'], rowCount: 1 })).toBeNull();
    expect(checkParsed({ headers: ['', ''], rowCount: 3 })).toEqual({ code: 'no-columns' });
    expect(checkParsed({ headers: [], rowCount: 0 })).toEqual({ code: 'no-columns' });
    expect(checkParsed({ headers: ['a'], rowCount: 0 })).toEqual({ code: 'no-rows' });
  });
});

describe('mapping helpers', () => {
  it('mappedCoverage is the share of the weight the mapped measures carry', () => {
    const csv = table('accounts-bad-rows.csv');
    expect(mappedCoverage(high, guessMapping(csv.headers, high))).toBeCloseTo(0.42, 10); // as scoreRows' coverage of a full row
    expect(mappedCoverage(tech, { measures: Object.fromEntries(tech.measures.map((m, i) => [m.id, i])) })).toBeCloseTo(
      1,
      12,
    );
    expect(mappedCoverage(high, { measures: {} })).toBe(0);
  });

  it('duplicateColumns finds a column used by two measures or by a measure and the outcome', () => {
    expect(duplicateColumns({ measures: { a: 1, b: 2 }, account: 1, outcome: 3 })).toEqual([]);
    expect(duplicateColumns({ measures: { a: 1, b: 1, c: 4 }, account: null, outcome: 4 })).toEqual([1, 4]);
  });

  it('distinctLabels: most frequent first, case/width/space variants together, empties skipped, limited', () => {
    const rows = [['Yes'], ['no'], [' yes '], ['ＹＥＳ'], [''], ['No'], ['maybe'], ['  ']];
    expect(distinctLabels(rows, 0)).toEqual({
      labels: [
        { label: 'Yes', count: 3 },
        { label: 'no', count: 2 },
        { label: 'maybe', count: 1 },
      ],
      more: 0,
    });
    expect(distinctLabels(rows, 0, 1)).toEqual({ labels: [{ label: 'Yes', count: 3 }], more: 2 });
    expect(distinctLabels([['a'], []], 3)).toEqual({ labels: [], more: 0 });
  });

  it('suggestValue uses what parseInput and parseOutcome understand', () => {
    const sentiment = { kind: 'measure' as const, measure: 'csm-sentiment', input: 'sentiment' as const };
    const yesno = { kind: 'measure' as const, measure: 'success-plan', input: 'boolean' as const };
    expect(['緑', 'Amber', 'purple'].map((l) => suggestValue(sentiment, l))).toEqual(['green', 'yellow', AS_IS]);
    expect(['有', 'いいえ', 'Month-to-month'].map((l) => suggestValue(yesno, l))).toEqual(['yes', 'no', AS_IS]);
    expect(['解約', 'Renewed', 'Lost', 'Active'].map((l) => suggestValue({ kind: 'outcome' }, l))).toEqual([
      'churned',
      'renewed',
      'churned',
      AS_IS,
    ]);
  });

  it('valueSteps: categorical measures and the outcome list every label; numeric measures only labels that are not numbers', () => {
    const csv = table('backtest-outcomes.csv');
    const mapping = guessMapping(csv.headers, tech);
    const steps = valueSteps(tech, mapping, csv.rows);
    expect(steps.map((s) => s.key)).toEqual(['4:onboarding-checklist', '6:failed-payments', '7:outcome']);
    const [checklist, payments, outcome] = steps;
    expect(checklist.options).toEqual(['yes', 'no']);
    expect(checklist.labels.map((l) => [l.label, l.suggested])).toEqual([
      ['Done', AS_IS],
      ['Open', AS_IS],
    ]);
    expect(payments.labels.map((l) => [l.label, l.suggested])).toEqual([
      ['No', 'no'],
      ['Yes', 'yes'],
    ]);
    expect(outcome.options).toEqual(['churned', 'renewed']);
    expect(Object.fromEntries(outcome.labels.map((l) => [l.label, l.suggested]))).toEqual({
      Churned: 'churned',
      Renewed: 'renewed',
      Active: AS_IS,
    });
    expect(outcome.labels.reduce((n, l) => n + l.count, 0)).toBe(40);

    const withNa = [...csv.rows, ['X', 'N/A', '3', 'n/a', 'Done', '', 'No', 'Renewed']];
    const steps2 = valueSteps(tech, mapping, withNa);
    const na = steps2.find((s) => s.key === '1:weekly-active-admins')!;
    expect(na.options).toEqual([]);
    expect(na.labels).toEqual([{ label: 'N/A', count: 1, suggested: AS_IS }]);
    expect(steps2.find((s) => s.key === '3:key-feature-adoption')?.labels.map((l) => l.label)).toEqual(['n/a']);
  });

  it('buildValueMaps turns the choices into value maps that scoreRows and the backtest use', () => {
    const csv = table('backtest-outcomes.csv');
    const mapping = guessMapping(csv.headers, tech);
    const steps = valueSteps(tech, mapping, csv.rows);
    const before = scoreRows(tech, csv, mapping, buildValueMaps(steps, {}));
    expect(before.bad.length).toBeGreaterThan(0);
    expect(before.bad[0].reason).toMatchObject({
      code: 'invalid-boolean',
      params: { measure: 'onboarding-checklist' },
    });
    const choices = { '4:onboarding-checklist': { Done: 'yes', Open: 'no' }, '7:outcome': { Active: 'renewed' } };
    expect(unresolvedLabels(steps, {})).toEqual([
      { key: '4:onboarding-checklist', label: 'Done' },
      { key: '4:onboarding-checklist', label: 'Open' },
      { key: '7:outcome', label: 'Active' },
    ]);
    expect(unresolvedLabels(steps, choices)).toEqual([]);
    const maps = buildValueMaps(steps, choices);
    expect(maps[4]).toEqual({ Done: 'yes', Open: 'no' });
    expect(maps[6]).toEqual({ No: 'no', Yes: 'yes' });
    expect(maps[7]).toEqual({ Churned: 'churned', Renewed: 'renewed', Active: 'renewed' });
    const after = scoreRows(tech, csv, mapping, maps);
    expect(after.bad).toEqual([]);
    expect(after.scored).toHaveLength(40);
    const bt = backtest(
      tech,
      after.scored.map((s) => ({
        row: s.row,
        score: s.result.score,
        bandIndex: s.result.band?.index ?? null,
        outcome: s.outcome,
      })),
    );
    expect(bt.errors).toEqual([]);
    expect(bt.n).toBe(40);
    // "No data" makes a measure null and leaves an outcome out (listed as a row without outcome).
    const left = buildValueMaps(steps, {
      ...choices,
      '7:outcome': { Active: NO_DATA },
      '6:failed-payments': { Yes: NO_DATA },
    });
    expect(left[7].Active).toBe('');
    expect(left[6].Yes).toBeNull();
  });
});

describe('sortResultRows, nextSort, pageOf', () => {
  const rows: string[][] = [
    ['b', '86'],
    ['a', '1,234'],
    ['c', ''],
    ['d', '12%'],
    ['e', 'n/a'],
    ['f', '−8'],
  ];
  const scored = [row(0, 55), row(1, null), row(2, 12.5), row(3, 90), row(4, 55), row(5, 49.9)];

  it('by score: lowest first or last, insufficient data last both ways, ties in file order', () => {
    expect(sortResultRows(scored, rows, { key: 'score', dir: 'asc' }, 'en').map((s) => s.index)).toEqual([
      2, 5, 0, 4, 3, 1,
    ]);
    expect(sortResultRows(scored, rows, { key: 'score', dir: 'desc' }, 'en').map((s) => s.index)).toEqual([
      3, 0, 4, 5, 2, 1,
    ]);
  });

  it('by band uses the band order (after overrides), then the score', () => {
    const forced = [...scored, row(6, 95, { bandIndex: 0 })];
    expect(sortResultRows(forced, rows, { key: 'band', dir: 'asc' }, 'en').map((s) => s.index)).toEqual([
      2, 5, 6, 0, 4, 3, 1,
    ]);
  });

  it('any column: numbers by value ("1,234", "12%", "−8"), then text, empty cells last', () => {
    expect(sortResultRows(scored, rows, { key: 'col:1', dir: 'asc' }, 'en').map((s) => rows[s.index][1])).toEqual([
      '−8',
      '12%',
      '86',
      '1,234',
      'n/a',
      '',
    ]);
    expect(sortResultRows(scored, rows, { key: 'col:1', dir: 'desc' }, 'en').map((s) => rows[s.index][1])).toEqual([
      'n/a',
      '1,234',
      '86',
      '12%',
      '−8',
      '',
    ]);
  });

  it('accounts sort with Japanese collation: kana order, hiragana = katakana, width ignored; stable', () => {
    const names = ['きりん', 'カエデ', 'あおば', 'アオバ', 'ｶﾞｸ', 'さくら'];
    const s = names.map((n, i) => row(i, 50, { account: n }));
    expect(sortResultRows(s, [], { key: 'account', dir: 'asc' }, 'ja').map((x) => x.accountId)).toEqual([
      'あおば',
      'アオバ',
      'カエデ',
      'ｶﾞｸ',
      'きりん',
      'さくら',
    ]);
    // Code-point order would put every katakana after every hiragana.
    expect([...names].sort()).toEqual(['あおば', 'きりん', 'さくら', 'アオバ', 'カエデ', 'ｶﾞｸ']);
    const en = ['beta', 'Alpha', 'alpha', 'item 10', 'item 9'].map((n, i) => row(i, 50, { account: n }));
    expect(sortResultRows(en, [], { key: 'account', dir: 'asc' }, 'en').map((x) => x.accountId)).toEqual([
      'Alpha',
      'alpha',
      'beta',
      'item 9',
      'item 10',
    ]);
  });

  it('by row, coverage and outcome', () => {
    const s = [
      row(0, 50, { coverage: 0.5, outcome: 'renewed' }),
      row(1, 50, { coverage: 1, outcome: 'churned' }),
      row(2, 50, { coverage: 0.7 }),
    ];
    expect(sortResultRows(s, [], { key: 'row', dir: 'desc' }, 'en').map((x) => x.row)).toEqual([4, 3, 2]);
    expect(sortResultRows(s, [], { key: 'coverage', dir: 'asc' }, 'en').map((x) => x.index)).toEqual([0, 2, 1]);
    expect(sortResultRows(s, [], { key: 'outcome', dir: 'asc' }, 'en').map((x) => x.index)).toEqual([1, 0, 2]);
  });

  it('nextSort flips the same column and starts a new one ascending', () => {
    expect(nextSort({ key: 'score', dir: 'asc' }, 'score')).toEqual({ key: 'score', dir: 'desc' });
    expect(nextSort({ key: 'score', dir: 'desc' }, 'score')).toEqual({ key: 'score', dir: 'asc' });
    expect(nextSort({ key: 'score', dir: 'desc' }, 'col:3')).toEqual({ key: 'col:3', dir: 'asc' });
  });

  it('pageOf: pages of 100, clamped, 1-based ranges', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3, from: 1, to: 100, total: 250 });
    expect(pageOf(items, 3).items).toEqual(items.slice(200));
    expect(pageOf(items, 3)).toMatchObject({ from: 201, to: 250 });
    expect(pageOf(items, 99).page).toBe(3);
    expect(pageOf(items, 0).page).toBe(1);
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});

describe('bandDistribution', () => {
  it('counts the band after overrides and insufficient data separately', () => {
    const d = bandDistribution(high, [row(0, 20), row(1, 60), row(2, 80), row(3, 90, { bandIndex: 0 }), row(4, null)]);
    expect(d.bands.map((b) => [b.id, b.count, b.share])).toEqual([
      ['red', 2, 0.4],
      ['yellow', 1, 0.2],
      ['green', 1, 0.2],
    ]);
    expect(d).toMatchObject({ insufficient: 1, scored: 4, total: 5 });
    expect(bandDistribution(high, []).bands.every((b) => b.share === 0)).toBe(true);
  });
});

describe('backtestStory', () => {
  const acc = (pairs: [number, boolean][]): BacktestAccount[] =>
    pairs.map(([score, churned], i) => ({
      row: i + 2,
      score,
      bandIndex: bandIndexFor(high, score),
      outcome: churned ? 'churned' : 'renewed',
    }));

  it('red churned 4.1× as often as green; AUC, precision, recall and lift as numbers', () => {
    // red: 50 accounts, 41 churned (82 %); yellow: 10, 3 churned; green: 40, 8 churned (20 %) → 4.1×.
    const pairs: [number, boolean][] = [
      ...Array.from({ length: 50 }, (_, i) => [10 + (i % 30), i < 41] as [number, boolean]),
      ...Array.from({ length: 10 }, (_, i) => [60, i < 3] as [number, boolean]),
      ...Array.from({ length: 40 }, (_, i) => [80 + (i % 15), i < 8] as [number, boolean]),
    ];
    const bt = backtest(high, acc(pairs));
    const s = backtestStory(bt);
    expect(s.ratio).toEqual({ kind: 'ratio', low: 'red', high: 'green', lowRate: 0.82, highRate: 0.2, ratio: 4.1 });
    expect(s).toMatchObject({ n: 100, churned: 52, renewed: 48, overallRate: 0.52 });
    expect(s.bands[0].vsOverall).toBeCloseTo(0.82 / 0.52, 12);
    expect(s.lowest).toEqual({
      band: 'red',
      predicted: 50,
      truePositives: 41,
      precision: 0.82,
      recall: 41 / 52,
      missed: 11,
      falseAlarms: 9,
    });
    expect(s.auc.value).toBe(bt.auc);
    expect(s.auc.percent).toBe(Math.round(bt.auc! * 1000) / 10);
    expect(s.lift).toMatchObject({ size: 10, lift: Math.round((bt.lift.lift! + 1e-12) * 10) / 10, overallRate: 0.52 });
    expect(s.caveats).toEqual([]);
  });

  it('nobody churned in green; red no worse than green; an empty band; caveats', () => {
    expect(
      backtestStory(
        backtest(
          high,
          acc([
            [10, true],
            [20, false],
            [80, false],
            [90, false],
          ]),
        ),
      ).ratio,
    ).toEqual({ kind: 'none-high', low: 'red', high: 'green', lowRate: 0.5, highRate: 0 });
    expect(
      backtestStory(
        backtest(
          high,
          acc([
            [10, false],
            [20, false],
            [80, true],
            [90, false],
          ]),
        ),
      ).ratio,
    ).toEqual({ kind: 'not-higher', low: 'red', high: 'green', lowRate: 0, highRate: 0.5 });
    const onlyRed = backtestStory(
      backtest(high, [
        ...acc([
          [10, true],
          [20, true],
        ]),
        { row: 9, score: null, bandIndex: null, outcome: 'renewed' },
        { row: 10, score: 5, bandIndex: 0, outcome: '??' },
      ]),
    );
    expect(onlyRed.ratio).toEqual({ kind: 'empty', low: 'red', high: 'green' });
    expect(onlyRed.caveats).toEqual([
      'single-outcome',
      'few-churned',
      'few-renewed',
      'insufficient-data',
      'outcome-errors',
    ]);
    expect(onlyRed).toMatchObject({
      insufficientData: 1,
      outcomeErrors: 1,
      auc: { value: null, level: 'not-enough-data', percent: null },
    });
  });
});

describe('formatting', () => {
  it('percent, numbers, AUC and the export file name', () => {
    expect(formatPercent(0.4123, 'en')).toBe('41.2%');
    expect(formatPercent(0.4123, 'ja')).toBe('41.2%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatNumber(10000, 'en', 0)).toBe('10,000');
    expect(formatNumber(4.06, 'ja', 1)).toBe('4.1');
    expect(formatAuc(0.8986666)).toBe('0.899');
    expect(formatAuc(null)).toBe('—');
    expect(scoredFileName('accounts.csv', '2026-11-24')).toBe('accounts-scored-2026-11-24.csv');
    expect(scoredFileName('顧客一覧 2026/11.CSV', '2026-11-24')).toBe('顧客一覧 2026-11-scored-2026-11-24.csv');
    expect(scoredFileName('.csv', '2026-11-24')).toBe('accounts-scored-2026-11-24.csv');
  });
});

describe('the backtest fixture', () => {
  it('backtest-outcomes.csv: 40 accounts, 15 churned, a known AUC once the labels are mapped', async () => {
    const out = await runBatch({
      model: tech,
      bytes: fixture('backtest-outcomes.csv'),
      valueMaps: { 4: { Done: 'yes', Open: 'no' }, 7: { Active: 'renewed' } },
    });
    const bt = out.backtest!;
    expect(out.bad).toEqual([]);
    expect(bt).toMatchObject({ n: 40, churned: 15, renewed: 25 });
    expect(bt.bands.map((b) => [b.id, b.count, b.churned])).toEqual([
      ['red', 13, 12],
      ['yellow', 12, 1],
      ['green', 15, 2],
    ]);
    // 337 of the 15 × 25 = 375 (churned, renewed) pairs are ordered, with ties counted ½.
    expect(bt.auc).toBeCloseTo(337 / 375, 12);
  });
});

describe('rangeWarnings', () => {
  const nps = high.measures.find((m) => m.id === 'nps')!;
  const rows = (values: string[]) => values.map((v) => ['acme', v]);
  const mapping = { measures: { nps: 1 } };

  it('flags an account NPS (−100…100) mapped to a contact’s 0–10 answer', () => {
    expect([nps.min, nps.max]).toEqual([0, 10]);
    const w = rangeWarnings(high, mapping, rows(['-40', '35', '12', '8', '', 'n/a', '−100']));
    expect(w).toEqual([{ measure: 'nps', col: 1, outside: 4, numeric: 5, min: 0, max: 10 }]);
  });

  it('stays quiet when the numbers fit, or when only a few stray outside', () => {
    expect(rangeWarnings(high, mapping, rows(['9', '10', '0', '7', '', 'n/a']))).toEqual([]);
    const few = [...Array.from({ length: 19 }, () => '8'), '11'];
    expect(1 / 20).toBeLessThan(OUTSIDE_SHARE_WARNING);
    expect(rangeWarnings(high, mapping, rows(few))).toEqual([]);
    expect(rangeWarnings(high, mapping, rows([...few.slice(0, 9), '11']))).toHaveLength(1);
  });

  it('ignores unmapped, categorical and empty columns', () => {
    expect(rangeWarnings(high, { measures: {} }, rows(['-40']))).toEqual([]);
    const sentiment = high.measures.find((m) => m.input === 'sentiment')!;
    expect(rangeWarnings(high, { measures: { [sentiment.id]: 1 } }, rows(['red', 'purple']))).toEqual([]);
    expect(rangeWarnings(high, mapping, rows(['', ' ']))).toEqual([]);
  });
});
