/**
 * Step 4 of the model designer: weights per measure and group, set by hand or suggested by a
 * cross-validated logistic fit (run in the Web Worker), with its out-of-sample AUC next to the
 * current weights' AUC on the same folds.
 */
import { useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import { sharesOf, type Design } from '../../lib/health/design/design.ts';
import type { SuggestResult } from '../../lib/health/design/fit.ts';
import { formatAuc, formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import { ScrollTable } from '../health-shared/tables.tsx';

const toNum = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** A weight's cell: a number input, empty while the weight is not a number. */
function WeightCell(props: { value: number; label: string; onChange: (weight: number) => void; testId?: string }) {
  return (
    <td className="num">
      <input
        type="number"
        min={0}
        step="any"
        className="weight-input"
        value={Number.isNaN(props.value) ? '' : props.value}
        aria-label={props.label}
        onChange={(e) => props.onChange(toNum(e.target.value))}
        data-testid={props.testId}
      />
    </td>
  );
}

export function WeightsStep(props: {
  t: Translate;
  lang: Locale;
  design: Design;
  setDesign: Dispatch<SetStateAction<Design | null>>;
  fit: SuggestResult | null;
  staleFit: SuggestResult | null;
  churned: number;
  busy: boolean;
  onFit: (seed: number) => void;
  minChurned: number;
  applied: boolean;
  onApply: () => void;
  children?: ReactNode;
}) {
  const { t, lang, design, setDesign, fit, churned, busy } = props;
  const [seed, setSeed] = useState(1);
  const shares = sharesOf(design);
  const shown = fit ?? props.staleFit;
  const setMeasure = (id: string, c: { group?: string; weight?: number }) =>
    setDesign((d) => d && { ...d, measures: d.measures.map((m) => (m.id === id ? { ...m, ...c } : m)) });
  const setGroup = (id: string, c: Partial<Design['groups'][number]>) =>
    setDesign((d) => d && { ...d, groups: d.groups.map((g) => (g.id === id ? { ...g, ...c } : g)) });
  const addGroup = () =>
    setDesign((d) => {
      if (!d) return d;
      let n = d.groups.length + 1;
      while (d.groups.some((g) => g.id === `group-${n}`)) n++;
      return {
        ...d,
        groups: [...d.groups, { id: `group-${n}`, label: { en: `Group ${n}`, ja: `グループ${n}` }, weight: 50 }],
      };
    });
  return (
    <section className="batch-step" aria-labelledby="design-step-weights">
      <h2 id="design-step-weights">{t('design.step.weights')}</h2>
      <ScrollTable
        label={t('design.weights.measures')}
        caption="hidden"
        testId="weights-table"
        cols={[
          t('design.weights.measure'),
          t('design.weights.group'),
          { num: t('design.weights.weight') },
          { num: t('design.weights.share') },
          ...(shown ? [{ num: t('design.weights.suggested') }] : []),
        ]}
      >
        <tbody>
          {design.measures.map((m, j) => (
            <tr key={m.id}>
              <th scope="row">{m.label[lang] || m.header}</th>
              <td>
                <select
                  value={m.group}
                  onChange={(e) => setMeasure(m.id, { group: e.target.value })}
                  aria-label={t('design.weights.groupOf', { measure: m.header })}
                >
                  {design.groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.label[lang]}
                    </option>
                  ))}
                </select>
              </td>
              <WeightCell
                value={m.weight}
                label={t('design.weights.weightOf', { measure: m.header })}
                onChange={(weight) => setMeasure(m.id, { weight })}
                testId={`weight-${m.id}`}
              />
              <td className="num">{formatPercent(shares[j], lang, 1)}</td>
              {shown && (
                <td className="num" data-testid={`suggested-${m.id}`}>
                  {shown.weights[j]}
                  {shown.wrongSign.includes(m.id) ? ' *' : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <ScrollTable
        label={t('design.weights.groups')}
        caption="hidden"
        testId="groups-table"
        cols={[t('design.weights.groupEn'), t('design.weights.groupJa'), { num: t('design.weights.weight') }]}
      >
        <tbody>
          {design.groups.map((g) => (
            <tr key={g.id}>
              <td>
                <input
                  type="text"
                  value={g.label.en}
                  aria-label={t('design.weights.groupEn')}
                  onChange={(e) => setGroup(g.id, { label: { ...g.label, en: e.target.value } })}
                />
              </td>
              <td>
                <input
                  type="text"
                  lang="ja"
                  value={g.label.ja}
                  aria-label={t('design.weights.groupJa')}
                  onChange={(e) => setGroup(g.id, { label: { ...g.label, ja: e.target.value } })}
                />
              </td>
              <WeightCell
                value={g.weight}
                label={t('design.weights.weightOf', { measure: g.label[lang] })}
                onChange={(weight) => setGroup(g.id, { weight })}
              />
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <div className="actions">
        <button type="button" onClick={addGroup}>
          {t('design.weights.addGroup')}
        </button>
      </div>

      <h3>{t('design.fit.title')}</h3>
      <p>{t('design.fit.explain')}</p>
      {churned < props.minChurned && (
        <p className="notice" data-testid="few-churned">
          {t('design.fit.fewChurned', { n: churned, min: props.minChurned })}
        </p>
      )}
      <div className="actions fit-actions">
        <label className="num-field">
          {t('design.fit.seed')}
          <input
            type="number"
            min={1}
            step={1}
            value={seed}
            onChange={(e) => setSeed(Math.max(1, Math.floor(toNum(e.target.value)) || 1))}
            data-testid="seed"
          />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => props.onFit(seed)}
          disabled={busy}
          data-testid="suggest-weights"
        >
          {t('design.fit.run')}
        </button>
      </div>
      {props.children}
      {shown && (
        <div className="fit-result" data-testid="fit-result">
          {!fit && (
            <p className="notice" data-testid="fit-stale">
              {t('design.fit.stale')}
            </p>
          )}
          <p data-testid="cv-summary">
            {t('design.fit.summary', {
              k: shown.k,
              seed: shown.seed,
              suggested: formatAuc(shown.suggestedAuc),
              current: formatAuc(shown.currentAuc),
            })}
          </p>
          <ScrollTable
            label={t('design.fit.caption')}
            testId="cv-table"
            cols={[
              t('design.fit.fold'),
              { num: t('design.fit.train') },
              { num: t('design.fit.test') },
              { num: t('design.fit.aucSuggested') },
              { num: t('design.fit.aucCurrent') },
            ]}
          >
            <tbody>
              {shown.folds.map((f) => (
                <tr key={f.fold}>
                  <th scope="row">{f.fold + 1}</th>
                  <td className="num">{formatNumber(f.train, lang, 0)}</td>
                  <td className="num">{formatNumber(f.test, lang, 0)}</td>
                  <td className="num">{formatAuc(f.suggestedAuc)}</td>
                  <td className="num">{formatAuc(f.currentAuc)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('design.fit.mean')}</th>
                <td />
                <td />
                <td className="num" data-testid="cv-auc-suggested">
                  {formatAuc(shown.suggestedAuc)}
                </td>
                <td className="num" data-testid="cv-auc-current">
                  {formatAuc(shown.currentAuc)}
                </td>
              </tr>
            </tfoot>
          </ScrollTable>
          {shown.wrongSign.length > 0 && (
            <p className="notice" data-testid="wrong-sign">
              {t('design.fit.wrongSign', {
                measures: shown.wrongSign
                  .map((id) => design.measures.find((m) => m.id === id)?.header ?? id)
                  .join(', '),
              })}
            </p>
          )}
          <p className="muted">{t('design.fit.honest')}</p>
          {props.applied ? (
            <p className="notice" data-testid="fit-applied">
              {t('design.fit.applied')}
            </p>
          ) : (
            <div className="actions">
              <button type="button" onClick={props.onApply} disabled={!fit} data-testid="apply-weights">
                {t('design.fit.apply')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
