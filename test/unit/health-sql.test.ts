// The SQL export of a health model, run in DuckDB, gives exactly the JavaScript engine's score, band,
// coverage, overrides and status for every row: every CSV fixture under every shipped model, and a
// generated 10,000-row table per model with missing values, tier boundaries and override cases.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes, guessMapping, parseCsv, scoreRows } from '../../src/lib/health/csv.ts';
import {
  categoriesOf,
  isNumericMeasure,
  scoreAccount,
  type InputValue,
  type TypedValue,
} from '../../src/lib/health/score.ts';
import { healthModelSql, SQL_DIALECTS, type SqlDialect } from '../../src/lib/health/sql.ts';
import type { HealthModel, Measure } from '../../src/schemas/health.ts';
import { csvFixture, loadModel } from '../helpers/health-fixtures.ts';
import { prng } from '../helpers/prng.ts';

const modelIds = readdirSync('content/healthModels')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const csvFiles = readdirSync('test/fixtures/csv').filter((f) => f.endsWith('.csv'));

let db: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});

interface Row {
  id: string;
  values: Record<string, TypedValue | null>;
}
interface Out {
  score: number | null;
  band: string | null;
  raw_band: string | null;
  coverage: number;
  overrides_applied: string;
  status: string;
}

const sqlType = (m: Measure): string =>
  m.input === 'boolean' ? 'BOOLEAN' : m.input === 'sentiment' || m.input === 'category' ? 'VARCHAR' : 'DOUBLE';

let tableNo = 0;
/** Loads typed rows into a fresh DuckDB table (booleans as BOOLEAN, sentiment as text, numbers as DOUBLE). */
async function loadTable(model: HealthModel, rows: Row[]): Promise<string> {
  const table = `accounts_${++tableNo}`;
  const cols = model.measures.map((m) => `"${m.id}" ${sqlType(m)}`);
  await con.run(`CREATE TABLE ${table} (account_id VARCHAR, ${cols.join(', ')})`);
  const app = await con.createAppender(table);
  for (const r of rows) {
    app.appendVarchar(r.id);
    for (const m of model.measures) {
      const v = r.values[m.id];
      if (v === null || v === undefined) app.appendNull();
      else if (m.input === 'boolean') app.appendBoolean(v === 'yes');
      else if (m.input === 'sentiment' || m.input === 'category') app.appendVarchar(String(v));
      else app.appendDouble(v as number);
    }
    app.endRow();
  }
  app.closeSync();
  return table;
}

async function runSql(model: HealthModel, table: string, dialect: SqlDialect = 'duckdb'): Promise<Map<string, Out>> {
  const reader = await con.runAndReadAll(healthModelSql(model, { dialect, table }));
  const out = new Map<string, Out>();
  for (const r of reader.getRowObjectsJS()) out.set(String(r.account_id), r as unknown as Out);
  return out;
}

/** Compares every row with the engine: identical score, band, raw band, status and overrides; coverage to 1e-12. */
async function expectSame(
  model: HealthModel,
  rows: Row[],
  dialect: SqlDialect = 'duckdb',
): Promise<{ bands: Set<string>; overrides: number; insufficient: number }> {
  const got = await runSql(model, await loadTable(model, rows), dialect);
  expect(got.size).toBe(rows.length);
  const seen = { bands: new Set<string>(), overrides: 0, insufficient: 0 };
  for (const r of rows) {
    const js = scoreAccount(model, r.values as Record<string, InputValue>, { asOf: '2026-12-01' });
    const sql = got.get(r.id)!;
    const want = {
      score: js.score,
      band: js.band?.id ?? null,
      raw_band: js.rawBand?.id ?? null,
      status: js.status,
      overrides_applied: js.overridesApplied.map((o) => o.id).join(','),
    };
    const have = {
      score: sql.score,
      band: sql.band,
      raw_band: sql.raw_band,
      status: sql.status,
      overrides_applied: sql.overrides_applied,
    };
    if (JSON.stringify(have) !== JSON.stringify(want))
      expect({ id: r.id, values: r.values, ...have }).toEqual({ id: r.id, values: r.values, ...want });
    expect(Math.abs(sql.coverage - js.coverage)).toBeLessThan(1e-12);
    if (want.band) seen.bands.add(want.band);
    if (want.overrides_applied) seen.overrides++;
    if (want.status === 'insufficient-data') seen.insufficient++;
  }
  return seen;
}

