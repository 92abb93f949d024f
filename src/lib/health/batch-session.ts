/**
 * Batch scoring of a CSV file of any length with bounded memory: the file (a Blob) is read in
 * chunks (csv-stream.ts), each chunk scored with scoreRows, and only compact per-row results are
 * kept in typed arrays (line, byte offset, score, band, coverage, status), plus the first rows of
 * each problem list with a count of the rest and the backtest tally. The results table is served a
 * page at a time from those arrays (the page's rows are read again from the file), and the scored
 * CSV is written in chunks as Blob parts. Pure logic over Blob: runs in the Web Worker or on the page.
 */
import Papa from 'papaparse';
import type { HealthModel } from '../../schemas/health.ts';
import type { Locale } from '../../i18n/locales.ts';
import { BacktestTally, type BacktestResult } from './backtest.ts';
import { distributionOf, type Distribution } from './backtest-story.ts';
import {
  mapRawValue,
  scoredCsvWriter,
  scoreRows,
  type BadRow,
  type ColumnMapping,
  type Encoding,
  type ScoredCsvOptions,
  type ScoredRow,
  type ValueMaps,
} from './csv.ts';
import { BatchCancelled, detectEncoding, streamCsv, type StreamSummary } from './csv-stream.ts';
import { cellKey, PAGE_SIZE, sortIndices, type Key, type ResultColumn } from './results-table.ts';
import type { SortState } from '../table-sort.ts';
import type { Issue } from './score.ts';
import { columnLabelsAdd, newColumnLabels, type ColumnLabels } from './value-labels.ts';
import { csvLines, writeCsv } from '../text/csv-write.ts';

/** Rows kept of each problem list (bad rows, warnings, parser problems, unreadable outcomes); the rest are counted. */
export const MAX_LISTED = 200;
/** Rows kept from the start of the file for the mapping step (samples, range checks): all rows of a smaller file. */
export const SAMPLE_ROWS = 10_000;
/** Rows scored between two looks at the cancel signal (and two progress reports). */
const SCORE_SLICE = 2_000;

