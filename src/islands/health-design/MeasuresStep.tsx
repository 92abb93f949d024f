/**
 * Step 3 of the model designer: the coverage rule (explained before any score, with the share of
 * rows it leaves as "insufficient data"), each measure's suggested scoring with its one-sentence
 * reason, every number editable, and the rows with missing, unreadable or out-of-range values.
 */
import { memo } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Design, DesignMeasure } from '../../lib/health/design/design.ts';
import type { Direction, NumericMethod } from '../../lib/health/design/suggest.ts';
import type { DesignView } from '../../lib/health/design/session.ts';
import { formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import { ScrollTable } from '../health-shared/tables.tsx';

const toNum = (s: string): number => (s.trim() === '' ? NaN : Number(s));
const shown = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : String(x));

function NumberField({
  label,
  value,
  onChange,
  testId,
  min,
  max,
}: {
  label: string;
  value: number | undefined;
  onChange: (x: number) => void;
  testId?: string;
  min?: number;
  max?: number;
}) {
  return (
    <label className="num-field">
      <span>{label}</span>
      <input
        type="number"
        step="any"
        inputMode="decimal"
        value={shown(value)}
        min={min}
        max={max}
        onChange={(e) => onChange(toNum(e.target.value))}
        data-testid={testId}
      />
    </label>
  );
}

function MeasureCard({
  t,
  lang,
  m,
  onMeasure,
  onResuggest,
}: {
  t: Translate;
  lang: Locale;
  m: DesignMeasure;
  onMeasure: (id: string, c: Partial<DesignMeasure>) => void;
  onResuggest: (id: string, f: { method?: NumericMethod; direction?: Direction }) => void;
}) {
  const s = m.scoring;
  const edit = (scoring: DesignMeasure['scoring']) => onMeasure(m.id, { scoring, suggested: false });
  return (
    <section className="measure-card" data-measure={m.id} aria-labelledby={`dm-${m.id}`}>
      <h3 id={`dm-${m.id}`}>
        {m.header}{' '}
        <span className="badge">{t(m.kind === 'numeric' ? 'design.role.numeric' : 'design.role.categorical')}</span>
      </h3>
      <div className="form-grid">
        <label>
          {t('design.measure.labelEn')}
          <input
            type="text"
            value={m.label.en}
            onChange={(e) => onMeasure(m.id, { label: { ...m.label, en: e.target.value } })}
          />
        </label>
        <label>
          {t('design.measure.labelJa')}
          <input
            type="text"
            lang="ja"
            value={m.label.ja}
            onChange={(e) => onMeasure(m.id, { label: { ...m.label, ja: e.target.value } })}
          />
        </label>
        {m.kind === 'numeric' && (
          <>
            <label>
              {t('design.measure.method')}
              <select
                value={m.method}
                onChange={(e) => onResuggest(m.id, { method: e.target.value as NumericMethod })}
                data-testid={`method-${m.id}`}
              >
                <option value="quantile-tiers">{t('design.method.quantile-tiers')}</option>
                <option value="linear">{t('design.method.linear')}</option>
              </select>
            </label>
            <label>
              {t('design.measure.direction')}
              <select
                value={m.direction}
                onChange={(e) => onResuggest(m.id, { direction: e.target.value as Direction })}
                data-testid={`direction-${m.id}`}
              >
                <option value="higher">{t('design.direction.higher')}</option>
                <option value="lower">{t('design.direction.lower')}</option>
              </select>
            </label>
          </>
        )}
      </div>
      <p className="explain" data-testid={`why-${m.id}`}>
        {m.suggested && m.why ? m.why[lang] : t('design.measure.edited')}
      </p>
      {s.kind === 'tiers' && (
        <div className="tier-editor">
          {s.tiers.map((tier, i) => (
            <div className="tier-row" key={i}>
              <NumberField
                label={t(m.direction === 'higher' ? 'design.tier.atLeast' : 'design.tier.atMost', { n: i + 1 })}
                value={tier.at}
                onChange={(at) => edit({ ...s, tiers: s.tiers.map((x, k) => (k === i ? { ...x, at } : x)) })}
                testId={`tier-at-${m.id}-${i}`}
              />
              <NumberField
                label={t('design.tier.points')}
                value={tier.points}
                min={0}
                max={100}
                onChange={(points) => edit({ ...s, tiers: s.tiers.map((x, k) => (k === i ? { ...x, points } : x)) })}
              />
            </div>
          ))}
          <div className="tier-row">
            <NumberField
              label={t('design.tier.otherwise')}
              value={s.otherwise}
              min={0}
              max={100}
              onChange={(otherwise) => edit({ ...s, otherwise })}
            />
          </div>
        </div>
      )}
      {s.kind === 'linear' && (
        <div className="tier-row">
          <NumberField
            label={t('design.linear.zeroAt')}
            value={s.zeroAt}
            onChange={(zeroAt) => edit({ ...s, zeroAt })}
          />
          <NumberField
            label={t('design.linear.fullAt')}
            value={s.fullAt}
            onChange={(fullAt) => edit({ ...s, fullAt })}
          />
        </div>
      )}
      {s.kind === 'map' && (
        <div className="tier-editor category-points">
          {Object.entries(s.points)
            .slice(0, 60)
            .map(([label, p]) => (
              <NumberField
                key={label}
                label={label}
                value={p}
                min={0}
                max={100}
                onChange={(x) => edit({ ...s, points: { ...s.points, [label]: x } })}
              />
            ))}
          {Object.keys(s.points).length > 60 && (
            <p className="muted">{t('design.measure.moreCategories', { n: Object.keys(s.points).length - 60 })}</p>
          )}
        </div>
      )}
      {m.kind === 'numeric' && (
        <div className="tier-row range-row">
          <NumberField label={t('design.measure.min')} value={m.min} onChange={(min) => onMeasure(m.id, { min })} />
          <NumberField label={t('design.measure.max')} value={m.max} onChange={(max) => onMeasure(m.id, { max })} />
          <p className="muted">{t('design.measure.rangeHelp')}</p>
        </div>
      )}
    </section>
  );
}