/** Values for a measure around its scale and exactly on its tier bounds, ramp ends and override thresholds. */
function candidates(model: HealthModel, m: Measure): TypedValue[] {
  if (m.input === 'boolean') return ['yes', 'no'];
  if (m.input === 'sentiment') return ['red', 'yellow', 'green'];
  // A category's labels as written, in other cases and with spaces around (the engine reads them all).
  if (m.input === 'category')
    return categoriesOf(m).flatMap((k) => [k, String(k).toUpperCase(), String(k).toLowerCase(), ` ${k}  `]);
  const out = new Set<number>();
  const s = m.scoring;
  if (s.kind === 'tiers')
    for (const t of s.tiers) [t.at, t.at - 1, t.at + 1, t.at - 0.05, t.at + 0.05].forEach((x) => out.add(x));
  if (s.kind === 'linear') [s.zeroAt, s.fullAt, (s.zeroAt + s.fullAt) / 2].forEach((x) => out.add(x));
  for (const o of model.overrides.filter((x) => x.measure === m.id))
    for (const x of [o.below, o.above, typeof o.equals === 'number' ? o.equals : undefined])
      if (x !== undefined) [x, x - 1, x + 1].forEach((y) => out.add(y));
  const lo = m.min ?? 0;
  const hi = m.max ?? 100;
  [lo, hi, lo - 5, hi + 5].forEach((x) => out.add(x));
  return [...out];
}

function generate(model: HealthModel, n: number, seed: number): Row[] {
  const rnd = prng(seed);
  const pools = new Map(model.measures.map((m) => [m.id, candidates(model, m)]));
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const missingRate = [0, 0.1, 0.3, 0.7][i % 4];
    const values: Record<string, TypedValue | null> = {};
    for (const m of model.measures) {
      if (rnd() < missingRate) values[m.id] = null;
      else if (isNumericMeasure(m) && rnd() < 0.5) {
        const lo = m.min ?? 0;
        const hi = m.max ?? 100;
        values[m.id] = Math.round((lo + rnd() * (hi - lo)) * 100) / 100;
      } else {
        const pool = pools.get(m.id)!;
        values[m.id] = pool[Math.floor(rnd() * pool.length)];
      }
    }
    rows.push({ id: `g-${i}`, values });
  }
  return rows;
}

describe('health model SQL in DuckDB matches the JavaScript engine', () => {
  for (const id of modelIds) {
    const model = loadModel(id);

    it(`${id}: 10,000 generated accounts with missing data, tier bounds and overrides`, async () => {
      const seen = await expectSame(model, generate(model, 10_000, 20261201));
      // The data really exercised the paths: every band, overrides and insufficient data occur.
      expect([...seen.bands].sort()).toEqual(model.bands.map((b) => b.id).sort());
      if (model.overrides.length > 0) expect(seen.overrides).toBeGreaterThan(100);
      expect(seen.insufficient).toBeGreaterThan(100);
    }, 60_000);

    for (const file of csvFiles) {
      it(`${id}: every scorable row of ${file}`, async () => {
        const parsed = parseCsv(decodeBytes(csvFixture(file)).text);
        const mapping = guessMapping(parsed.headers, model);
        const { scored } = scoreRows(model, parsed, mapping, {}, { asOf: '2026-12-01' });
        const rows: Row[] = scored.map((s) => ({
          id: `r-${s.row}`,
          values: s.values as Record<string, TypedValue | null>,
        }));
        for (const m of model.measures) for (const r of rows) if (!(m.id in r.values)) r.values[m.id] = null;
        await expectSame(model, rows);
      });
    }

    it(`${id}: the PostgreSQL and Snowflake texts run in DuckDB with the same results`, async () => {
      const rows = generate(model, 500, 7);
      for (const dialect of ['postgres', 'snowflake'] as const) await expectSame(model, rows, dialect);
    });
  }

  it('a category the model does not know gives the status invalid-input, never a colour', async () => {
    const model = loadModel('high-touch-health');
    const table = `odd_${++tableNo}`;
    await con.run(`CREATE TABLE ${table} (account_id VARCHAR, "csm-sentiment" VARCHAR, "payment-issues" VARCHAR)`);
    await con.run(`INSERT INTO ${table} VALUES ('a', 'purple', 'no'), ('b', '赤', 'はい'), ('c', ' Green ', 'maybe')`);
    const sql = healthModelSql(model, { dialect: 'duckdb', table, columns: {} });
    // Only two measures exist in this table: select the others as NULL through a view with every column.
    const cols = model.measures.map((m) =>
      ['csm-sentiment', 'payment-issues'].includes(m.id) ? `"${m.id}"` : `NULL AS "${m.id}"`,
    );
    await con.run(`CREATE VIEW ${table}_v AS SELECT account_id, ${cols.join(', ')} FROM ${table}`);
    const reader = await con.runAndReadAll(sql.replace(`FROM ${table} AS s`, `FROM ${table}_v AS s`));
    const byId = Object.fromEntries(reader.getRowObjectsJS().map((r) => [r.account_id, r]));
    expect(byId.a.status).toBe('invalid-input');
    expect(byId.a.band).toBeNull();
    expect(byId.c.status).toBe('invalid-input');
    // 赤 is red and はい is yes: a valid row (its score needs more data, so insufficient-data; the red override holds).
    expect(byId.b.status).toBe('insufficient-data');
    expect(String(byId.b.overrides_applied)).toContain('csm-sentiment-red');
  });
});

