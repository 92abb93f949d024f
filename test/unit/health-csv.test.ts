import { describe, it, expect } from 'vitest';
import type { HealthModel } from '../../src/schemas/health.ts';
import { scoreAccount } from '../../src/lib/health/score.ts';
import {
  decodeBytes,
  detectDelimiter,
  guessMapping,
  mapRawValue,
  normaliseHeader,
  parseCsv,
  scoreRows,
  toScoredCsv,
} from '../../src/lib/health/csv.ts';
import { runBatch } from '../../src/lib/health/worker-protocol.ts';
import { loadModel, csvFixture } from '../helpers/health-fixtures.ts';

const fixture = csvFixture;
const high = loadModel('high-touch-health');
const tech = loadModel('tech-touch-health');
/** The high-touch model without the coverage floor, for fixtures that carry only a few measures. */
const highAnyCoverage: HealthModel = { ...high, missingData: { ...high.missingData, minCoverage: 0 } };

const load = (name: string, model: HealthModel = high) => {
  const decoded = decodeBytes(fixture(name));
  const csv = parseCsv(decoded.text);
  const mapping = guessMapping(csv.headers, model);
  return { decoded, csv, mapping, result: scoreRows(model, csv, mapping) };
};

const PRESET_ROWS = [
  // [account, score, band] — the first four rows repeat the high-touch presets.
  ['90.8', 'green'],
  ['42.4', 'red'],
  ['71.4', 'yellow'],
  ['70.8', 'yellow'],
];

describe('decodeBytes', () => {
  it('UTF-8 without BOM', () => {
    const d = decodeBytes(fixture('accounts-utf8.csv'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('Account ID,')).toBe(true);
  });
  it('UTF-8 with BOM (BOM removed)', () => {
    const d = decodeBytes(fixture('accounts-utf8-bom.csv'));
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text.startsWith('アカウント名,')).toBe(true);
  });
  it('Shift_JIS when the bytes are not valid UTF-8', () => {
    const bytes = fixture('accounts-sjis.csv');
    expect(bytes[0]).toBe(0x83); // ア in Shift_JIS
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('shift_jis');
    expect(d.text.split('\r\n')[0].split(',')).toContain('ライセンス利用率(%)');
    expect(d.text).toContain('株式会社あおば');
  });
  it('plain ASCII and UTF-8 Japanese stay UTF-8', () => {
    expect(decodeBytes(new TextEncoder().encode('a,b\n1,2')).encoding).toBe('utf-8');
    expect(decodeBytes(new TextEncoder().encode('解約\nはい')).text).toBe('解約\nはい');
  });
});

