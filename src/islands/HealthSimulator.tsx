/**
 * Health-score simulator island: one account's inputs → live score, band, coverage, overrides and
 * reasons; what would change the colour; what the band asks of us; each measure's contribution;
 * presets; scenarios A and B side by side; weights editor with YAML export. The state lives in the
 * page address (replaceState), so a link or a reload shows the same account.
 * State and rendering only: scoring, what-if and the address format live in src/lib/health.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { translator, type Dict } from '../i18n/translator.ts';
import type { ClientHealthData, ClientHealthModel } from '../lib/health/client-models.ts';
import type { HealthModel, Measure } from '../schemas/health.ts';
import { categoriesOf, isNumericMeasure, scoreAccount } from '../lib/health/score.ts';
import type { ScoreResult, TypedValue } from '../lib/health/score.ts';
import { searchRange, sensitivity } from '../lib/health/sensitivity.ts';
import type { SensitivityItem } from '../lib/health/sensitivity.ts';
import {
  applyWeights, defaultState, modelToYaml, normaliseWeights, parseState, presetValues, serialiseState,
  type Scenario, type ScenarioValues, type SimulatorState,
} from '../lib/health/simulator-state.ts';
import { BandMark } from './health/BandMark.tsx';
import { ContributionChart, type ContributionRow, type ContributionSeries } from './health/ContributionChart.tsx';
import { MeasureInput } from './health/MeasureInput.tsx';
import { WeightsEditor } from './health/WeightsEditor.tsx';
import { formatValue, issueText, pct1, score1 } from './health/format.ts';
import { formatNumber } from '../lib/text/number.ts';
import { downloadText, todayIso } from './browser.ts';
import { Notices, type Notice } from './notices.tsx';


/** A value to come back to when "no data" is unticked and nothing was entered before. */
function fallbackValue(m: Measure, model: HealthModel): TypedValue {
  for (const p of model.presets) {
    const v = p.values[m.id];
    if (typeof v === 'number' && isNumericMeasure(m)) return v;
    if (typeof v === 'string' && categoriesOf(m).includes(v as TypedValue)) return v as TypedValue;
    if (typeof v === 'boolean' && m.input === 'boolean') return v ? 'yes' : 'no';
  }
  if (isNumericMeasure(m)) {
    const r = searchRange(m, null);
    const mid = r.min + Math.round((r.max - r.min) / 2 / r.step) * r.step;
    return Number(mid.toFixed(6));
  }
  return m.input === 'boolean' ? 'yes' : 'yellow';
}

function ScoreCard({ cm, result, title, testId, t }: { cm: ClientHealthModel; result: ScoreResult; title: string; testId: string; t: ReturnType<typeof translator> }) {
  const band = result.band ? cm.bands[result.band.index] : null;
  return (
    <div className={`score-card${band ? ` band-${band.id}` : ' band-none'}`} data-testid={testId} data-band={band?.id ?? 'none'}>
      <h3>{title}</h3>
      <p className="score-number">
        {result.score === null ? <span className="score-none">{t('healthSim.noScore')}</span> : <><span data-testid={`${testId}-value`}>{score1(result.score)}</span><span className="score-max"> / 100</span></>}
      </p>
      <p className="band-line">
        {band ? (
          <>
            <BandMark index={result.band!.index} count={cm.bands.length} colour={band.colour} />
            <span className="band-label" data-testid={`${testId}-band`}>{band.label}</span>
          </>
        ) : (
          <span className="band-label" data-testid={`${testId}-band`}>{t('healthSim.insufficient')}</span>
        )}
      </p>
      <p className="coverage" data-testid={`${testId}-coverage`}>{t('healthSim.coverage', { pct: pct1(result.coverage) })}</p>
      {result.overridesApplied.length > 0 && (
        <p className="override-flag"><span className="badge badge-warn">{t('healthSim.overridesN', { n: result.overridesApplied.length })}</span></p>
      )}
    </div>
  );
}