/** A model with a category input (plan tier): two labels that differ only in case, a Japanese label, and an override on one label. */
function withCategory(): HealthModel {
  const base = loadModel('tech-touch-health');
  const label = { en: 'Plan tier', ja: 'プラン' };
  const tier: Measure = {
    id: 'plan-tier',
    group: 'billing',
    label,
    input: 'category',
    direction: 'higher',
    weight: 25,
    csvAliases: [],
    scoring: { kind: 'map', points: { Enterprise: 100, Growth: 60, growth: 55, Starter: 20, エンタープライズ: 90 } },
  };
  const override = {
    id: 'starter-plan',
    measure: 'plan-tier',
    equals: 'Starter',
    forceBand: base.bands[1].id,
    reason: label,
  };
  return { ...base, measures: [...base.measures, tier], overrides: [...base.overrides, override] };
}

describe('category inputs in SQL', () => {
  const model = withCategory();

  it('5,000 generated accounts: labels in any case and with spaces score as in the engine; the override compares the label as written', async () => {
    const rows = generate(model, 5_000, 1201);
    const seen = await expectSame(model, rows);
    expect(seen.overrides).toBeGreaterThan(100);
    // Exactly-written labels win over case-folded ones ("growth" 55, "Growth" and "GROWTH" 60), and "STARTER" is no override.
    const js = (v: string) =>
      scoreAccount(model, {
        ...Object.fromEntries(model.measures.map((m) => [m.id, null])),
        'weekly-active-admins': 50,
        'plan-tier': v,
      });
    const got = await runSql(
      model,
      await loadTable(
        model,
        ['growth', 'Growth', 'GROWTH', 'Starter', 'STARTER'].map((v, i) => ({
          id: `c-${i}`,
          values: { 'weekly-active-admins': 50, 'plan-tier': v },
        })),
      ),
    );
    expect(js('growth').measures.find((x) => x.id === 'plan-tier')!.points).toBe(55);
    expect(js('GROWTH').measures.find((x) => x.id === 'plan-tier')!.points).toBe(60);
    expect(got.get('c-3')!.overrides_applied).toBe('starter-plan');
    expect(got.get('c-4')!.overrides_applied).toBe('');
    for (let i = 0; i < 5; i++)
      expect(got.get(`c-${i}`)!.score).toBe(js(['growth', 'Growth', 'GROWTH', 'Starter', 'STARTER'][i]).score);
  }, 60_000);

  it('an unknown label is invalid-input; an empty one is no data', async () => {
    const table = await loadTable(model, [
      { id: 'x', values: { 'plan-tier': 'Platinum' } },
      { id: 'y', values: { 'plan-tier': '  ' } },
    ]);
    const got = await runSql(model, table);
    expect(got.get('x')!.status).toBe('invalid-input');
    expect(() => scoreAccount(model, { 'plan-tier': 'Platinum' })).toThrow();
    expect(got.get('y')!.status).toBe(scoreAccount(model, { 'plan-tier': '  ' }).status);
  });

  it.each(['postgres', 'snowflake'] as const)('%s text runs in DuckDB with the same results', async (dialect) => {
    await expectSame(model, generate(model, 500, 3), dialect);
  });
});

describe('dialects', () => {
  const model = loadModel('tech-touch-health');
  it.each(SQL_DIALECTS)('%s: one query with the dialect’s quoting and double type', (dialect) => {
    const sql = healthModelSql(model, {
      dialect,
      table: 'analytics.account_measures',
      keyColumns: ['account_id', 'region'],
    });
    expect(sql.match(/\bSELECT\b/g)!.length).toBeGreaterThan(5);
    expect(sql).toContain('FROM analytics.account_measures AS s');
    const double = {
      duckdb: 'AS DOUBLE)',
      postgres: 'AS DOUBLE PRECISION)',
      bigquery: 'AS FLOAT64)',
      snowflake: 'AS DOUBLE)',
    }[dialect];
    expect(sql).toContain(double);
    expect(sql).toContain(dialect === 'bigquery' ? 's.`weekly-active-admins`' : 's."weekly-active-admins"');
    expect(sql).not.toMatch(/;\s*\S/); // one statement
  });
  it('column names can be mapped and are quoted safely', () => {
    const sql = healthModelSql(model, { dialect: 'duckdb', table: 't', columns: { 'in-app-nps': 'NPS "app"' } });
    expect(sql).toContain('s."NPS ""app"""');
  });
});
