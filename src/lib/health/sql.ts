/**
 * A health model as one SQL query, for scoring accounts in a data warehouse every night.
 *
 * The query reads a table with one row per account and one column per measure, and returns the same
 * score, band, coverage, overrides and "insufficient data" status as `scoreAccount` in ./score.ts:
 * the same tiers, linear ramps and category maps, the same missing-data rule (redistribute or zero),
 * the same overrides (a band cap) and the same rounding (one decimal, halves up). Every constant is
 * computed here once and written into the query as a double, and every sum is written in the same
 * order as the JavaScript engine adds it, so both give identical figures (the tests run the query in
 * DuckDB and compare every row).
 *
 * What the query does not do: staleness (it needs a per-measure update date; filter stale inputs to
 * NULL before scoring) and text cleaning of numbers ("1,234", "12%"): numeric measure columns must
 * be numeric. Boolean measures accept a BOOLEAN column or text (yes/no, true/false, 1/0, はい/いいえ);
 * sentiment accepts red/yellow/green (also r/y/g, 赤/黄/緑); a category input accepts its labels ignoring
 * case and surrounding spaces, and an override `equals` on it compares the label as written (as the
 * engine does). Text is trimmed and lower-cased but not NFKC-folded (the engine also reads full-width
 * letters). A value that is not a known category gives the status 'invalid-input' (the JavaScript
 * engine refuses such a row).
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import { weightShares } from './model-shares.ts';
import { foldForMatch } from '../text/fold.ts';
import type { SqlDialect } from './sql-dialects.ts';

export { SQL_DIALECTS, SQL_DIALECT_NAMES, SQL_TABLE, sqlFileName, type SqlDialect } from './sql-dialects.ts';

export interface SqlOptions {
  dialect: SqlDialect;
  /** The table (or view) to read, written as it should appear after FROM, e.g. analytics.account_measures. */
  table: string;
  /** Columns copied to the output to identify the account (default: account_id). */
  keyColumns?: string[];
  /** Column name for each measure id (default: the measure id). */
  columns?: Record<string, string>;
}

interface DialectInfo {
  double: string;
  text: string;
  quote: (name: string) => string;
}

const DIALECTS: Record<SqlDialect, DialectInfo> = {
  duckdb: { double: 'DOUBLE', text: 'VARCHAR', quote: (n) => `"${n.replace(/"/g, '""')}"` },
  postgres: { double: 'DOUBLE PRECISION', text: 'TEXT', quote: (n) => `"${n.replace(/"/g, '""')}"` },
  bigquery: { double: 'FLOAT64', text: 'STRING', quote: (n) => `\`${n.replace(/[`\\]/g, (c) => `\\${c}`)}\`` },
  snowflake: { double: 'DOUBLE', text: 'VARCHAR', quote: (n) => `"${n.replace(/"/g, '""')}"` },
};

/** Words that mean yes / no for a boolean measure, and the sentiment words, as the JavaScript parser reads them. */
const YES_WORDS = ['yes', 'y', 'true', 't', '1', 'はい', '有', 'あり', '有り'];
const NO_WORDS = ['no', 'n', 'false', 'f', '0', 'いいえ', '無', 'なし', '無し'];
const SENTIMENT_WORDS: Record<'red' | 'yellow' | 'green', string[]> = {
  red: ['red', 'r', '赤', 'レッド'],
  yellow: ['yellow', 'y', '黄', '黄色', 'イエロー', 'amber'],
  green: ['green', 'g', '緑', 'グリーン'],
};

const EPS = 1e-9;

/** A SQL string literal. */
const str = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A SQL identifier made of the measure id: measure ids are [a-z0-9-], so this never clashes with user columns. */
const internal = (prefix: string, id: string): string => `__${prefix}_${id.replace(/-/g, '_')}`;

/**
 * Builds the scoring query for a model. Output columns: the key columns, then
 * `score` (0–100, one decimal, NULL with insufficient data), `band` (band id after overrides),
 * `band_index` (0 = lowest), `raw_band` (before overrides), `coverage` (0–1, share of the nominal weight
 * with data), `overrides_applied` (ids, comma-separated, '' for none) and `status`
 * ('ok' | 'insufficient-data' | 'invalid-input').
 */
