/**
 * The model designer's file and everything proportional to its rows, where they run (the designer's
 * Web Worker): the file's column profiles and guessed roles, the data checks, the first design and
 * each re-suggested measure, the scores of a design with the rows' problems, and the backtest's
 * parts that need every row (AUC with its DeLong interval, ROC curve thinned for drawing, lift, and
 * the scores counted per score value). The page sends the design (a few kilobytes) and gets these
 * summaries back; what depends on the bands only is computed on the page from the score counts
 * (bandStats, thresholdTableOf, suggestBandsFrom). Pure.
 */
import { backtest, type BacktestAccount, type BacktestResult } from '../backtest.ts';
import { delongCi, type AucCi } from './auc-ci.ts';
import { scoreHistogram, thinRoc, type ScoreHistogram } from './bands.ts';
import {
  dataIssues,
  guessRoles,
  outcomeCounts,
  profileColumns,
  readColumn,
  readOutcome,
  type ColumnData,
  type ColumnKind,
  type ColumnProfile,
  type DataIssue,
  type Guess,
} from './columns.ts';
import type { HealthModel } from '../../../schemas/health.ts';
import {
  bandOf,
  designProblems,
  pointsColumn,
  scoreRowsFast,
  toHealthModel,
  type Design,
  type DesignMeasure,
} from './design.ts';
import type { DesignData } from './fit.ts';
import { cellAt, type ColumnTable } from './file-columns.ts';
import { rowProblems } from './row-problems.ts';
import { startDesign, suggestMeasure } from './start.ts';
import type { Direction, NumericMethod } from './suggest.ts';

/** The outcome column and the labels that mean churn. */
export interface OutcomeSpec {
  col: number;
  churnLabels: string[];
}

/** What the page keeps of a file read in the worker. */
export interface FileSummary {
  headers: string[];
  rowCount: number;
  profiles: ColumnProfile[];
  guess: Guess;
}

export interface CheckQuery {
  outcome: number | null;
  account: number | null;
  churnLabels: string[];
  measures: { col: number; kind: ColumnKind }[];
}

export interface CheckAnswer {
  issues: DataIssue[];
  counts: { churned: number; renewed: number; unknown: number } | null;
}

export interface BuildQuery {
  measures: { col: number; kind: ColumnKind }[];
  outcome: OutcomeSpec;
  file: string;
  date: string;
}

export interface ViewQuery {
  design: Design;
  outcome: OutcomeSpec;
  account: number | null;
}

/** A row with problems as the page lists it: the account and unreadable cells as written in the file. */
export interface ShownRowProblem {
  index: number;
  account: string | null;
  missing: string[];
  unreadable: { measure: string; value: string }[];
  outOfRange: { measure: string; value: number; min: number; max: number }[];
}

/** Rows listed with their problems (the rest are counted). */
export const SHOWN_ROW_PROBLEMS = 200;
/** Points of the ROC curve sent for drawing and its table. */
export const ROC_POINTS = 200;

/** The backtest's parts that do not depend on the bands. */
export type ScoresSummary = Omit<BacktestResult, 'bands' | 'lowestBand' | 'errors'> & {
  ci: AucCi | null;
  histogram: ScoreHistogram;
};

export interface DesignView {
  rowProblems: { count: number; shown: ShownRowProblem[] };
  /** Null while the design has problems (no scores). */
  scores: { insufficient: { n: number; share: number }; backtest: ScoresSummary } | null;
}

const outcomeKey = (o: OutcomeSpec) => JSON.stringify([o.col, o.churnLabels]);

/** A file held by column, with the measure columns and outcomes read from it kept for the next request. */
export class DesignSession {
  readonly headers: string[];
  readonly table: ColumnTable;
  readonly profiles: ColumnProfile[];
  private readonly columns = new Map<string, ColumnData>();
  private outcomeCache: { key: string; outcome: Int8Array } | null = null;

  constructor(headers: string[], table: ColumnTable) {
    this.headers = headers;
    this.table = table;
    this.profiles = profileColumns(headers, table);
  }

