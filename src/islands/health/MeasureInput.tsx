/**
 * One measure's input, suited to its kind: slider + number field for numbers, a radio group for
 * sentiment and yes/no; every kind has a "no data" checkbox. A number the measure cannot take is
 * shown as a problem next to the field and changes nothing.
 */
import { useEffect, useState } from 'react';
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Measure } from '../../schemas/health.ts';
import type { ClientHealthMeasure, ClientHealthModel } from '../../lib/health/client-models.ts';
import { categoriesOf, isNumericMeasure } from '../../lib/health/score.ts';
import type { MeasureResult, TypedValue } from '../../lib/health/score.ts';
import { searchRange } from '../../lib/health/sensitivity.ts';
import { readValue } from '../../lib/health/simulator-state.ts';
import { categoryLabel, formatValueNumber, issueText, pct1 } from './format.ts';
import { formatNumber } from '../../lib/text/number.ts';

export interface MeasureInputProps {
  cm: ClientHealthModel;
  measure: Measure;
  words: ClientHealthMeasure;
  value: TypedValue | null;
  /** Value to restore when "no data" is unticked. */
  restore: TypedValue;
  result: MeasureResult | undefined;
  onChange: (v: TypedValue | null) => void;
  lang: Locale;
  t: Translate;
}

export function MeasureInput({ cm, measure: m, words, value, restore, result, onChange, lang, t }: MeasureInputProps) {
  const id = `m-${m.id}`;
  const noData = value === null;
  const numeric = isNumericMeasure(m);
  const [draft, setDraft] = useState(typeof value === 'number' ? String(value) : '');
  const [problem, setProblem] = useState<string | null>(null);

  // Follow changes from outside (presets, scenario switch, slider) unless the field already says the same number.
  useEffect(() => {
    if (typeof value === 'number') {
      setDraft((d) => (d.trim() !== '' && Number(d) === value ? d : String(value)));
      setProblem(null);
    } else if (value === null) setProblem(null);
  }, [value]);

  const points = result?.points;
  const pointsText =
    points === null || points === undefined
      ? t('healthSim.points.none')
      : t('healthSim.points', { points: formatNumber(points, lang, 1) });
  const shareText =
    result && result.effectiveWeight > 0 ? t('healthSim.measureShare', { share: pct1(result.effectiveWeight) }) : '';
  const status = (
    <span className="measure-points" id={`${id}-points`}>
      {pointsText}
      {shareText && <span className="muted"> · {shareText}</span>}
    </span>
  );
  const noDataBox = (
    <label className="no-data">
      <input
        type="checkbox"
        checked={noData}
        data-testid={`nodata-${m.id}`}
        onChange={(e) => onChange(e.target.checked ? null : restore)}
      />
      {t('healthSim.noData')}
    </label>
  );
  const help = words.help && (
    <details className="measure-help">
      <summary>
        {t('healthSim.about')}
        <span className="visually-hidden"> {words.label}</span>
      </summary>
      <p>{words.help}</p>
    </details>
  );

  if (numeric) {
    // Slider range: the measure's min/max/step, or defaults per input kind (as the what-if search uses).
    const r = searchRange(m, typeof value === 'number' ? value : typeof restore === 'number' ? restore : null);
    const shown = typeof value === 'number' ? value : typeof restore === 'number' ? restore : r.min;
    const unitId = `${id}-unit`;
    const valueText = (x: number) =>
      words.unit
        ? lang === 'ja'
          ? `${formatValueNumber(x, lang)}${words.unit}`
          : `${formatValueNumber(x, lang)} ${words.unit}`
        : formatValueNumber(x, lang);
    const commit = (text: string) => {
      setDraft(text);
      if (text.trim() === '') {
        setProblem(t('healthSim.problem.empty'));
        return;
      }
      const res = readValue(m, text);
      if (!res.ok) {
        setProblem(issueText(res.error, cm, lang, t));
        return;
      }
      setProblem(null);
      if (res.value !== null) onChange(res.value);
    };
    return (
      <div className={`measure${noData ? ' is-empty' : ''}`} data-measure={m.id}>
        <div className="measure-head">
          <label htmlFor={`${id}-range`} id={`${id}-label`}>
            {words.label}
          </label>
          {status}
        </div>
        <div className="measure-controls">
          <input
            type="range"
            id={`${id}-range`}
            min={r.min}
            max={Math.max(r.max, shown)}
            step={r.step}
            value={shown}
            disabled={noData}
            aria-valuetext={valueText(shown)}
            aria-describedby={`${id}-points`}
            onChange={(e) => commit(e.target.value)}
          />
          <input
            type="number"
            className="measure-number"
            inputMode="decimal"
            min={m.min}
            max={m.max}
            step={r.step}
            value={noData ? '' : draft}
            disabled={noData}
            aria-labelledby={`${id}-label ${unitId}`}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            data-testid={`number-${m.id}`}
            onChange={(e) => commit(e.target.value)}
          />
          <span className="measure-unit" id={unitId}>
            {words.unit}
          </span>
          {noDataBox}
        </div>
        {problem && (
          <p className="field-problem" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
        {help}
      </div>
    );
  }

  const cats = categoriesOf(m);
  return (
    <fieldset
      className={`measure measure-choice${noData ? ' is-empty' : ''}`}
      data-measure={m.id}
      aria-describedby={`${id}-points`}
    >
      <legend className="measure-head">{words.label}</legend>
      {status}
      <div className="measure-controls">
        <div className="choice-radio">
          {cats.map((k) => (
            <label key={String(k)} className={`choice choice-${m.input === 'category' ? 'category' : String(k)}`}>
              <input
                type="radio"
                name={id}
                value={String(k)}
                checked={value === k}
                disabled={noData}
                onChange={() => onChange(k)}
              />
              {categoryLabel(m, k, t)}
            </label>
          ))}
        </div>
        {noDataBox}
      </div>
      {help}
    </fieldset>
  );
}
