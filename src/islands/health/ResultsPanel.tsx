/**
 * The result of the scenario(s): score cards, the A/B comparison, the reasons in words, the
 * overrides that hold, what would change the colour, and what the band asks of us.
 */
import type { ScoreResult } from '../../lib/health/score.ts';
import type { SensitivityItem } from '../../lib/health/sensitivity.ts';
import type { Scenario, ScenarioValues } from '../../lib/health/simulator-state.ts';
import { ScoreCard } from './ScoreCard.tsx';
import { WhatIf } from './WhatIf.tsx';
import { issueText, pct1, scenarioName, score1, type SimView } from './format.ts';

export function ResultsPanel({
  view,
  resA,
  resB,
  active,
  values,
  whatIf,
}: {
  view: SimView;
  resA: ScoreResult;
  resB: ScoreResult | null;
  active: Scenario;
  /** Values of the scenario being edited. */
  values: ScenarioValues;
  /** Null while the what-if search has not finished for this model. */
  whatIf: SensitivityItem[] | null;
}) {
  const { cm, model, lang, t } = view;
  const res = active === 'b' && resB ? resB : resA;
  const band = res.band ? cm.bands[res.band.index] : null;
  const delta = resA.score !== null && resB && resB.score !== null ? resB.score - resA.score : null;
  // Reasons in words: the band line, weakest measures, missing data (overrides have their own list).
  const reasons = res.reasons.filter((r) => r.code !== 'override');
  return (
    <section className="sim-results" aria-labelledby="sim-results-title">
      <h2 id="sim-results-title">{t('healthSim.result')}</h2>
      <p className="visually-hidden" aria-live="polite" data-testid="live">
        {[['a', resA] as const, ...(resB ? [['b', resB] as const] : [])]
          .map(
            ([s, r]) =>
              `${resB ? `${scenarioName(s, t)}: ` : ''}${r.score === null ? t('healthSim.insufficient') : `${score1(r.score)} — ${cm.bands[r.band!.index].label}`}`,
          )
          .join('. ')}
      </p>
      <div className={`score-cards${resB ? ' two' : ''}`}>
        <ScoreCard
          cm={cm}
          result={resA}
          title={resB ? scenarioName('a', t) : t('healthSim.score')}
          testId="score-a"
          t={t}
        />
        {resB && <ScoreCard cm={cm} result={resB} title={scenarioName('b', t)} testId="score-b" t={t} />}
      </div>
      {resB && (
        <p className="compare" data-testid="compare">
          {delta === null
            ? t('healthSim.compare.none')
            : t('healthSim.compare', {
                delta: `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${score1(Math.abs(delta))}`,
              })}{' '}
          {resA.band &&
            resB.band &&
            (resA.band.index === resB.band.index
              ? t('healthSim.compare.sameBand', { band: cm.bands[resA.band.index].label })
              : t('healthSim.compare.bandChange', {
                  from: cm.bands[resA.band.index].label,
                  to: cm.bands[resB.band.index].label,
                }))}
          {delta !== null && Math.abs(delta) >= model.trendAlert && (
            <>
              {' '}
              <strong className="trend-alert">{t('healthSim.compare.trendAlert', { n: model.trendAlert })}</strong>
            </>
          )}
        </p>
      )}

      <h3>{resB ? t('healthSim.whyOf', { scenario: scenarioName(active, t) }) : t('healthSim.why')}</h3>
      <ul className="reasons" data-testid="reasons">
        {reasons.map((r, i) => (
          <li key={i} className={`reason-${r.code}`}>
            {issueText(r, cm, lang, t)}
          </li>
        ))}
      </ul>
      {res.overridesApplied.length > 0 && (
        <>
          <h4>{t('healthSim.overrides')}</h4>
          <ul className="overrides" data-testid="overrides">
            {res.overridesApplied.map((o) => (
              <li key={o.id}>
                <strong>
                  {issueText(
                    {
                      code: 'override',
                      params: {
                        measure: o.measure,
                        forceBand: o.forceBand,
                        changedBand: o.changedBand,
                        value: String(values[o.measure]),
                      },
                    },
                    cm,
                    lang,
                    t,
                  )}
                </strong>
                <br />
                {cm.overrides[o.id]}
              </li>
            ))}
          </ul>
        </>
      )}

      <WhatIf view={view} items={whatIf} hasBand={res.band !== null} />

      <h3>{band ? t('healthSim.bandTitle', { band: band.label }) : t('healthSim.bandTitleNone')}</h3>
      {band ? (
        <dl className="band-facts" data-testid="band-facts">
          <dt>{t('health.meaning')}</dt>
          <dd>{band.meaning}</dd>
          <dt>{t('health.notify')}</dt>
          <dd>{band.notify}</dd>
          <dt>{t('health.cadence')}</dt>
          <dd>{band.cadence}</dd>
          {band.exit && (
            <>
              <dt>{t('healthSim.exit')}</dt>
              <dd>{band.exit}</dd>
            </>
          )}
          {band.playbooks.length > 0 && (
            <>
              <dt>{t('common.playbooks')}</dt>
              <dd>
                <ul>
                  {band.playbooks.map((p) => (
                    <li key={p.href}>
                      <a href={p.href}>{p.title}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('healthSim.bandNone', { min: pct1(model.missingData.minCoverage) })}</p>
      )}
    </section>
  );
}
