/**
 * Group and measure weights as number fields, with each one's live % share of the score
 * (weightShares / groupShares of the edited model), a reset to the model's weights and the exports
 * of the edited model (YAML, SQL). A weight that is not a positive number is shown as a problem and
 * the last valid weight stays in use.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/index.ts';
import type { HealthModel } from '../../schemas/health.ts';
import type { ClientHealthModel } from '../../lib/health/client-models.ts';
import { groupShares, weightShares } from '../../lib/health/model-shares.ts';
import { isValidWeight, MAX_WEIGHT, type WeightEdits } from '../../lib/health/simulator-state.ts';
import { SQL_TABLE } from '../../lib/health/sql-dialects.ts';
import { formatValueNumber, pct1 } from './format.ts';

function WeightField({
  id,
  label,
  weight,
  original,
  onValid,
  t,
  lang,
}: {
  id: string;
  label: string;
  weight: number;
  original: number;
  onValid: (x: number) => void;
  t: Translate;
  lang: Locale;
}) {
  const [draft, setDraft] = useState(String(weight));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setDraft((d) => (Number(d) === weight && d.trim() !== '' ? d : String(weight)));
    setBad(false);
  }, [weight]);
  return (
    <>
      <input
        type="number"
        id={id}
        className="weight-input"
        min="0"
        max={MAX_WEIGHT}
        step="any"
        inputMode="decimal"
        value={draft}
        aria-label={t('healthSim.weightOf', { name: label })}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-problem` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const x = text.trim() === '' ? NaN : Number(text);
          if (isValidWeight(x)) {
            setBad(false);
            onValid(x);
          } else setBad(true);
        }}
      />
      {weight !== original && (
        <span className="badge badge-brand weight-changed">
          {t('healthSim.weightWas', { n: formatValueNumber(original, lang) })}
        </span>
      )}
      {bad && (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {t('healthSim.weightInvalid')}
        </span>
      )}
    </>
  );
}

export function WeightsEditor({
  cm,
  model,
  weights,
  onChange,
  onReset,
  exportActions,
  t,
  lang,
}: {
  cm: ClientHealthModel;
  /** The model with the edits applied. */
  model: HealthModel;
  weights: WeightEdits;
  onChange: (w: WeightEdits) => void;
  onReset: () => void;
  /** The export buttons, next to the reset. */
  exportActions: ReactNode;
  t: Translate;
  lang: Locale;
}) {
  const shares = weightShares(model);
  const gShares = groupShares(model);
  const edited = Object.keys(weights.groups).length + Object.keys(weights.measures).length;
  const label = (id: string) => cm.measures.find((x) => x.id === id)?.label ?? id;
  return (
    <section className="section-box weights" aria-labelledby="weights-title">
      <h2 id="weights-title">{t('healthSim.weights.title')}</h2>
      <p className="muted">{t('healthSim.weights.lead')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('healthSim.weights.caption')}>
        <table data-testid="weights-table">
          <caption>{t('healthSim.weights.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('healthSim.weights.item')}</th>
              <th scope="col">{t('health.weight')}</th>
              <th scope="col" className="num">
                {t('health.share')}
              </th>
            </tr>
          </thead>
          {model.groups.map((g) => {
            const original = cm.model.groups.find((x) => x.id === g.id)!.weight;
            const gl = cm.groups.find((x) => x.id === g.id)?.label ?? g.id;
            return (
              <tbody key={g.id} className="weights-group">
                <tr className="group-row">
                  <th scope="row">
                    <label htmlFor={`w-g-${g.id}`}>{t('healthSim.weights.group', { name: gl })}</label>
                  </th>
                  <td>
                    <WeightField
                      id={`w-g-${g.id}`}
                      label={gl}
                      weight={g.weight}
                      original={original}
                      t={t}
                      lang={lang}
                      onValid={(x) => onChange({ ...weights, groups: { ...weights.groups, [g.id]: x } })}
                    />
                  </td>
                  <td className="num" data-testid={`share-group-${g.id}`}>
                    {pct1(gShares.get(g.id) ?? 0)} %
                  </td>
                </tr>
                {model.measures
                  .filter((m) => m.group === g.id)
                  .map((m) => {
                    const orig = cm.model.measures.find((x) => x.id === m.id)!.weight;
                    return (
                      <tr key={m.id} className="measure-row">
                        <th scope="row">
                          <label htmlFor={`w-m-${m.id}`}>{label(m.id)}</label>
                        </th>
                        <td>
                          <WeightField
                            id={`w-m-${m.id}`}
                            label={label(m.id)}
                            weight={m.weight}
                            original={orig}
                            t={t}
                            lang={lang}
                            onValid={(x) => onChange({ ...weights, measures: { ...weights.measures, [m.id]: x } })}
                          />
                        </td>
                        <td className="num" data-testid={`share-${m.id}`}>
                          {pct1(shares.get(m.id) ?? 0)} %
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            );
          })}
        </table>
      </div>
      <p className="muted" aria-live="polite">
        {edited === 0 ? t('healthSim.weights.none') : t('healthSim.weights.edited', { n: edited })}
      </p>
      <div className="actions">
        <button type="button" onClick={onReset} disabled={edited === 0}>
          {t('healthSim.weights.reset')}
        </button>
        {exportActions}
      </div>
      <p className="muted">{t('healthSim.weights.exportHelp', { file: `content/healthModels/${cm.id}.yaml` })}</p>
      <p className="muted">{t('healthSim.sql.help', { table: SQL_TABLE })}</p>
    </section>
  );
}