describe('parseCsv', () => {
  it('accounts-utf8.csv: header, rows and line numbers', () => {
    const { csv } = load('accounts-utf8.csv');
    expect(csv.headers).toHaveLength(14);
    expect(csv.headers[0]).toBe('Account ID');
    expect(csv.rows).toHaveLength(6);
    expect(csv.rowNumbers).toEqual([2, 3, 4, 5, 6, 7]);
    expect(csv.rows[2]).toEqual(['cedar', '18', '', '1', 'green', '9', '', 'yes', '', '', '', '7', 'yes', 'renewed']);
    expect(csv.errors).toEqual([]);
  });

  it('accounts-crlf-quoted.csv: quoted commas, doubled quotes and newlines; CRLF; empty records skipped; line numbers of multi-line records', () => {
    const { csv } = load('accounts-crlf-quoted.csv');
    expect(csv.headers).toEqual([
      'account name',
      'licence utilisation',
      'feature breadth',
      'csm sentiment',
      'notes',
      'churn',
    ]);
    expect(csv.rows.map((r) => r[0])).toEqual(['Acme, Inc.', 'Blue "Sky" KK', 'Cedar\r\nHoldings', 'Delta']);
    expect(csv.rows[1][4]).toBe('Two issues:\r\n1) budget, 2) sponsor left\r\nfollow up in May');
    expect(csv.rows[2]).toEqual(['Cedar\r\nHoldings', '', '', '', '', 'no']);
    expect(csv.rows[3][4]).toBe('single, quoted');
    // Line 1 header; 2 Acme; 3–5 Blue Sky; 6 ",,,,," (skipped); 7–8 Cedar; 9 empty (skipped); 10 Delta.
    expect(csv.rowNumbers).toEqual([2, 3, 7, 10]);
    expect(csv.errors).toEqual([]);
  });

  it('keeps cells as strings (no dynamic typing) and does not trim them', () => {
    const csv = parseCsv('a,b\n 007 ,true\n');
    expect(csv.rows).toEqual([[' 007 ', 'true']]);
  });

  it('reports unterminated quotes and wrong field counts with line numbers', () => {
    const csv = parseCsv('a,b\n1,2,3\n4,5\n"x,1\n');
    expect(csv.errors).toContainEqual({ code: 'field-count', params: { row: 2, expected: 2, actual: 3 } });
    expect(csv.errors.find((e) => e.code === 'quotes')?.params.row).toBe(4);
  });

  it('detects tab and semicolon delimiters from the header line; LF, CRLF and CR line ends', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;"c,d"\n')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('a\tb\n1\t"2,5"\n').rows).toEqual([['1', '2,5']]);
    expect(parseCsv('a,b\r1,2\r3,4').rowNumbers).toEqual([2, 3]);
    expect(parseCsv('').headers).toEqual([]);
  });
});

describe('guessMapping', () => {
  it('normalises headers: case, width, spaces/underscores/hyphens', () => {
    expect(normaliseHeader('  Licence_Utilisation ')).toBe('licence utilisation');
    expect(normaliseHeader('licence--utilisation')).toBe('licence utilisation');
    expect(normaliseHeader('ＣＳＭ　センチメント')).toBe('csm センチメント');
    expect(normaliseHeader('主担当者ＮＰＳ')).toBe('主担当者nps');
    expect(normaliseHeader('アクティブユーザー推移')).toBe('アクティブユーザー推移'); // the long vowel mark is kept
  });

  it('maps English headers, the account and the outcome column', () => {
    const { mapping } = load('accounts-utf8.csv');
    expect(mapping.account).toBe(0);
    expect(mapping.outcome).toBe(13);
    expect(Object.keys(mapping.measures)).toHaveLength(12);
    expect(mapping.measures['feature-breadth']).toBe(3); // "Key features used" (alias)
    expect(mapping.measures['csm-sentiment']).toBe(4); // "CSM Sentiment"
  });

  it('maps Japanese headers, full-width letters and a unit in brackets', () => {
    const { mapping } = load('accounts-utf8-bom.csv');
    expect(mapping.account).toBe(0); // アカウント名
    expect(mapping.outcome).toBe(13); // 解約
    expect(mapping.measures['licence-utilisation']).toBe(1); // ライセンス利用率（%）
    expect(mapping.measures['csm-sentiment']).toBe(4); // ＣＳＭセンチメント
    expect(mapping.measures.nps).toBe(9); // 主担当者ＮＰＳ
    expect(Object.keys(mapping.measures)).toHaveLength(12);
  });

  it('every id, label and alias of the real models maps back to its own measure (no collisions)', () => {
    for (const model of [high, tech]) {
      for (const ms of model.measures) {
        for (const name of [ms.id, ms.label.en, ms.label.ja!, ...ms.csvAliases]) {
          const mapping = guessMapping([name], model);
          expect(mapping.measures, `${name}`).toEqual({ [ms.id]: 0 });
        }
      }
    }
  });

  it('uses each column once and leaves unknown columns unmapped', () => {
    const mapping = guessMapping(['NPS', 'nps_score', 'Notes', 'Customer', 'Status'], high);
    expect(mapping.measures).toEqual({ nps: 0 });
    expect(mapping.account).toBe(3);
    expect(mapping.outcome).toBe(4);
  });
});

