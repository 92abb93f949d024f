/** The inputs of the scenario being edited, one section per group (with the group's score), one field per measure. */
import type { ScoreResult, TypedValue } from '../../lib/health/score.ts';
import type { Measure } from '../../schemas/health.ts';
import { MeasureInput } from './MeasureInput.tsx';
import { score1, type SimView } from './format.ts';

export function InputsForm({
  view,
  title,
  values,
  result,
  restoreFor,
  onValue,
}: {
  view: SimView;
  title: string;
  values: Record<string, TypedValue | null>;
  result: ScoreResult;
  /** The value a measure comes back to when "no data" is unticked. */
  restoreFor: (m: Measure) => TypedValue;
  onValue: (id: string, v: TypedValue | null) => void;
}) {
  const { cm, model, lang, t } = view;
  return (
    <form className="sim-inputs" onSubmit={(e) => e.preventDefault()} aria-labelledby="sim-inputs-title">
      <h2 id="sim-inputs-title">{title}</h2>
      {model.groups
        .filter((g) => model.measures.some((m) => m.group === g.id))
        .map((g) => {
          const gr = result.groups.find((x) => x.id === g.id);
          return (
            <section key={g.id} className="sim-group" aria-labelledby={`g-${g.id}`}>
              <h3 id={`g-${g.id}`}>
                {cm.groups.find((x) => x.id === g.id)?.label ?? g.id}{' '}
                <span className="muted group-score">
                  {gr?.score === null || gr === undefined
                    ? t('healthSim.groupNoData')
                    : t('healthSim.groupScore', { score: score1(gr.score) })}
                </span>
              </h3>
              {model.measures
                .filter((m) => m.group === g.id)
                .map((m) => (
                  <MeasureInput
                    key={`${cm.id}-${m.id}`}
                    cm={cm}
                    measure={m}
                    words={cm.measures.find((x) => x.id === m.id)!}
                    value={values[m.id] ?? null}
                    restore={restoreFor(m)}
                    result={result.measures.find((x) => x.id === m.id)}
                    onChange={(v) => onValue(m.id, v)}
                    lang={lang}
                    t={t}
                  />
                ))}
            </section>
          );
        })}
    </form>
  );
}