export const MeasuresStep = memo(function MeasuresStep(props: {
  t: Translate;
  lang: Locale;
  design: Design;
  /** The worker's answer for the design (the last one while a newer is on its way). */
  view: DesignView | null;
  onMeasure: (id: string, c: Partial<DesignMeasure>) => void;
  onResuggest: (id: string, f: { method?: NumericMethod; direction?: Direction }) => void;
  onCoverage: (x: number) => void;
}) {
  const { t, lang, design, view } = props;
  const insufficient = view?.scores?.insufficient ?? null;
  const problems = view?.rowProblems ?? null;
  const name = (id: string) => design.measures.find((m) => m.id === id)?.header ?? id;
  return (
    <>
      <section className="batch-step" aria-labelledby="design-step-coverage">
        <h2 id="design-step-coverage">{t('design.step.coverage')}</h2>
        <p>{t('design.coverage.rule')}</p>
        <div className="form-grid">
          <label>
            {t('design.coverage.min')}
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={Math.round(design.minCoverage * 100)}
              onChange={(e) => props.onCoverage(Math.min(1, Math.max(0, toNum(e.target.value) / 100)))}
              data-testid="min-coverage"
            />
          </label>
        </div>
        {insufficient && (
          <p data-testid="insufficient-share">
            {t('design.coverage.share', {
              n: formatNumber(insufficient.n, lang, 0),
              share: formatPercent(insufficient.share, lang, 1),
            })}
          </p>
        )}
      </section>

      <section className="batch-step" aria-labelledby="design-step-scoring">
        <h2 id="design-step-scoring">{t('design.step.scoring')}</h2>
        <p className="muted">{t('design.scoring.help')}</p>
        <div className="measure-cards">
          {design.measures.map((m) => (
            <MeasureCard
              key={m.id}
              t={t}
              lang={lang}
              m={m}
              onMeasure={props.onMeasure}
              onResuggest={props.onResuggest}
            />
          ))}
        </div>
        <h3>{t('design.rows.title')}</h3>
        {problems === null ? null : problems.count === 0 ? (
          <p className="muted" data-testid="row-problems-none">
            {t('design.rows.none')}
          </p>
        ) : (
          <details data-testid="row-problems">
            <summary>{t('design.rows.summary', { n: formatNumber(problems.count, lang, 0) })}</summary>
            <ScrollTable
              label={t('design.rows.title')}
              caption="none"
              cols={[{ num: t('batch.table.row') }, t('batch.table.account'), t('design.rows.what')]}
            >
              <tbody>
                {problems.shown.map((p) => (
                  <tr key={p.index}>
                    <td className="num">{p.index + 2}</td>
                    <th scope="row">{p.account ?? '—'}</th>
                    <td>
                      {[
                        p.missing.length ? t('design.rows.missing', { measures: p.missing.map(name).join(', ') }) : '',
                        ...p.unreadable.map((u) =>
                          t('design.rows.unreadable', {
                            measure: name(u.measure),
                            value: u.value,
                          }),
                        ),
                        ...p.outOfRange.map((u) =>
                          t('design.rows.outOfRange', {
                            measure: name(u.measure),
                            value: formatNumber(u.value, lang, 3),
                            min: formatNumber(u.min, lang, 3),
                            max: formatNumber(u.max, lang, 3),
                          }),
                        ),
                      ]
                        .filter(Boolean)
                        .join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            {problems.count > problems.shown.length && (
              <p className="muted">
                {t('design.rows.more', { n: formatNumber(problems.count - problems.shown.length, lang, 0) })}
              </p>
            )}
          </details>
        )}
      </section>
    </>
  );
});