describe('scoreRows', () => {
  it('accounts-utf8.csv: scores equal scoreAccount on the presets; insufficient data stays a scored row', () => {
    const { result } = load('accounts-utf8.csv');
    expect(result.bad).toEqual([]);
    expect(result.scored.map((s) => [s.row, s.accountId])).toEqual([
      [2, 'acme'],
      [3, 'blue-sky'],
      [4, 'cedar'],
      [5, 'delta'],
      [6, 'echo'],
      [7, 'foxtrot'],
    ]);
    PRESET_ROWS.forEach(([score, bandId], i) => {
      expect(result.scored[i].result.score).toBe(Number(score));
      expect(result.scored[i].result.band?.id).toBe(bandId);
      expect(result.scored[i].result.score).toBe(scoreAccount(high, high.presets[i].values).score);
    });
    // echo: all strong but CSM sentiment red → forced red.
    expect(result.scored[4].result.rawBand?.id).toBe('green');
    expect(result.scored[4].result.band?.id).toBe('red');
    expect(result.scored[5].result.status).toBe('insufficient-data');
    expect(result.scored.map((s) => s.outcome)).toEqual([
      'renewed',
      'churned',
      'renewed',
      'churned',
      'churned',
      'renewed',
    ]);
  });

  for (const name of ['accounts-utf8-bom.csv', 'accounts-sjis.csv']) {
    it(`${name}: Japanese headers and values (%, 緑/黄/グリーン, はい/いいえ/有/無) give the same scores`, () => {
      const { result } = load(name);
      expect(result.bad).toEqual([]);
      expect(result.scored.map((s) => s.accountId)).toEqual([
        '株式会社あおば',
        'さくら商事',
        'ひかり工業',
        'みどり運輸',
      ]);
      expect(result.scored.map((s) => [String(s.result.score), s.result.band?.id])).toEqual(PRESET_ROWS);
      expect(result.scored.map((s) => s.outcome)).toEqual(['更新', '解約', '継続', '解約']);
    });
  }

  it('accounts-crlf-quoted.csv: hand-checked scores with partial data', () => {
    const { result } = load('accounts-crlf-quoted.csv', highAnyCoverage);
    // Acme: product (40·100 + 30·60)/70 = 82.857, risk 100 → (30·82.857 + 20·100)/50 = 89.714
    // Blue Sky: product (40·30 + 30·25)/70 = 27.857, risk 50 → 36.714; Delta: risk 0 → 16.714 (and sentiment red)
    expect(result.scored.map((s) => [s.row, s.accountId, s.result.score, s.result.band?.id ?? null])).toEqual([
      [2, 'Acme, Inc.', 89.7, 'green'],
      [3, 'Blue "Sky" KK', 36.7, 'red'],
      [7, 'Cedar\r\nHoldings', null, null],
      [10, 'Delta', 16.7, 'red'],
    ]);
    expect(result.scored[2].result.status).toBe('insufficient-data');
    expect(result.scored.map((s) => s.outcome)).toEqual(['no', 'yes', 'no', 'yes']);
    // With the model's own 50 % floor these rows (31 % of the weight) read "insufficient data".
    expect(load('accounts-crlf-quoted.csv').result.scored.every((s) => s.result.status === 'insufficient-data')).toBe(
      true,
    );
  });

  it('accounts-bad-rows.csv: bad cells make their row bad (with line number and reason); the other rows are scored', () => {
    const { result } = load('accounts-bad-rows.csv', highAnyCoverage);
    expect(
      result.bad.map((b) => [
        b.row,
        b.accountId,
        b.reason.code,
        b.reason.params.measure,
        b.reason.params.value,
        b.reason.params.header,
      ]),
    ).toEqual([
      [3, 'bad-number', 'invalid-number', 'licence-utilisation', 'abc', 'licence utilisation'],
      [5, 'bad-sentiment', 'invalid-sentiment', 'csm-sentiment', 'purple', 'csm sentiment'],
      [6, 'bad-boolean', 'invalid-boolean', 'payment-issues', 'maybe', 'payment issues'],
      [7, 'bad-decimal-comma', 'invalid-number', 'support-tickets', '1,5', 'support tickets'],
    ]);
    // ok-1: every measure 100 → 100. ok-2: "1,234" = 1234 (out of range, still 100 points), yellow 50:
    // risk (50·50 + 25·100 + 25·100)/100 = 75 → (30·100 + 20·75 + 20·100)/70 = 92.857.
    // ok-3: 12 % → 30 points, the rest 0 → 30·30/70 = 12.857, sentiment red.
    expect(result.scored.map((s) => [s.row, s.accountId, s.result.score, s.result.band?.id])).toEqual([
      [2, 'ok-1', 100, 'green'],
      [4, 'ok-2', 92.9, 'green'],
      [8, 'ok-3', 12.9, 'red'],
    ]);
    expect(result.scored[1].values['licence-utilisation']).toBe(1234);
    expect(result.scored[2].result.overridesApplied.map((o) => o.id)).toEqual([
      'csm-sentiment-red',
      'payment-issue-cap',
      'no-meeting-90-days',
    ]);
  });

  it('collects every bad cell of a row', () => {
    const { bad } = scoreRows(high, [['x', 'abc', 'purple']], {
      measures: { 'licence-utilisation': 1, 'csm-sentiment': 2 },
      account: 0,
      outcome: null,
    });
    expect(bad).toHaveLength(1);
    expect(bad[0].row).toBe(2);
    expect(bad[0].reasons.map((r) => r.code)).toEqual(['invalid-number', 'invalid-sentiment']);
  });

  it('value maps turn raw labels into inputs per column (exact, then ignoring case and width)', () => {
    const rows = [
      ['a', 'Overdue', 'Happy', '86'],
      ['b', 'Paid', 'ＵＰＳＥＴ', 'N/A'],
      ['c', 'Paid', 'meh', '40'],
    ];
    const mapping = {
      measures: { 'payment-issues': 1, 'csm-sentiment': 2, 'licence-utilisation': 3 },
      account: 0,
      outcome: null,
    };
    const valueMaps = { 1: { Overdue: true, Paid: 'no' }, 2: { happy: 'green', upset: 'red' }, 3: { 'n/a': null } };
    const { scored, bad } = scoreRows(highAnyCoverage, rows, mapping, valueMaps);
    expect(
      scored.map((s) => [
        s.accountId,
        s.values['payment-issues'],
        s.values['csm-sentiment'],
        s.values['licence-utilisation'],
      ]),
    ).toEqual([
      ['a', 'yes', 'green', 86],
      ['b', 'no', 'red', null],
    ]);
    expect(bad.map((b) => [b.row, b.reason.code, b.reason.params.value])).toEqual([[4, 'invalid-sentiment', 'meh']]);
    expect(mapRawValue({ Yes: true }, ' yes ')).toEqual({ found: true, value: true });
    expect(mapRawValue(undefined, 'x')).toEqual({ found: false });
  });
});

