/**
 * Messages between the model designer and its Web Worker (src/workers/health-design.worker.ts),
 * and what the worker runs. The file stays in the worker (a DesignSession): the page sends small
 * requests (the roles of the columns, the design) and gets small answers (profiles, data issues, a
 * design, a measure, the backtest's summaries, the fit). Reading and fitting report progress and
 * can be cancelled. Every answer carries its request's id. Plain data that survives structured
 * cloning.
 */
import type { Design, DesignMeasure } from './design.ts';
import { FitCancelled, suggestWeights, type SuggestOptions, type SuggestResult } from './fit.ts';
import { readDesignFile } from './file-columns.ts';
import type { Encoding } from '../csv.ts';
import type { Issue } from '../score.ts';
import type { Direction, NumericMethod } from './suggest.ts';
import {
  DesignSession,
  type BuildQuery,
  type CheckAnswer,
  type CheckQuery,
  type DesignView,
  type FileSummary,
  type OutcomeSpec,
  type ViewQuery,
} from './session.ts';

/** A file read in the worker, as the page gets it. */
export interface DesignFileInfo extends FileSummary {
  encoding: Encoding;
  parseErrors: Issue[];
}

/** The requests answered at once (no progress, no cancel), and their answers. */
export type Query =
  | { type: 'check'; query: CheckQuery }
  | { type: 'build'; query: BuildQuery }
  | {
      type: 'resuggest';
      measure: DesignMeasure;
      outcome: OutcomeSpec;
      force: { method?: NumericMethod; direction?: Direction };
    }
  | { type: 'view'; query: ViewQuery };
export type QueryAnswer<Q extends Query> = Q extends { type: 'check' }
  ? CheckAnswer
  : Q extends { type: 'build' }
    ? Design
    : Q extends { type: 'resuggest' }
      ? DesignMeasure
      : DesignView;

export type DesignRequest =
  | { type: 'suggest'; id: string; design: Design; outcome: OutcomeSpec; options: SuggestOptions }
  | { type: 'read'; id: string; bytes: Uint8Array }
  | { type: 'query'; id: string; query: Query }
  | { type: 'cancel'; id: string };

export type DesignResponse =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; result: SuggestResult }
  | { type: 'file'; id: string; file: DesignFileInfo }
  | { type: 'answer'; id: string; answer: QueryAnswer<Query> }
  | { type: 'cancelled'; id: string }
  | { type: 'error'; id: string; message: string };

/** Answers a query from the session's file. */
export function answerQuery<Q extends Query>(session: DesignSession, q: Q): QueryAnswer<Q> {
  const a =
    q.type === 'check'
      ? session.check(q.query)
      : q.type === 'build'
        ? session.build(q.query)
        : q.type === 'resuggest'
          ? session.resuggest(q.measure, q.outcome, q.force)
          : session.view(q.query);
  return a as QueryAnswer<Q>;
}

/** Where the worker keeps the file it read last. */
export interface SessionHolder {
  session: DesignSession | null;
}

/**
 * Runs one request; `isCancelled` is polled between steps (Newton steps of the fit, chunks of rows
 * of the file) after yielding, so "cancel" messages get through.
 */
export async function runDesignRequest(
  msg: Exclude<DesignRequest, { type: 'cancel' }>,
  holder: SessionHolder,
  post: (r: DesignResponse) => void,
  isCancelled: () => boolean,
): Promise<void> {
  const check = async () => {
    await new Promise((r) => setTimeout(r, 0));
    if (isCancelled()) throw new FitCancelled();
  };
  const progress = (done: number, total: number) => post({ type: 'progress', id: msg.id, done, total });
  try {
    if (msg.type === 'read') {
      const file = await readDesignFile(msg.bytes, progress, check);
      const session = new DesignSession(file.headers, file.table);
      holder.session = session;
      post({
        type: 'file',
        id: msg.id,
        file: { ...session.summary(), encoding: file.encoding, parseErrors: file.parseErrors },
      });
      return;
    }
    const session = holder.session;
    if (!session) throw new Error('no file has been read');
    if (msg.type === 'query') {
      post({ type: 'answer', id: msg.id, answer: answerQuery(session, msg.query) });
      return;
    }
    const result = await suggestWeights(
      msg.design,
      session.data(msg.design, msg.outcome),
      msg.options,
      progress,
      check,
    );
    post({ type: 'result', id: msg.id, result });
  } catch (e) {
    if (e instanceof FitCancelled) post({ type: 'cancelled', id: msg.id });
    else post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
}