export default function HealthSimulator({ data, dict }: { data: ClientHealthData; dict: Dict }) {
  const lang = data.lang;
  const t = useMemo(() => translator(dict), [dict]);
  const models = useMemo(() => data.models.map((m) => ({ id: m.id, model: m.model })), [data]);
  const [state, setState] = useState<SimulatorState>(() => defaultState(data.models[0].model, data.models[0].id));
  const [ready, setReady] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [presetId, setPresetId] = useState('');
  const [loadedPreset, setLoadedPreset] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  /** Last value entered per scenario and measure, restored when "no data" is unticked. */
  const memory = useRef(new Map<string, TypedValue>());

  const cm = data.models.find((m) => m.id === state.model) ?? data.models[0];
  const model = useMemo(() => applyWeights(cm.model, state.weights), [cm, state.weights]);
  const active: Scenario = state.b && state.active === 'b' ? 'b' : 'a';
  const values: ScenarioValues = (active === 'b' ? state.b : state.a) ?? state.a;
  const resA = useMemo(() => scoreAccount(model, state.a), [model, state.a]);
  const resB = useMemo(() => (state.b ? scoreAccount(model, state.b) : null), [model, state.b]);
  const res = active === 'b' && resB ? resB : resA;
  // The what-if search re-scores the account a few thousand times: let typing and sliding go first.
  const whatIfInput = useMemo(() => ({ id: cm.id, model, values }), [cm, model, values]);
  const deferred = useDeferredValue(whatIfInput);
  const whatIfAll = useMemo(() => sensitivity(deferred.model, deferred.values), [deferred]);
  // Right after a model switch the deferred list still belongs to the other model: show none of it.
  const whatIf = deferred.id === cm.id ? whatIfAll : [];

  // Read the address once, after hydration (the server-rendered page has no address to read).
  useEffect(() => {
    const parsed = parseState(window.location.search, models);
    setState(parsed.state);
    if (parsed.issues.length > 0) {
      const pcm = data.models.find((m) => m.id === parsed.state.model) ?? data.models[0];
      setNotices([{ kind: 'error', text: t('healthSim.linkProblems'), details: parsed.issues.map((i) => issueText(i, pcm, lang, t)) }]);
    }
    setReady(true);
  }, []);

  // Keep the address in step with the state (no new history entry per keystroke).
  useEffect(() => {
    if (!ready) return;
    const url = `${window.location.pathname}${serialiseState(state, cm.model)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
  }, [state, ready, cm]);

  const setValue = (id: string, v: TypedValue | null) => {
    if (v !== null) memory.current.set(`${active}:${id}`, v);
    setLoadedPreset(null);
    setState((s) => (active === 'b' && s.b ? { ...s, b: { ...s.b, [id]: v } } : { ...s, a: { ...s.a, [id]: v } }));
  };
  const restoreFor = (m: Measure): TypedValue => memory.current.get(`${active}:${m.id}`) ?? fallbackValue(m, cm.model);

  const chooseModel = (id: string) => {
    const next = data.models.find((m) => m.id === id);
    if (!next) return;
    memory.current.clear();
    setNotices([]);
    setPresetId('');
    setLoadedPreset(null);
    setState(defaultState(next.model, next.id));
  };
  const loadPreset = () => {
    const p = cm.presets.find((x) => x.id === presetId);
    if (!p) return;
    const v = presetValues(cm.model, p.id);
    setState((s) => (active === 'b' && s.b ? { ...s, b: v } : { ...s, a: v }));
    setLoadedPreset(p.id);
  };
  const copyAToB = () => setState((s) => ({ ...s, b: { ...s.a }, active: 'b' }));
  const removeB = () => setState((s) => ({ ...s, b: null, active: 'a' }));

  const exportYaml = async () => {
    setExporting(true);
    try {
      const text = await modelToYaml(applyWeights(cm.model, state.weights), { id: cm.id, today: todayIso() });
      downloadText(`${cm.id}.yaml`, text, 'application/yaml');
    } catch (e) {
      setNotices((n) => [...n, { kind: 'error', text: t('healthSim.exportFailed'), details: [String(e)] }]);
    } finally {
      setExporting(false);
    }
  };

  const label = (id: string) => cm.measures.find((x) => x.id === id)?.label ?? id;
  const unit = (id: string) => cm.measures.find((x) => x.id === id)?.unit ?? '';
  const measureDef = (id: string) => model.measures.find((x) => x.id === id)!;
  const fmt = (id: string, v: TypedValue | null) => formatValue(measureDef(id), unit(id), v, lang, t);
  const band = res.band ? cm.bands[res.band.index] : null;
  const scenarioName = (s: Scenario) => t(s === 'a' ? 'healthSim.scenarioA' : 'healthSim.scenarioB');

  // Reasons in words: the band line, overrides with their reasons, weakest measures, missing data.
  const reasons = res.reasons.filter((r) => r.code !== 'override');

  const whatIfText = (it: SensitivityItem): string => {
    const m = measureDef(it.measure);
    const vars = { measure: label(it.measure), from: fmt(it.measure, it.from), to: fmt(it.measure, it.to) };
    if (it.from === null) return t('healthSim.whatIf.set', vars);
    if (isNumericMeasure(m) && typeof it.from === 'number' && typeof it.to === 'number') return t(it.to > it.from ? 'healthSim.whatIf.raise' : 'healthSim.whatIf.lower', vars);
    return t('healthSim.whatIf.change', vars);
  };
  const whatIfList = (dir: 'up' | 'down') => {
    const items = whatIf.filter((x) => x.direction === dir);
    return (
      <div className="what-if-dir">
        <h4>{t(dir === 'up' ? 'healthSim.whatIf.up' : 'healthSim.whatIf.down')}</h4>
        {items.length === 0 ? <p className="muted">{t(dir === 'up' ? 'healthSim.whatIf.noneUp' : 'healthSim.whatIf.noneDown')}</p> : (
          <ul className="what-if-list" data-testid={`what-if-${dir}`}>
            {items.map((it) => {
              const nb = cm.bands[it.newBand.index];
              return (
                <li key={`${it.measure}-${dir}`}>
                  {whatIfText(it)} <span aria-hidden="true">→</span><span className="visually-hidden">{t('healthSim.whatIf.gives')}</span>{' '}
                  <span className="band-inline"><BandMark index={it.newBand.index} count={cm.bands.length} colour={nb.colour} />{nb.label}</span>{' '}
                  <span className="muted">{t('healthSim.whatIf.score', { score: score1(it.newScore) })}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  };

  // Contribution chart and table.
  const chart = useMemo(() => {
    const labels = model.measures.map((m) => label(m.id));
    const scen: [Scenario, ScoreResult, ScenarioValues][] = [['a', resA, state.a]];
    if (resB && state.b) scen.push(['b', resB, state.b]);
    const multi = scen.length > 1;
    const series: ContributionSeries[] = scen.map(([s, r]) => ({
      label: multi ? scenarioName(s) : t('healthSim.chart.series'),
      values: r.measures.map((x) => (x.hasData ? Math.round(x.contribution * 100) / 100 : null)),
      style: s === 'a' ? 'solid' : 'outline',
    }));
    const columns = [t('health.measures')];
    for (const [s] of scen) {
      const suffix = multi ? ` (${s.toUpperCase()})` : '';
      columns.push(t('healthSim.col.value') + suffix, t('healthSim.col.points') + suffix, t('healthSim.col.weight') + suffix, t('healthSim.col.contribution') + suffix);
    }
    const rows: ContributionRow[] = model.measures.map((m, i) => ({
      measure: labels[i],
      cells: scen.flatMap(([, r, v]) => {
        const x = r.measures[i];
        return [fmt(m.id, v[m.id] ?? null), x.points === null ? '—' : formatNumber(x.points, lang, 1), `${pct1(x.effectiveWeight)} %`, x.hasData ? score1(x.contribution) : '—'];
      }),
    }));
    const withData = resA.measures.filter((x) => x.hasData);
    const top = [...withData].sort((a, b) => b.contribution - a.contribution)[0];
    const parts = [
      resA.score === null
        ? t('healthSim.chart.summaryNone', { n: withData.length, total: model.measures.length })
        : t('healthSim.chart.summary', { n: withData.length, total: model.measures.length, score: score1(resA.score) }),
    ];
    if (top) parts.push(t('healthSim.chart.top', { measure: label(top.id), points: score1(top.contribution) }));
    if (resB) parts.push(resB.score === null ? t('healthSim.chart.summaryBNone') : t('healthSim.chart.summaryB', { score: score1(resB.score) }));
    return { labels, series, columns, rows, summary: parts.join(' ') };
  }, [model, resA, resB, state.a, state.b, cm, t]);

  const delta = resA.score !== null && resB && resB.score !== null ? resB.score - resA.score : null;

  return (
    <div className="health-sim" data-ready={ready ? 'true' : 'false'} data-model={cm.id}>
      <Notices notices={notices} onDismiss={(n) => setNotices((l) => l.filter((x) => x !== n))} t={t} />

      <div className="sim-toolbar">
        <label className="sim-field">
          {t('healthSim.model')}
          <select value={cm.id} onChange={(e) => chooseModel(e.target.value)} data-testid="model">
            {data.models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
        {cm.presets.length > 0 && (
          <div className="sim-field preset-field">
            <label htmlFor="sim-preset">{t('healthSim.preset')}</label>
            <div className="preset-row">
              <select id="sim-preset" value={presetId} onChange={(e) => setPresetId(e.target.value)} data-testid="preset">
                <option value="">{t('healthSim.preset.choose')}</option>
                {cm.presets.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
              <button type="button" onClick={loadPreset} disabled={!presetId}>
                {t('healthSim.preset.load')}{state.b ? ` (${scenarioName(active)})` : ''}
              </button>
            </div>
          </div>
        )}
        <p className="sim-model-link"><a href={cm.href}>{t('healthSim.modelPage', { name: cm.name })}</a></p>
      </div>
      {loadedPreset && (() => {
        const p = cm.presets.find((x) => x.id === loadedPreset)!;
        return (
          <div className="notice-box info" role="status" data-testid="preset-loaded">
            <p><strong>{t('healthSim.preset.loaded', { name: p.name })}</strong></p>
            {p.description && <p>{p.description}</p>}
          </div>
        );
      })()}

      <div className="sim-scenarios">
        {state.b ? (
          <>
            <fieldset className="scenario-switch">
              <legend>{t('healthSim.editing')}</legend>
              {(['a', 'b'] as const).map((s) => (
                <label key={s}>
                  <input type="radio" name="sim-scenario" value={s} checked={active === s} onChange={() => setState((st) => ({ ...st, active: s }))} />
                  {scenarioName(s)}
                </label>
              ))}
            </fieldset>
            <div className="actions">
              <button type="button" onClick={copyAToB}>{t('healthSim.copyAtoB')}</button>
              <button type="button" onClick={removeB}>{t('healthSim.removeB')}</button>
            </div>
          </>
        ) : (
          <div className="actions">
            <button type="button" onClick={copyAToB}>{t('healthSim.startB')}</button>
            <span className="muted">{t('healthSim.startBHelp')}</span>
          </div>
        )}
      </div>

      <div className="sim-layout">
        <form className="sim-inputs" onSubmit={(e) => e.preventDefault()} aria-labelledby="sim-inputs-title">
          <h2 id="sim-inputs-title">{state.b ? t('healthSim.inputsOf', { scenario: scenarioName(active) }) : t('healthSim.inputs')}</h2>
          {model.groups.filter((g) => model.measures.some((m) => m.group === g.id)).map((g) => {
            const gr = res.groups.find((x) => x.id === g.id);
            return (
              <section key={g.id} className="sim-group" aria-labelledby={`g-${g.id}`}>
                <h3 id={`g-${g.id}`}>
                  {cm.groups.find((x) => x.id === g.id)?.label ?? g.id}{' '}
                  <span className="muted group-score">{gr?.score === null || gr === undefined ? t('healthSim.groupNoData') : t('healthSim.groupScore', { score: score1(gr.score) })}</span>
                </h3>
                {model.measures.filter((m) => m.group === g.id).map((m) => (
                  <MeasureInput
                    key={`${cm.id}-${m.id}`}
                    cm={cm}
                    measure={m}
                    words={cm.measures.find((x) => x.id === m.id)!}
                    value={values[m.id] ?? null}
                    restore={restoreFor(m)}
                    result={res.measures.find((x) => x.id === m.id)}
                    onChange={(v) => setValue(m.id, v)}
                    lang={lang}
                    t={t}
                  />
                ))}
              </section>
            );
          })}
        </form>

        <section className="sim-results" aria-labelledby="sim-results-title">
          <h2 id="sim-results-title">{t('healthSim.result')}</h2>
          <p className="visually-hidden" aria-live="polite" data-testid="live">
            {[['a', resA] as const, ...(resB ? [['b', resB] as const] : [])].map(([s, r]) =>
              `${resB ? `${scenarioName(s)}: ` : ''}${r.score === null ? t('healthSim.insufficient') : `${score1(r.score)} — ${cm.bands[r.band!.index].label}`}`).join('. ')}
          </p>
          <div className={`score-cards${resB ? ' two' : ''}`}>
            <ScoreCard cm={cm} result={resA} title={resB ? scenarioName('a') : t('healthSim.score')} testId="score-a" t={t} />
            {resB && <ScoreCard cm={cm} result={resB} title={scenarioName('b')} testId="score-b" t={t} />}
          </div>
          {resB && (
            <p className="compare" data-testid="compare">
              {delta === null ? t('healthSim.compare.none') : t('healthSim.compare', { delta: `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${score1(Math.abs(delta))}` })}{' '}
              {resA.band && resB.band && (resA.band.index === resB.band.index
                ? t('healthSim.compare.sameBand', { band: cm.bands[resA.band.index].label })
                : t('healthSim.compare.bandChange', { from: cm.bands[resA.band.index].label, to: cm.bands[resB.band.index].label }))}
              {delta !== null && Math.abs(delta) >= model.trendAlert && <> <strong className="trend-alert">{t('healthSim.compare.trendAlert', { n: model.trendAlert })}</strong></>}
            </p>
          )}

          <h3>{state.b ? t('healthSim.whyOf', { scenario: scenarioName(active) }) : t('healthSim.why')}</h3>
          <ul className="reasons" data-testid="reasons">
            {reasons.map((r, i) => <li key={i} className={`reason-${r.code}`}>{issueText(r, cm, lang, t)}</li>)}
          </ul>
          {res.overridesApplied.length > 0 && (
            <>
              <h4>{t('healthSim.overrides')}</h4>
              <ul className="overrides" data-testid="overrides">
                {res.overridesApplied.map((o) => (
                  <li key={o.id}>
                    <strong>{issueText({ code: 'override', params: { measure: o.measure, forceBand: o.forceBand, changedBand: o.changedBand, value: String(values[o.measure]) } }, cm, lang, t)}</strong>
                    <br />{cm.overrides[o.id]}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>{t('healthSim.whatIf')}</h3>
          {res.band === null ? <p className="muted">{t('healthSim.whatIf.insufficient')}</p> : (
            <div className="what-if" data-testid="what-if">
              {whatIf.length === 0 && <p className="muted">{t('healthSim.whatIf.nothing')}</p>}
              {whatIfList('up')}
              {whatIfList('down')}
            </div>
          )}

          <h3>{band ? t('healthSim.bandTitle', { band: band.label }) : t('healthSim.bandTitleNone')}</h3>
          {band ? (
            <dl className="band-facts" data-testid="band-facts">
              <dt>{t('health.meaning')}</dt><dd>{band.meaning}</dd>
              <dt>{t('health.notify')}</dt><dd>{band.notify}</dd>
              <dt>{t('health.cadence')}</dt><dd>{band.cadence}</dd>
              {band.exit && <><dt>{t('healthSim.exit')}</dt><dd>{band.exit}</dd></>}
              {band.playbooks.length > 0 && (
                <>
                  <dt>{t('common.playbooks')}</dt>
                  <dd><ul>{band.playbooks.map((p) => <li key={p.href}><a href={p.href}>{p.title}</a></li>)}</ul></dd>
                </>
              )}
            </dl>
          ) : <p>{t('healthSim.bandNone', { min: pct1(model.missingData.minCoverage) })}</p>}
        </section>
      </div>

      <section className="sim-contribution" aria-labelledby="contribution-title">
        <h2 id="contribution-title">{t('healthSim.chart.title')}</h2>
        <p className="muted">{t('healthSim.chart.lead')}</p>
        <ContributionChart
          title={t('healthSim.chart.title')}
          labels={chart.labels}
          series={chart.series}
          summary={chart.summary}
          tableCaption={t('healthSim.chart.table')}
          columns={chart.columns}
          rows={chart.rows}
          axisLabel={t('healthSim.chart.axis')}
        />
      </section>

      <WeightsEditor
        cm={cm}
        model={model}
        weights={state.weights}
        onChange={(w) => setState((s) => ({ ...s, weights: normaliseWeights(cm.model, w) }))}
        onReset={() => setState((s) => ({ ...s, weights: { groups: {}, measures: {} } }))}
        onExport={() => void exportYaml()}
        exporting={exporting}
        t={t}
        lang={lang}
      />
    </div>
  );
}
