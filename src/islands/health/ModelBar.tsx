/** The simulator's toolbar: which model, which preset to load (into the scenario being edited), the model's page. */
import type { Translate } from '../../i18n/index.ts';
import type { ClientHealthModel } from '../../lib/health/client-models.ts';

export function ModelBar({
  models,
  cm,
  presetId,
  onPresetId,
  onLoadPreset,
  loadedPreset,
  loadInto,
  onModel,
  t,
}: {
  models: ClientHealthModel[];
  cm: ClientHealthModel;
  presetId: string;
  onPresetId: (id: string) => void;
  onLoadPreset: () => void;
  /** The preset just loaded (its description is shown until a value changes). */
  loadedPreset: string | null;
  /** Name of the scenario a preset loads into, when there are two. */
  loadInto: string | null;
  onModel: (id: string) => void;
  t: Translate;
}) {
  const loaded = loadedPreset ? cm.presets.find((x) => x.id === loadedPreset) : undefined;
  return (
    <>
      <div className="sim-toolbar">
        <label className="sim-field">
          {t('healthSim.model')}
          <select value={cm.id} onChange={(e) => onModel(e.target.value)} data-testid="model">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        {cm.presets.length > 0 && (
          <div className="sim-field preset-field">
            <label htmlFor="sim-preset">{t('healthSim.preset')}</label>
            <div className="preset-row">
              <select
                id="sim-preset"
                value={presetId}
                onChange={(e) => onPresetId(e.target.value)}
                data-testid="preset"
              >
                <option value="">{t('healthSim.preset.choose')}</option>
                {cm.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="button" onClick={onLoadPreset} disabled={!presetId}>
                {t('healthSim.preset.load')}
                {loadInto ? ` (${loadInto})` : ''}
              </button>
            </div>
          </div>
        )}
        <p className="sim-model-link">
          <a href={cm.href}>{t('healthSim.modelPage', { name: cm.name })}</a>
        </p>
      </div>
      {loaded && (
        <div className="notice-box info" role="status" data-testid="preset-loaded">
          <p>
            <strong>{t('healthSim.preset.loaded', { name: loaded.name })}</strong>
          </p>
          {loaded.description && <p>{loaded.description}</p>}
        </div>
      )}
    </>
  );
}