export interface BatchProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}
export interface StreamRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: BatchProgress) => void;
  chunkBytes?: number;
  sniffChars?: number;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** After each chunk: report progress and give the event loop a turn (a 'cancel' message, the page's input). */
const afterChunk = (opts: StreamRunOptions, rows: () => number) => async (bytes: number, totalBytes: number) => {
  opts.onProgress?.({ rows: rows(), bytes, totalBytes });
  await tick();
};

/** Parser problems as parseCsv lists them (papaparse's first, then rows with another number of cells), capped. */
class ParseProblems {
  private readonly papa: Issue[] = [];
  private readonly fieldCount: Issue[] = [];
  count = 0;
  add(issue: Issue) {
    this.count++;
    const list = issue.code === 'field-count' ? this.fieldCount : this.papa;
    if (list.length < MAX_LISTED) list.push(issue);
  }
  checkWidth(cells: string[], width: number, row: number) {
    if (cells.length !== width)
      this.add({ code: 'field-count', params: { row, expected: width, actual: cells.length } });
  }
  list(): Issue[] {
    return [...this.papa, ...this.fieldCount].slice(0, MAX_LISTED);
  }
}

export interface InspectOutput {
  encoding: Encoding;
  headers: string[];
  rowCount: number;
  /** The first MAX_LISTED parser problems; parseErrorCount counts them all. */
  parseErrors: Issue[];
  parseErrorCount: number;
  /** The first SAMPLE_ROWS rows. */
  sample: string[][];
  /** Every column's labels over the whole file, for the value-label step. */
  labels: ColumnLabels[];
}

/** First pass over a new file: encoding, header, row count, parser problems, a sample of rows and each column's labels. */
export async function inspectFile(file: Blob, opts: StreamRunOptions = {}): Promise<InspectOutput> {
  const problems = new ParseProblems();
  const sample: string[][] = [];
  let labels: ColumnLabels[] = [];
  let headers: string[] = [];
  let rows = 0;
  const sum = await streamCsv(
    file,
    {
      onHeader: (h) => {
        headers = h;
        labels = h.map(() => newColumnLabels());
      },
      onRecord: (cells, line, i) => {
        rows = i + 1;
        problems.checkWidth(cells, headers.length, line);
        if (sample.length < SAMPLE_ROWS) sample.push(cells);
        for (let c = 0; c < labels.length; c++) columnLabelsAdd(labels[c], cells[c] ?? '', i);
      },
      onError: (e) => problems.add(e),
      onChunk: afterChunk(opts, () => rows),
    },
    opts,
  );
  return {
    encoding: sum.encoding,
    headers: sum.headers,
    rowCount: sum.rowCount,
    parseErrors: problems.list(),
    parseErrorCount: problems.count,
    sample,
    labels,
  };
}

export interface ScoreInput {
  model: HealthModel;
  mapping: ColumnMapping;
  valueMaps?: ValueMaps;
  /** From inspectFile (detected again when absent). */
  encoding?: Encoding;
  /** Run the backtest when an outcome column is mapped (default true). */
  backtest?: boolean;
}

export type WarnedRow = Pick<ScoredRow, 'row' | 'index' | 'accountId' | 'warnings'>;

/** What the page shows of a scored file besides the table. */
export interface BatchSummary {
  encoding: Encoding;
  headers: string[];
  mapping: ColumnMapping;
  rowCount: number;
  parseErrors: Issue[];
  parseErrorCount: number;
  /** Rows scored (including those with insufficient data) and their bands. */
  scoredCount: number;
  distribution: Distribution;
  bad: BadRow[];
  badCount: number;
  warned: WarnedRow[];
  warnedCount: number;
  backtest: BacktestResult | null;
}

/** A scored row of the table's page: as scoreRows gives it (without the per-measure breakdown) and its cells. */
export type PageRow = ScoredRow & { cells: string[] };
export interface PageResult {
  items: PageRow[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

/** Appendable typed array. */
class Column<T extends Float64Array | Uint32Array | Int8Array | Uint8Array> {
  private a: T;
  constructor(a: T) {
    this.a = a;
  }
  get(i: number): number {
    return this.a[i];
  }
  set(i: number, v: number) {
    if (i >= this.a.length) {
      const b = new (this.a.constructor as new (n: number) => T)(Math.max(i + 1, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
  trim(n: number) {
    this.a = this.a.slice(0, n) as T;
  }
}

export interface ExportOptions {
  labels: NonNullable<ScoredCsvOptions['labels']>;
  /** Band id → text written in the band column. */
  bandLabels: Record<string, string>;
  /** A warning's text with {header}, {value}, {min} and {max} in it. */
  warningTemplate: string;
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** One scored file: its compact per-row results and what the page asks of them. */
export class BatchRun {
  private readonly line = new Column(new Uint32Array(1024));
  private readonly start = new Column(new Float64Array(1024));
  private readonly bad = new Column(new Uint8Array(1024));
  private readonly score = new Column(new Float64Array(1024));
  private readonly band = new Column(new Int8Array(1024));
  private readonly coverage = new Column(new Float64Array(1024));
  private n = 0;
  private exactOffsets = true;
  private delimiter = ',';
  private orders = new Map<string, Uint32Array>();
  private scoredIdx = new Uint32Array(0);
  summary!: BatchSummary;

  private readonly file: Blob;
  private readonly input: ScoreInput & { encoding: Encoding };

  private constructor(file: Blob, input: ScoreInput & { encoding: Encoding }) {
    this.file = file;
    this.input = input;
  }

  /** Scores the file chunk by chunk; aborting the signal rejects with StreamCancelled. */
  static async score(file: Blob, input: ScoreInput, opts: StreamRunOptions = {}): Promise<BatchRun> {
    const encoding = input.encoding ?? (await detectEncoding(file, opts.chunkBytes, opts.signal));
    const run = new BatchRun(file, { ...input, encoding });
    await run.scoreAll(opts);
    return run;
  }

  private async scoreAll(opts: StreamRunOptions) {
    const { model, mapping, valueMaps = {} } = this.input;
    const problems = new ParseProblems();
    const tally =
      mapping.outcome !== null && this.input.backtest !== false ? new BacktestTally(model, MAX_LISTED) : null;
    const bands = model.bands.map(() => 0);
    let insufficient = 0;
    let scoredCount = 0;
    const bad: BadRow[] = [];
    let badCount = 0;
    const warned: WarnedRow[] = [];
    let warnedCount = 0;
    let headers: string[] = [];
    let chunk: string[][] = [];
    let lines: number[] = [];
    let first = 0;
    // Scores the rows read so far in slices: progress and a chance to cancel between slices, few objects alive.
    const flushAll = async (bytes: number, total: number) => {
      const rows = chunk;
      const nums = lines;
      chunk = [];
      lines = [];
      for (let k = 0; k < rows.length; k += SCORE_SLICE) {
        if (opts.signal?.aborted) throw new BatchCancelled();
        chunk = rows.slice(k, k + SCORE_SLICE);
        lines = nums.slice(k, k + SCORE_SLICE);
        flush();
        opts.onProgress?.({ rows: first, bytes, totalBytes: total });
        await tick();
      }
    };
    const flush = () => {
      const part = scoreRows(model, { rows: chunk, rowNumbers: lines, headers }, mapping, valueMaps);
      for (const b of part.bad) {
        const i = first + b.index;
        this.bad.set(i, 1);
        this.score.set(i, NaN);
        this.band.set(i, -1);
        if (badCount++ < MAX_LISTED) bad.push({ ...b, index: i });
      }
      for (const s of part.scored) {
        const i = first + s.index;
        const r = s.result;
        this.bad.set(i, 0);
        this.score.set(i, r.score ?? NaN);
        this.band.set(i, r.band?.index ?? -1);
        this.coverage.set(i, r.coverage);
        scoredCount++;
        if (r.band === null || r.status === 'insufficient-data') insufficient++;
        else bands[r.band.index]++;
        if (s.warnings?.length && warnedCount++ < MAX_LISTED)
          warned.push({ row: s.row, index: i, accountId: s.accountId, warnings: s.warnings });
        tally?.add({
          row: s.row,
          accountId: s.accountId,
          score: r.score,
          bandIndex: r.band?.index ?? null,
          outcome: s.outcome,
        });
      }
      first += chunk.length;
      chunk = [];
      lines = [];
    };
    const sum: StreamSummary = await streamCsv(
      this.file,
      {
        onHeader: (h) => void (headers = h),
        onRecord: (cells, line, i, byteStart) => {
          problems.checkWidth(cells, headers.length, line);
          chunk.push(cells);
          lines.push(line);
          this.line.set(i, line);
          this.start.set(i, byteStart);
          this.n = i + 1;
        },
        onError: (e) => problems.add(e),
        onChunk: flushAll,
      },
      { ...opts, encoding: this.input.encoding },
    );
    this.exactOffsets = sum.exactOffsets;
    this.delimiter = sum.delimiter;
    for (const c of [this.line, this.start, this.bad, this.score, this.band, this.coverage]) c.trim(this.n);
    const idx: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.bad.get(i) === 0) idx.push(i);
    this.scoredIdx = Uint32Array.from(idx);
    this.summary = {
      encoding: sum.encoding,
      headers: sum.headers,
      mapping,
      rowCount: sum.rowCount,
      parseErrors: problems.list(),
      parseErrorCount: problems.count,
      scoredCount,
      distribution: distributionOf(model, bands, insufficient, scoredCount),
      bad,
      badCount,
      warned,
      warnedCount,
      backtest: tally?.result() ?? null,
    };
  }

  /** Reads the cells of some records again: each from its byte offset, or in one pass when the offsets are not exact. */
  private async records(indices: number[], opts: StreamRunOptions = {}): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (indices.length === 0) return out;
    if (this.exactOffsets) {
      const decoder = new TextDecoder(this.input.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8', { ignoreBOM: true });
      for (const i of indices) {
        const end = i + 1 < this.n ? this.start.get(i + 1) : this.file.size;
        const text = decoder.decode(new Uint8Array(await this.file.slice(this.start.get(i), end).arrayBuffer()));
        const rec = Papa.parse<string[]>(text, { delimiter: this.delimiter }).data.find(
          (r) => !r.every((c) => c.trim() === ''),
        );
        out.set(i, rec ?? []);
      }
      return out;
    }
    const want = new Set(indices);
    await streamCsv(
      this.file,
      {
        onRecord: (cells, _l, i) => void (want.has(i) && out.set(i, cells)),
        onChunk: afterChunk(opts, () => out.size),
      },
      { ...opts, encoding: this.input.encoding },
    );
    return out;
  }

  /** The scored rows' order for a sort (cached: the last two sorts are kept). */
  private async order(sort: SortState<ResultColumn>, lang: Locale, opts: StreamRunOptions): Promise<Uint32Array> {
    const id = `${sort.key}:${sort.dir}:${lang}`;
    const hit = this.orders.get(id);
    if (hit) return hit;
    const idx = this.scoredIdx;
    const num =
      (a: Column<Float64Array | Int8Array | Uint32Array>) =>
      (i: number): Key => {
        const v = a.get(idx[i]);
        return Number.isNaN(v) || (a === this.band && v < 0) ? null : { kind: 0, n: v };
      };
    // Row, score, coverage and band (then score) come from the compact arrays.
    const numeric: Partial<Record<ResultColumn, Column<Float64Array | Int8Array | Uint32Array>[]>> = {
      row: [this.line],
      score: [this.score],
      coverage: [this.coverage],
      band: [this.band, this.score],
    };
    let keyOf: (i: number) => Key[];
    const cols = numeric[sort.key];
    if (cols) {
      const ks = cols.map(num);
      keyOf = (i) => ks.map((k) => k(i));
    } else {
      // A text column: its cells are read again from the file (kept only while sorting).
      const { mapping, valueMaps = {} } = this.input;
      const col =
        sort.key === 'account' ? mapping.account : sort.key === 'outcome' ? mapping.outcome : Number(sort.key.slice(4));
      const keys: Key[] = new Array(this.n).fill(null);
      if (col !== null) {
        await streamCsv(
          this.file,
          {
            onRecord: (cells, _l, i) => {
              const raw = cells[col] ?? '';
              if (sort.key !== 'outcome') keys[i] = cellKey(raw);
              else {
                const m = mapRawValue(valueMaps[col], raw);
                const v = m.found ? m.value : raw;
                keys[i] = cellKey(v === null || v === undefined ? null : String(v));
              }
            },
            onChunk: afterChunk(opts, () => 0),
          },
          { ...opts, encoding: this.input.encoding },
        );
      }
      keyOf = (i) => [keys[idx[i]]];
    }
    const order = Uint32Array.from(
      sortIndices(idx.length, keyOf, (i) => idx[i], sort.dir, lang),
      (i) => idx[i],
    );
    if (this.orders.size >= 2) this.orders.delete(this.orders.keys().next().value!);
    this.orders.set(id, order);
    return order;
  }

  /** One page of the results table (page numbers from 1, clamped), sorted as asked. */
  async page(
    sort: SortState<ResultColumn>,
    page: number,
    lang: Locale,
    opts: StreamRunOptions = {},
  ): Promise<PageResult> {
    const total = this.scoredIdx.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const p = Math.min(pages, Math.max(1, Math.floor(page) || 1));
    const order = sort.key === 'row' && sort.dir === 'asc' ? this.scoredIdx : await this.order(sort, lang, opts);
    const at = [...order.subarray((p - 1) * PAGE_SIZE, p * PAGE_SIZE)];
    const cells = await this.records(at, opts);
    const { model, mapping, valueMaps = {} } = this.input;
    const rows = at.map((i) => cells.get(i) ?? []);
    const scored = scoreRows(
      model,
      { rows, rowNumbers: at.map((i) => this.line.get(i)), headers: this.summary.headers },
      mapping,
      valueMaps,
    ).scored;
    const items = scored.map((s) => ({
      ...s,
      index: at[s.index],
      cells: rows[s.index],
      result: { ...s.result, measures: [], groups: [] },
    }));
    const from = (p - 1) * PAGE_SIZE;
    return { items, page: p, pages, from: total === 0 ? 0 : from + 1, to: from + items.length, total };
  }

  /** The scored CSV (see toScoredCsv), written chunk by chunk into Blob parts. */
  async exportCsv(options: ExportOptions, opts: StreamRunOptions = {}): Promise<Blob> {
    const { model, mapping, valueMaps = {} } = this.input;
    const w = scoredCsvWriter(this.summary.headers, {
      labels: options.labels,
      bandLabel: (id) => options.bandLabels[id] ?? id,
      warningText: (x) =>
        fill(options.warningTemplate, {
          header: String(x.params.header ?? `#${Number(x.params.column) + 1}`),
          value: String(x.params.value),
          min: String(x.params.min),
          max: String(x.params.max),
        }),
    });
    const parts: Blob[] = [new Blob([writeCsv([w.header])])];
    let chunk: string[][] = [];
    let lines: number[] = [];
    let rows = 0;
    const flush = () => {
      if (chunk.length === 0) return;
      const part = scoreRows(
        model,
        { rows: chunk, rowNumbers: lines, headers: this.summary.headers },
        mapping,
        valueMaps,
      );
      const byIndex = new Map(part.scored.map((s) => [s.index, s]));
      const badBy = new Map(part.bad.map((b) => [b.index, b.reason]));
      parts.push(new Blob([csvLines(chunk.map((c, i) => w.line(c, byIndex.get(i) ?? null, badBy.get(i) ?? null)))]));
      chunk = [];
      lines = [];
    };
    const next = afterChunk(opts, () => rows);
    await streamCsv(
      this.file,
      {
        onRecord: (cells, line, i) => {
          chunk.push(cells);
          lines.push(line);
          rows = i + 1;
        },
        onChunk: async (bytes, total) => {
          flush();
          await next(bytes, total);
        },
      },
      { ...opts, encoding: this.input.encoding },
    );
    flush();
    return new Blob(parts, { type: 'text/csv;charset=utf-8' });
  }
}