  summary(): FileSummary {
    return {
      headers: this.headers,
      rowCount: this.table.rowCount,
      profiles: this.profiles,
      guess: guessRoles(this.profiles, this.table.rowCount),
    };
  }

  column(col: number, kind: ColumnKind): ColumnData {
    const key = `${col}:${kind}`;
    let c = this.columns.get(key);
    if (!c) this.columns.set(key, (c = readColumn(this.table, col, kind)));
    return c;
  }

  outcome(o: OutcomeSpec): Int8Array {
    const key = outcomeKey(o);
    if (this.outcomeCache?.key !== key)
      this.outcomeCache = { key, outcome: readOutcome(this.table, o.col, o.churnLabels) };
    return this.outcomeCache.outcome;
  }

  check(q: CheckQuery): CheckAnswer {
    return {
      issues: dataIssues(this.headers, this.table, this.profiles, q),
      counts: q.outcome === null ? null : outcomeCounts(this.outcome({ col: q.outcome, churnLabels: q.churnLabels })),
    };
  }

  build(q: BuildQuery): Design {
    return startDesign({
      headers: this.headers,
      rows: this.table,
      measures: q.measures,
      outcome: this.outcome(q.outcome),
      file: q.file,
      date: q.date,
    });
  }

  resuggest(
    m: DesignMeasure,
    outcome: OutcomeSpec,
    force: { method?: NumericMethod; direction?: Direction },
  ): DesignMeasure {
    return suggestMeasure(m, this.column(m.col, m.kind), this.outcome(outcome), force);
  }

  /** The design's columns and the outcomes (what the fit reads). */
  data(d: Design, outcome: OutcomeSpec): DesignData {
    return { columns: d.measures.map((m) => this.column(m.col, m.kind)), outcome: this.outcome(outcome) };
  }

  view(q: ViewQuery): DesignView {
    const { design } = q;
    const { columns, outcome } = this.data(design, q.outcome);
    const problems = rowProblems(design, columns);
    const cell = (col: number, i: number) => cellAt(this.table.columns[col], i);
    const colOf = new Map(design.measures.map((m) => [m.id, m.col]));
    const shown = problems.slice(0, SHOWN_ROW_PROBLEMS).map((p) => ({
      ...p,
      account: q.account === null ? null : cell(q.account, p.index),
      unreadable: p.unreadable.map((u) => ({ measure: u.measure, value: cell(colOf.get(u.measure) ?? -1, p.index) })),
    }));
    const rowView = { count: problems.length, shown };
    if (designProblems(design).length > 0) return { rowProblems: rowView, scores: null };
    const model = toHealthModel(design);
    const score = scoreRowsFast(
      model,
      model.measures.map((m, j) => pointsColumn(m, columns[j])),
    ).score;
    return { rowProblems: rowView, scores: scoresOf(model, score, outcome) };
  }
}

/** Rows with no score, and the backtest's parts that need every row. */
export function scoresOf(
  model: Pick<HealthModel, 'bands'>,
  score: Float64Array,
  outcome: Int8Array,
): NonNullable<DesignView['scores']> {
  let n = 0;
  for (const s of score) if (Number.isNaN(s)) n++;
  const accounts: BacktestAccount[] = [];
  const churnedScores: number[] = [];
  const renewedScores: number[] = [];
  for (let i = 0; i < outcome.length; i++) {
    const s = score[i];
    const ok = !Number.isNaN(s);
    accounts.push({
      score: ok ? s : null,
      bandIndex: ok ? bandOf(model.bands, s) : null,
      outcome: outcome[i] < 0 ? '' : outcome[i] === 1,
    });
    if (ok && outcome[i] === 1) churnedScores.push(s);
    else if (ok && outcome[i] === 0) renewedScores.push(s);
  }
  const { bands: _b, lowestBand: _l, errors: _e, ...bt } = backtest(model, accounts);
  return {
    insufficient: { n, share: score.length ? n / score.length : 0 },
    backtest: {
      ...bt,
      roc: thinRoc(bt.roc, ROC_POINTS),
      ci: delongCi(churnedScores, renewedScores),
      histogram: scoreHistogram(score, outcome),
    },
  };
}
