/** The batch page's structured issues ({ code, params }) in words of the page language. */
import type { Translate } from '../../i18n/translator.ts';
import type { Issue } from '../../lib/health/score.ts';
import type { BadRow } from '../../lib/health/csv.ts';
import type { BatchModel } from '../../lib/health/batch-props.ts';
import type { FileProblem } from '../../lib/health/csv-file-check.ts';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const measureLabel = (model: BatchModel, id: unknown): string =>
  model.measures.find((m) => m.id === id)?.label ?? str(id);
/** A CSV column as people see it: its header, or "#n" when the header is empty. */
export const columnName = (headers: readonly string[], col: number): string => headers[col] || `#${col + 1}`;
export const bandLabel = (model: BatchModel, id: unknown): string =>
  model.bands.find((b) => b.id === id)?.label ?? str(id);

/** A parser problem: field count, unclosed quotes, other CSV errors. */
export function parseIssueText(t: Translate, e: Issue): string {
  const p = e.params;
  if (e.code === 'field-count')
    return t('batch.parse.field-count', { row: str(p.row), actual: str(p.actual), expected: str(p.expected) });
  if (e.code === 'quotes') return t('batch.parse.quotes', { row: str(p.row) });
  return t('batch.parse.csv', { row: str(p.row), message: str(p.message) });
}

/** One bad cell of a row: which value, in which column, and why it cannot be used. */
export function cellIssueText(t: Translate, model: BatchModel, e: Issue): string {
  const vars = {
    value: str(e.params.value),
    header: str(e.params.header ?? (typeof e.params.column === 'number' ? `#${e.params.column + 1}` : '')),
    measure: measureLabel(model, e.params.measure),
  };
  switch (e.code) {
    case 'invalid-number':
      return t('batch.bad.invalid-number', vars);
    case 'invalid-boolean':
      return t('batch.bad.invalid-boolean', vars);
    case 'invalid-sentiment':
      return t('batch.bad.invalid-sentiment', vars);
    case 'unknown-measure':
      return t('batch.bad.unknown-measure', vars);
    default:
      return t('batch.bad.other', { ...vars, code: e.code });
  }
}

export function badRowText(t: Translate, model: BatchModel, b: BadRow): string {
  return b.reasons.map((r) => cellIssueText(t, model, r)).join(' ');
}

/** An outcome the backtest could not read. */
export function outcomeIssueText(t: Translate, e: Issue): string {
  return e.code === 'missing-outcome'
    ? t('batch.outcome.missing')
    : t('batch.outcome.unknown', { value: str(e.params.value) });
}

/** Why a file cannot be read as a CSV. */
export function fileProblemText(t: Translate, p: FileProblem): string {
  switch (p.code) {
    case 'too-large':
      return t('batch.file.too-large', p.params);
    case 'binary':
      return t('batch.file.binary', p.params);
    default:
      return t(`batch.file.${p.code}`);
  }
}
