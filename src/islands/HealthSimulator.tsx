/**
 * Health-score simulator island: one account's inputs → live score, band, coverage, overrides and
 * reasons; what would change the colour; what the band asks of us; each measure's contribution;
 * presets; scenarios A and B side by side; weights editor with YAML and SQL export. The state lives in
 * the page address (replaceState), so a link or a reload shows the same account.
 * State and wiring only: the parts are in ./health/, the state changes, scoring, what-if and the
 * address format in src/lib/health.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { translator, type Dict } from '../i18n/translator.ts';
import type { ClientHealthData } from '../lib/health/client-models.ts';
import type { Measure } from '../schemas/health.ts';
import { scoreAccount, type TypedValue } from '../lib/health/score.ts';
import { sensitivitySteps } from '../lib/health/sensitivity.ts';
import { useSliced } from './useSliced.ts';
import {
  activeScenario,
  activeValues,
  applyWeights,
  copyAToB,
  defaultState,
  fallbackValue,
  parseState,
  presetValues,
  removeB,
  resetWeights,
  serialiseState,
  withActive,
  withActiveValues,
  withValue,
  withWeights,
  type SimulatorState,
} from '../lib/health/simulator-state.ts';
import { ContributionSection } from './health/ContributionSection.tsx';
import { ExportActions } from './health/ExportActions.tsx';
import { InputsForm } from './health/InputsForm.tsx';
import { ModelBar } from './health/ModelBar.tsx';
import { ResultsPanel } from './health/ResultsPanel.tsx';
import { ScenarioBar } from './health/ScenarioBar.tsx';
import { WeightsEditor } from './health/WeightsEditor.tsx';
import { issueText, scenarioName, type SimView } from './health/format.ts';
import { Notices, type Notice } from './notices.tsx';

export default function HealthSimulator({ data, dict }: { data: ClientHealthData; dict: Dict }) {
  const lang = data.lang;
  const t = useMemo(() => translator(dict), [dict]);
  const models = useMemo(() => data.models.map((m) => ({ id: m.id, model: m.model })), [data]);
  const [state, setState] = useState<SimulatorState>(() => defaultState(data.models[0].model, data.models[0].id));
  const [ready, setReady] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [presetId, setPresetId] = useState('');
  const [loadedPreset, setLoadedPreset] = useState<string | null>(null);
  /** Last value entered per scenario and measure, restored when "no data" is unticked. */
  const memory = useRef(new Map<string, TypedValue>());

  const cm = data.models.find((m) => m.id === state.model) ?? data.models[0];
  const model = useMemo(() => applyWeights(cm.model, state.weights), [cm, state.weights]);
  const view: SimView = useMemo(() => ({ cm, model, lang, t }), [cm, model, lang, t]);
  const active = activeScenario(state);
  const values = activeValues(state);
  const resA = useMemo(() => scoreAccount(model, state.a), [model, state.a]);
  const resB = useMemo(() => (state.b ? scoreAccount(model, state.b) : null), [model, state.b]);
  // The what-if search re-scores the account a few thousand times: after render, in short tasks, so
  // typing, sliding and the page's first load go first.
  const whatIfInput = useMemo(() => ({ id: cm.id, model, values }), [cm, model, values]);
  const whatIfDone = useSliced(whatIfInput, (x) => sensitivitySteps(x.model, x.values));
  // Until the first search ends, and right after a model switch (the last list belongs to the other
  // model), there is no list to show.
  const whatIf = whatIfDone && whatIfDone.input.id === cm.id ? whatIfDone.value : null;

  // Read the address once, after hydration (the server-rendered page has no address to read).
  // As a transition: re-rendering every input with the address's values is split into short tasks.
  useEffect(() => {
    const parsed = parseState(window.location.search, models);
    startTransition(() => {
      if (window.location.search) setState(parsed.state);
      setReady(true);
    });
    if (parsed.issues.length > 0) {
      const pcm = data.models.find((m) => m.id === parsed.state.model) ?? data.models[0];
      setNotices([
        {
          kind: 'error',
          text: t('healthSim.linkProblems'),
          details: parsed.issues.map((i) => issueText(i, pcm, lang, t)),
        },
      ]);
    }
  }, []);

  // Keep the address in step with the state (no new history entry per keystroke).
  useEffect(() => {
    if (!ready) return;
    const url = `${window.location.pathname}${serialiseState(state, cm.model)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(window.history.state, '', url);
  }, [state, ready, cm]);

  const setValue = (id: string, v: TypedValue | null) => {
    if (v !== null) memory.current.set(`${active}:${id}`, v);
    setLoadedPreset(null);
    setState((s) => withValue(s, id, v));
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
    setState((s) => withActiveValues(s, v));
    setLoadedPreset(p.id);
  };

  return (
    <div className="health-sim" data-ready={ready ? 'true' : 'false'} data-model={cm.id}>
      <Notices notices={notices} onDismiss={(n) => setNotices((l) => l.filter((x) => x !== n))} t={t} />

      <ModelBar
        models={data.models}
        cm={cm}
        presetId={presetId}
        onPresetId={setPresetId}
        onLoadPreset={loadPreset}
        loadedPreset={loadedPreset}
        loadInto={state.b ? scenarioName(active, t) : null}
        onModel={chooseModel}
        t={t}
      />

      <ScenarioBar
        hasB={state.b !== null}
        active={active}
        onActive={(s) => setState((st) => withActive(st, s))}
        onCopyAToB={() => setState(copyAToB)}
        onRemoveB={() => setState(removeB)}
        t={t}
      />

      <div className="sim-layout">
        <InputsForm
          view={view}
          title={state.b ? t('healthSim.inputsOf', { scenario: scenarioName(active, t) }) : t('healthSim.inputs')}
          values={values}
          result={active === 'b' && resB ? resB : resA}
          restoreFor={restoreFor}
          onValue={setValue}
        />
        <ResultsPanel view={view} resA={resA} resB={resB} active={active} values={values} whatIf={whatIf} />
      </div>

      <ContributionSection view={view} resA={resA} resB={resB} a={state.a} b={state.b} />

      <WeightsEditor
        cm={cm}
        model={model}
        weights={state.weights}
        onChange={(w) => setState((s) => withWeights(s, cm.model, w))}
        onReset={() => setState(resetWeights)}
        exportActions={
          <ExportActions
            id={cm.id}
            model={model}
            onError={(e) =>
              setNotices((n) => [...n, { kind: 'error', text: t('healthSim.exportFailed'), details: [String(e)] }])
            }
            t={t}
          />
        }
        t={t}
        lang={lang}
      />
    </div>
  );
}
