/** Scenario B: start it as a copy of A, choose which scenario the inputs edit, copy A over B or remove B. */
import type { Translate } from '../../i18n/index.ts';
import type { Scenario } from '../../lib/health/simulator-state.ts';
import { scenarioName } from './format.ts';

export function ScenarioBar({
  hasB,
  active,
  onActive,
  onCopyAToB,
  onRemoveB,
  t,
}: {
  hasB: boolean;
  active: Scenario;
  onActive: (s: Scenario) => void;
  onCopyAToB: () => void;
  onRemoveB: () => void;
  t: Translate;
}) {
  return (
    <div className="sim-scenarios">
      {hasB ? (
        <>
          <fieldset className="scenario-switch">
            <legend>{t('healthSim.editing')}</legend>
            {(['a', 'b'] as const).map((s) => (
              <label key={s}>
                <input type="radio" name="sim-scenario" value={s} checked={active === s} onChange={() => onActive(s)} />
                {scenarioName(s, t)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="button" onClick={onCopyAToB}>
              {t('healthSim.copyAtoB')}
            </button>
            <button type="button" onClick={onRemoveB}>
              {t('healthSim.removeB')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" onClick={onCopyAToB}>
            {t('healthSim.startB')}
          </button>
          <span className="muted">{t('healthSim.startBHelp')}</span>
        </div>
      )}
    </div>
  );
}
