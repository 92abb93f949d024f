/** Steps 2 and 3 of the batch page: which CSV column is which measure, and what each raw label means. */
import { useId } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { ColumnMapping } from '../../lib/health/csv.ts';
import { AS_IS, NO_DATA, type ValueStep } from '../../lib/health/value-labels.ts';
import { formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import type { RangeWarning } from '../../lib/health/column-mapping.ts';
import type { BatchModel } from '../../lib/health/batch-props.ts';
import type { UIKey } from '../../i18n/ui.ts';
import { columnName, measureLabel } from './issue-text.ts';

function firstValue(rows: string[][], col: number): string {
  for (let i = 0; i < rows.length && i < 500; i++) {
    const v = rows[i][col];
    if (v !== undefined && v.trim() !== '') return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  }
  return '';
}

function ColumnSelect(props: {
  label: string;
  value: number | null | undefined;
  headers: string[];
  none: string;
  testid: string;
  onChange: (col: number | null) => void;
}) {
  const { label, value, headers, none, testid, onChange } = props;
  return (
    <select
      aria-label={label}
      data-testid={testid}
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">{none}</option>
      {headers.map((_, i) => (
        <option key={i} value={String(i)}>
          {columnName(headers, i)}
        </option>
      ))}
    </select>
  );
}

export function ColumnMappingStep(props: {
  t: Translate;
  lang: Locale;
  model: BatchModel;
  headers: string[];
  rows: string[][];
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
  coverage: number;
  duplicates: number[];
  /** Mapped columns whose numbers mostly fall outside their measure's range (rangeWarnings). */
  outOfRange: RangeWarning[];
}) {
  const { t, lang, model, headers, rows, mapping, onChange, coverage, duplicates, outOfRange } = props;
  const outside = (w: RangeWarning) =>
    t('batch.map.outside', {
      n: formatNumber(w.outside, lang, 0),
      total: formatNumber(w.numeric, lang, 0),
      min: formatNumber(w.min, lang),
      max: formatNumber(w.max, lang),
    });
  const setMeasure = (id: string, col: number | null) => {
    const measures = { ...mapping.measures };
    if (col === null) delete measures[id];
    else measures[id] = col;
    onChange({ ...mapping, measures });
  };
  const sample = (col: number | null | undefined) => (col === null || col === undefined ? '' : firstValue(rows, col));
  const mapped = Object.keys(mapping.measures).length;
  return (
    <section className="batch-step" aria-labelledby="batch-step-map">
      <h2 id="batch-step-map">{t('batch.step.map')}</h2>
      <p>{t('batch.map.help')}</p>
      <p data-testid="mapped-summary">
        {t('batch.map.summary', {
          n: mapped,
          total: model.measures.length,
          coverage: formatPercent(coverage, lang, 0),
        })}
      </p>
      {duplicates.length > 0 && (
        <p className="notice" role="alert" data-testid="duplicates">
          {t('batch.map.duplicates', { columns: duplicates.map((c) => `“${columnName(headers, c)}”`).join(', ') })}
        </p>
      )}
      {outOfRange.length > 0 && (
        <div className="notice" role="status" data-testid="out-of-range">
          <p>{t('batch.map.outsideTitle')}</p>
          <ul>
            {outOfRange.map((w) => (
              <li key={w.measure}>
                {measureLabel(model, w.measure)} (“{columnName(headers, w.col)}”): {outside(w)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table className="mapping-table" data-testid="mapping">
          <caption className="visually-hidden">{t('batch.step.map')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('batch.map.what')}</th>
              <th scope="col">{t('batch.map.column')}</th>
              <th scope="col">{t('batch.map.sample')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="mapping-special">
              <th scope="row">{t('batch.map.account')}</th>
              <td>
                <ColumnSelect
                  label={t('batch.map.columnFor', { what: t('batch.map.account') })}
                  value={mapping.account}
                  headers={headers}
                  none={t('batch.map.none')}
                  testid="map-account"
                  onChange={(c) => onChange({ ...mapping, account: c })}
                />
              </td>
              <td className="sample">{sample(mapping.account)}</td>
            </tr>
            <tr className="mapping-special">
              <th scope="row">
                {t('batch.map.outcome')}
                <span className="help">{t('batch.map.outcomeHelp')}</span>
              </th>
              <td>
                <ColumnSelect
                  label={t('batch.map.columnFor', { what: t('batch.map.outcome') })}
                  value={mapping.outcome}
                  headers={headers}
                  none={t('batch.map.noneOutcome')}
                  testid="map-outcome"
                  onChange={(c) => onChange({ ...mapping, outcome: c })}
                />
              </td>
              <td className="sample">{sample(mapping.outcome)}</td>
            </tr>
            {model.measures.map((m) => (
              <tr key={m.id} data-measure={m.id}>
                <th scope="row">
                  {m.label}
                  <span className="help">{t(`batch.input.${m.input}`)}</span>
                </th>
                <td>
                  <ColumnSelect
                    label={t('batch.map.columnFor', { what: m.label })}
                    value={mapping.measures[m.id]}
                    headers={headers}
                    none={t('batch.map.none')}
                    testid={`map-${m.id}`}
                    onChange={(c) => setMeasure(m.id, c)}
                  />
                </td>
                <td className="sample">
                  {sample(mapping.measures[m.id])}
                  {outOfRange.some((w) => w.measure === m.id) && (
                    <span className="badge badge-warn">
                      <span className="sym sym-warn" aria-hidden="true" />
                      {t('batch.map.outsideBadge')}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const OPTION_KEYS: Record<string, UIKey> = {
  yes: 'batch.value.yes',
  no: 'batch.value.no',
  red: 'batch.value.red',
  yellow: 'batch.value.yellow',
  green: 'batch.value.green',
  churned: 'batch.value.churned',
  renewed: 'batch.value.renewed',
};

function StepTable(props: {
  t: Translate;
  lang: Locale;
  step: ValueStep;
  title: string;
  choices: Record<string, string> | undefined;
  onChoose: (label: string, value: string) => void;
}) {
  const { t, lang, step, title, choices, onChoose } = props;
  const outcome = step.target.kind === 'outcome';
  const numeric = step.target.kind === 'measure' && step.options.length === 0;
  const id = useId();
  return (
    <div
      className="value-step"
      data-testid={`values-${step.target.kind === 'outcome' ? 'outcome' : step.target.measure}`}
    >
      <h3 id={id}>{title}</h3>
      {numeric && <p className="muted">{t('batch.values.numericHelp')}</p>}
      <div className="table-wrap">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('batch.values.label')}</th>
              <th scope="col" className="num">
                {t('batch.values.count')}
              </th>
              <th scope="col">{t('batch.values.means')}</th>
            </tr>
          </thead>
          <tbody>
            {step.labels.map((l) => {
              const value = choices?.[l.label] ?? l.suggested;
              return (
                <tr key={l.label} className={value === AS_IS ? 'unresolved' : undefined}>
                  <th scope="row" className="raw-label">
                    {l.label}
                  </th>
                  <td className="num">{formatNumber(l.count, lang, 0)}</td>
                  <td>
                    <select
                      aria-label={t('batch.values.meansFor', { label: l.label })}
                      value={value}
                      data-label={l.label}
                      onChange={(e) => onChoose(l.label, e.target.value)}
                    >
                      <option value={AS_IS}>{outcome ? t('batch.values.asIsOutcome') : t('batch.values.asIs')}</option>
                      {step.options.map((o) => (
                        <option key={o} value={o}>
                          {t(OPTION_KEYS[o])}
                        </option>
                      ))}
                      <option value={NO_DATA}>{outcome ? t('batch.values.leaveOut') : t('batch.values.noData')}</option>
                    </select>
                    {value === AS_IS && <span className="badge badge-warn">{t('batch.values.notUnderstood')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {step.more > 0 && <p className="muted">{t('batch.values.more', { n: step.more })}</p>}
    </div>
  );
}

export function ValueLabelStep(props: {
  t: Translate;
  lang: Locale;
  model: BatchModel;
  headers: string[];
  steps: ValueStep[];
  choices: Record<string, Record<string, string>>;
  onChoose: (key: string, label: string, value: string) => void;
}) {
  const { t, lang, model, headers, steps, choices, onChoose } = props;
  return (
    <section className="batch-step" aria-labelledby="batch-step-values">
      <h2 id="batch-step-values">{t('batch.step.values')}</h2>
      <p>{t('batch.values.help')}</p>
      {steps.map((s) => {
        const what = s.target.kind === 'outcome' ? t('batch.map.outcome') : measureLabel(model, s.target.measure);
        return (
          <StepTable
            key={s.key}
            t={t}
            lang={lang}
            step={s}
            title={t('batch.values.title', { what, column: columnName(headers, s.col) })}
            choices={choices[s.key]}
            onChoose={(label, value) => onChoose(s.key, label, value)}
          />
        );
      })}
    </section>
  );
}