describe('toScoredCsv', () => {
  it('original columns + score, band, coverage, status; BOM, CRLF, proper quoting; round-trips', () => {
    const { csv, result } = load('accounts-crlf-quoted.csv', highAnyCoverage);
    const out = toScoredCsv(csv, result);
    expect(
      out.startsWith(
        '\uFEFFaccount name,licence utilisation,feature breadth,csm sentiment,notes,churn,score,band,coverage (%),status,warnings\r\n',
      ),
    ).toBe(true);
    expect(out).toContain('"Acme, Inc.",86,4,green,Renewal call went well,no,89.7,green,31.0,ok,\r\n');
    expect(out).toContain(
      '"Blue ""Sky"" KK",40,2,yellow,"Two issues:\r\n1) budget, 2) sponsor left\r\nfollow up in May",yes,36.7,red,31.0,ok,\r\n',
    );
    expect(out).toContain('"Cedar\r\nHoldings",,,,,no,,,0.0,insufficient-data,\r\n');
    const back = parseCsv(decodeBytes(new TextEncoder().encode(out)).text);
    expect(back.rows.map((r) => r.slice(0, 6))).toEqual(csv.rows);
    expect(back.rows.map((r) => r[6])).toEqual(['89.7', '36.7', '', '16.7']);
  });

  it('bad rows keep their cells and show the reason code as status; bands can be labelled', () => {
    const { csv, result } = load('accounts-bad-rows.csv', highAnyCoverage);
    const out = toScoredCsv(csv, result, {
      bandLabel: (id) => high.bands.find((b) => b.id === id)!.label.ja!,
      labels: { score: 'スコア' },
    });
    const lines = out.slice(1).split('\r\n');
    expect(lines[0].split(',').slice(-5)).toEqual(['スコア', 'band', 'coverage (%)', 'status', 'warnings']);
    expect(lines[2]).toBe('bad-number,abc,green,no,3,10,,,,invalid-number,');
    // 1,234 % licence utilisation is outside 0–100: scored like 100, and said so in the row.
    expect(lines[3]).toBe(
      'ok-2,"1,234",yellow,no,2,10,92.9,グリーン（良好）,42.0,ok,"licence utilisation: 1,234 outside 0–100"',
    );
    expect(lines).toHaveLength(csv.rows.length + 2); // header + rows + trailing empty string
  });

  it("reports every value outside its measure's range per row: row, column, value, range; in the row and in the CSV", () => {
    const { csv, result } = load('accounts-bad-rows.csv', highAnyCoverage);
    const warned = result.scored.filter((r) => r.warnings?.length);
    expect(warned.length).toBeGreaterThan(0);
    for (const r of warned)
      for (const w of r.warnings!) {
        expect(w.code).toBe('out-of-range');
        const m = high.measures.find((x) => x.id === w.params.measure)! as { min: number; max: number };
        const v = Number(String(w.params.value).replace(/,/g, ''));
        expect(v < m.min || v > m.max, JSON.stringify(w)).toBe(true);
        expect(w.params).toMatchObject({ row: r.row, min: m.min, max: m.max });
        expect(csv.headers[Number(w.params.column)]).toBe(w.params.header);
      }
    const out = toScoredCsv(csv, result);
    const back = parseCsv(decodeBytes(new TextEncoder().encode(out)).text);
    const col = back.headers.indexOf('warnings');
    for (const r of warned)
      expect(back.rows[r.index][col]).toBe(
        r
          .warnings!.map((w) => `${w.params.header}: ${w.params.value} outside ${w.params.min}–${w.params.max}`)
          .join('; '),
      );
    // Rows inside the range carry no warning.
    expect(result.scored.filter((r) => !r.warnings).every((r) => back.rows[r.index][col] === '')).toBe(true);
  });
});

