/** Step 7 of the model designer: the model's id and names, and the YAML for content/healthModels/<id>.yaml (the YAML writer loads on demand). */
import { memo, useState, type Dispatch, type SetStateAction } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Design, DesignProblem } from '../../lib/health/design/design.ts';
import { downloadText } from '../browser.ts';

export const ExportStep = memo(function ExportStep({
  t,
  design,
  problems,
  setDesign,
}: {
  t: Translate;
  lang: Locale;
  design: Design;
  problems: DesignProblem[];
  setDesign: Dispatch<SetStateAction<Design | null>>;
}) {
  const [yaml, setYaml] = useState<{ text: string; key: string } | null>(null);
  const key = JSON.stringify(design);
  const make = async () => {
    const { designYaml } = await import('../../lib/health/design/export-yaml.ts');
    const text = designYaml(design);
    setYaml({ text, key });
    return text;
  };
  const download = async () => downloadText(`${design.id}.yaml`, await make(), 'text/yaml;charset=utf-8');
  const set = (c: Partial<Design>) => setDesign((d) => d && { ...d, ...c });
  return (
    <section className="batch-step" aria-labelledby="design-step-export">
      <h2 id="design-step-export">{t('design.step.export')}</h2>
      <p>{t('design.export.help')}</p>
      <div className="form-grid">
        <label>
          {t('design.export.id')}
          <input
            type="text"
            value={design.id}
            onChange={(e) => set({ id: e.target.value })}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            data-testid="model-id"
          />
        </label>
        <label>
          {t('design.export.nameEn')}
          <input
            type="text"
            value={design.name.en}
            onChange={(e) => set({ name: { ...design.name, en: e.target.value } })}
          />
        </label>
        <label>
          {t('design.export.nameJa')}
          <input
            type="text"
            lang="ja"
            value={design.name.ja}
            onChange={(e) => set({ name: { ...design.name, ja: e.target.value } })}
          />
        </label>
      </div>
      {problems.length > 0 && (
        <p className="notice" data-testid="export-blocked">
          {t('design.export.blocked')}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0}
          onClick={() => void download()}
          data-testid="export-yaml"
        >
          {t('design.export.download', { file: `${design.id}.yaml` })}
        </button>
        <button type="button" disabled={problems.length > 0} onClick={() => void make()} data-testid="preview-yaml">
          {t('design.export.preview')}
        </button>
      </div>
      {yaml && (
        <div>
          {yaml.key !== key && <p className="notice">{t('design.export.stale')}</p>}
          <pre
            className="yaml-preview"
            data-testid="yaml"
            tabIndex={0}
            role="region"
            aria-label={t('design.export.previewLabel')}
          >
            {yaml.text}
          </pre>
        </div>
      )}
    </section>
  );
});