export function healthModelSql(model: HealthModel, opts: SqlOptions): string {
  const d = DIALECTS[opts.dialect];
  const q = d.quote;
  const num = (x: number): string => {
    if (!Number.isFinite(x)) throw new Error(`cannot write ${x} as SQL`);
    return `CAST(${str(String(x))} AS ${d.double})`;
  };
  const keyColumns = opts.keyColumns ?? ['account_id'];
  const col = (m: Measure): string => q(opts.columns?.[m.id] ?? m.id);
  const v = (m: Measure): string => internal('v', m.id);
  const p = (m: Measure): string => internal('p', m.id);
  const bad = (m: Measure): string => internal('bad', m.id);
  const lowerText = (expr: string): string => `LOWER(TRIM(CAST(${expr} AS ${d.text})))`;

  // 1. Typed values: numbers as doubles, booleans as 'yes'/'no', sentiment as its colour; NULL = no data.
  const typed: string[] = [];
  for (const m of model.measures) {
    if (m.input === 'boolean') {
      const t = lowerText(`s.${col(m)}`);
      typed.push(
        `CASE WHEN ${t} IN (${YES_WORDS.map(str).join(', ')}) THEN 'yes' WHEN ${t} IN (${NO_WORDS.map(str).join(', ')}) THEN 'no' ELSE NULL END AS ${v(m)}`,
        `CASE WHEN s.${col(m)} IS NOT NULL AND ${t} <> '' AND ${t} NOT IN (${[...YES_WORDS, ...NO_WORDS].map(str).join(', ')}) THEN 1 ELSE 0 END AS ${bad(m)}`,
      );
    } else if (m.input === 'sentiment') {
      const t = lowerText(`s.${col(m)}`);
      const all = Object.values(SENTIMENT_WORDS).flat();
      typed.push(
        `CASE ${Object.entries(SENTIMENT_WORDS)
          .map(([c, words]) => `WHEN ${t} IN (${words.map(str).join(', ')}) THEN ${str(c)}`)
          .join(' ')} ELSE NULL END AS ${v(m)}`,
        `CASE WHEN s.${col(m)} IS NOT NULL AND ${t} <> '' AND ${t} NOT IN (${all.map(str).join(', ')}) THEN 1 ELSE 0 END AS ${bad(m)}`,
      );
    } else if (m.input === 'category') {
      // The label as written (an exact key first, as the engine looks it up), else the first key equal ignoring case.
      const asWritten = `TRIM(CAST(s.${col(m)} AS ${d.text}))`;
      const t = lowerText(`s.${col(m)}`);
      const labels = m.scoring.kind === 'map' ? Object.keys(m.scoring.points) : [];
      const exact = labels.map((k) => `WHEN ${asWritten} = ${str(k)} THEN ${str(k)}`);
      const folded = labels.map((k) => `WHEN ${t} = ${str(foldForMatch(k))} THEN ${str(k)}`);
      const known = [...new Set(labels.map(foldForMatch))];
      typed.push(
        `CASE ${[...exact, ...folded].join(' ')} ELSE NULL END AS ${v(m)}`,
        `CASE WHEN s.${col(m)} IS NOT NULL AND ${t} <> '' AND ${t} NOT IN (${known.map(str).join(', ')}) THEN 1 ELSE 0 END AS ${bad(m)}`,
        `${asWritten} AS ${internal('r', m.id)}`,
      );
    } else {
      typed.push(`CAST(s.${col(m)} AS ${d.double}) AS ${v(m)}`, `0 AS ${bad(m)}`);
    }
  }

  // 2. Points per measure (NULL without data).
  const points = model.measures.map((m) => {
    const s = m.scoring;
    const val = v(m);
    let expr: string;
    if (s.kind === 'map') {
      const known = Object.entries(s.points);
      expr = `CASE ${known.map(([k, pts]) => `WHEN ${val} = ${str(k)} THEN ${num(pts)}`).join(' ')} ELSE NULL END`;
    } else if (s.kind === 'linear') {
      expr = `LEAST(${num(1)}, GREATEST(${num(0)}, (${val} - ${num(s.zeroAt)}) / ${num(s.fullAt - s.zeroAt)})) * ${num(100)}`;
    } else {
      const op = m.direction === 'lower' ? '<=' : '>=';
      expr = `CASE ${s.tiers.map((t) => `WHEN ${val} ${op} ${num(t.at)} THEN ${num(t.points)}`).join(' ')} ELSE ${num(s.otherwise ?? 0)} END`;
    }
    return `CASE WHEN ${val} IS NULL THEN NULL ELSE ${expr} END AS ${p(m)}`;
  });

  // 3. Groups: weight present and weighted points, in model order, as the engine adds them.
  const redistribute = model.missingData.rule === 'redistribute';
  const usedGroups = model.groups.filter((g) => model.measures.some((m) => m.group === g.id));
  const groupTotal = usedGroups.reduce((s, g) => s + g.weight, 0);
  const present = (gid: string): string => internal('present', gid);
  const sumOf = (terms: string[]): string => (terms.length === 0 ? num(0) : terms.join(' + '));
  const groupCols = usedGroups.map((g) => {
    const ms = model.measures.filter((m) => m.group === g.id);
    return `${sumOf(ms.map((m) => `CASE WHEN ${p(m)} IS NULL THEN ${num(0)} ELSE ${num(m.weight)} END`))} AS ${present(g.id)}`;
  });
  const groupHasData = (gid: string): string => `${present(gid)} > ${num(0)}`;
  const active = redistribute
    ? sumOf(usedGroups.map((g) => `CASE WHEN ${groupHasData(g.id)} THEN ${num(g.weight)} ELSE ${num(0)} END`))
    : num(groupTotal);

  // Coverage: the measures' nominal shares, normalised as the engine does, summed over measures with data.
  const shares = weightShares(model);
  const shareTotal = [...shares.values()].reduce((a, b) => a + b, 0) || 1;
  const coverage = sumOf(
    model.measures.map(
      (m) => `CASE WHEN ${p(m)} IS NULL THEN ${num(0)} ELSE ${num((shares.get(m.id) ?? 0) / shareTotal)} END`,
    ),
  );

  // 4. Each measure's contribution = points × effective weight; the exact score is their sum, in model order.
  const contributions = model.measures.map((m) => {
    const g = usedGroups.find((x) => x.id === m.group)!;
    const all = model.measures.filter((x) => x.group === g.id).reduce((s, x) => s + x.weight, 0);
    const gEff = `(CASE WHEN __active > ${num(0)}${redistribute ? ` AND ${groupHasData(g.id)}` : ''} THEN ${num(g.weight)} / __active ELSE ${num(0)} END)`;
    const eff = redistribute
      ? `(${gEff} * ${num(m.weight)}) / ${present(g.id)}`
      : `(${gEff} * ${num(m.weight)}) / ${num(all)}`;
    return `CASE WHEN ${p(m)} IS NULL THEN ${num(0)} ELSE ${p(m)} * (${eff}) END`;
  });
  const exact = sumOf([num(0), ...contributions]);

  // 5. Overrides: the holding ones cap the band index; they are listed even with insufficient data.
  const bandIndex = new Map(model.bands.map((b, i) => [b.id, i]));
  const measureById = new Map(model.measures.map((m) => [m.id, m]));
  const overrides = model.overrides.flatMap((o) => {
    const m = measureById.get(o.measure);
    const cap = bandIndex.get(o.forceBand);
    if (!m || cap === undefined) return [];
    const val = v(m);
    let cond: string;
    if (o.equals !== undefined) {
      const want = equalsValue(m, o.equals);
      if (want === null) return [];
      if (m.input === 'category') cond = `${internal('r', m.id)} = ${str(String(want))}`;
      else cond = typeof want === 'number' ? `${val} = ${num(want)}` : `${val} = ${str(want)}`;
    } else if (m.input === 'boolean' || m.input === 'sentiment' || m.input === 'category') return [];
    else if (o.below !== undefined) cond = `${val} < ${num(o.below)}`;
    else cond = `${val} > ${num(o.above!)}`;
    return [{ id: o.id, cap, cond: `(${val} IS NOT NULL AND ${cond})` }];
  });

  const minCoverage = model.missingData.minCoverage;
  const insufficient = `(__coverage + ${num(EPS)} < ${num(minCoverage)}${redistribute ? ` OR __active = ${num(0)}` : ''})`;
  const rounded = `FLOOR(__exact * ${num(10)} + ${num(EPS)} + ${num(0.5)}) / ${num(10)}`;
  const rawIndex = `CASE ${model.bands
    .map((b, i) => ({ b, i }))
    .reverse()
    .map(({ b, i }) => `WHEN __score >= ${num(b.min)} THEN ${i}`)
    .join(' ')} ELSE 0 END`;
  const capped =
    overrides.length === 0
      ? '__raw_index'
      : `LEAST(__raw_index, ${overrides.map((o) => `CASE WHEN ${o.cond} THEN ${o.cap} ELSE __raw_index END`).join(', ')})`;
  const bandName = (expr: string): string =>
    `CASE ${model.bands.map((b, i) => `WHEN ${expr} = ${i} THEN ${str(b.id)}`).join(' ')} END`;
  const applied =
    overrides.length === 0
      ? "''"
      : `RTRIM(${overrides.map((o) => `CASE WHEN ${o.cond} THEN ${str(`${o.id},`)} ELSE '' END`).join(' || ')}, ',')`;
  const anyBad = sumOf(model.measures.map((m) => bad(m)));
  const keys = keyColumns.map((k) => `s.${q(k)}`);
  const keyOut = keyColumns.map((k) => q(k));

  const lines = [
    `-- Health score: ${model.name.en} (version ${model.version}), ${opts.dialect}.`,
    '-- Generated by Bansō from the model file (same scores as the portal). Do not edit: export it again.',
    'WITH typed AS (',
    `  SELECT ${[...keys, ...typed].join(',\n    ')}`,
    `  FROM ${opts.table} AS s`,
    '), pointed AS (',
    `  SELECT typed.*,\n    ${points.join(',\n    ')}`,
    '  FROM typed',
    '), grouped AS (',
    `  SELECT pointed.*,\n    ${[...groupCols, `${anyBad} AS __bad`].join(',\n    ')}`,
    '  FROM pointed',
    '), totalled AS (',
    `  SELECT grouped.*, ${active} AS __active, ${coverage} AS __coverage`,
    '  FROM grouped',
    '), exacted AS (',
    `  SELECT totalled.*, CASE WHEN ${insufficient} THEN NULL ELSE ${exact} END AS __exact`,
    '  FROM totalled',
    '), rounded AS (',
    `  SELECT exacted.*, CASE WHEN __exact IS NULL THEN NULL ELSE ${rounded} END AS __score`,
    '  FROM exacted',
    '), banded AS (',
    `  SELECT rounded.*, CASE WHEN __score IS NULL THEN NULL ELSE ${rawIndex} END AS __raw_index`,
    '  FROM rounded',
    '), capped AS (',
    `  SELECT banded.*, CASE WHEN __raw_index IS NULL THEN NULL ELSE ${capped} END AS __band_index`,
    '  FROM banded',
    ')',
    'SELECT',
    `  ${[
      ...keyOut,
      `CASE WHEN __bad > 0 THEN NULL ELSE __score END AS ${q('score')}`,
      `CASE WHEN __bad > 0 THEN NULL ELSE ${bandName('__band_index')} END AS ${q('band')}`,
      `CASE WHEN __bad > 0 THEN NULL ELSE __band_index END AS ${q('band_index')}`,
      `CASE WHEN __bad > 0 THEN NULL ELSE ${bandName('__raw_index')} END AS ${q('raw_band')}`,
      `__coverage AS ${q('coverage')}`,
      `${applied} AS ${q('overrides_applied')}`,
      `CASE WHEN __bad > 0 THEN 'invalid-input' WHEN __score IS NULL THEN 'insufficient-data' ELSE 'ok' END AS ${q('status')}`,
    ].join(',\n  ')}`,
    'FROM capped',
  ];
  return `${lines.join('\n')}\n`;
}

/** An override's `equals` as the typed value the engine compares with (null when it can never match). */
function equalsValue(m: Measure, equals: string | number | boolean): string | number | null {
  const s = String(equals).normalize('NFKC').trim().toLowerCase();
  if (m.input === 'boolean') {
    if (typeof equals === 'boolean') return equals ? 'yes' : 'no';
    if (YES_WORDS.includes(s)) return 'yes';
    if (NO_WORDS.includes(s)) return 'no';
    return null;
  }
  if (m.input === 'sentiment') {
    for (const [c, words] of Object.entries(SENTIMENT_WORDS)) if (words.includes(s)) return c;
    return null;
  }
  // A category compares the label as written (NFKC, trimmed, case kept), as the engine's coerceValue gives it.
  if (m.input === 'category') return String(equals).normalize('NFKC').trim() || null;
  if (typeof equals === 'number') return equals;
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
}