describe('runBatch (what the worker calls)', () => {
  it('decodes Shift_JIS, guesses the mapping, scores in chunks with progress, and backtests', async () => {
    const progress: [number, number][] = [];
    const out = await runBatch({ model: high, bytes: fixture('accounts-sjis.csv'), chunkSize: 3 }, (p) =>
      progress.push([p.done, p.total]),
    );
    expect(out.encoding).toBe('shift_jis');
    expect(progress).toEqual([
      [0, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(out.scored).toHaveLength(4);
    expect(out.backtest?.n).toBe(4);
    expect(out.backtest?.churned).toBe(2);
    expect(out.backtest?.errors).toEqual([]);
  });

  it('reports bad rows and outcome errors, and stops when aborted', async () => {
    const text = 'account,licence utilisation,churned\na,90,yes\nb,abc,no\nc,20,maybe\n';
    const out = await runBatch({ model: highAnyCoverage, text });
    expect(out.encoding).toBeNull();
    expect(out.bad.map((b) => b.row)).toEqual([3]);
    expect(out.backtest?.errors.map((e) => [e.row, e.reason.code])).toEqual([[4, 'unknown-outcome']]);
    const ac = new AbortController();
    ac.abort();
    await expect(runBatch({ model: high, text }, undefined, ac.signal)).rejects.toThrow('cancelled');
  });
});
