/**
 * Props of the batch-scoring island: plain JSON per health model in one language (labels, band
 * ranges, measure inputs and the model the scoring engine needs, without the prose the page never
 * shows). Pure: built at build time by the page.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import type { ContentSet } from '../content/check.ts';
import { tx, type Locale } from '../../i18n/locales.ts';
import { localePath } from '../urls.ts';
import { bandRanges } from './model-shares.ts';

export interface BatchBand {
  id: string;
  label: string;
  colour: string;
  range: string;
}
export interface BatchMeasure {
  id: string;
  label: string;
  input: Measure['input'];
  group: string;
}
export interface BatchModel {
  id: string;
  name: string;
  version: string;
  href: string;
  bands: BatchBand[];
  measures: BatchMeasure[];
  minCoverage: number;
  /** The model for the scoring engine: structure as in the content, prose reduced to the page's language. */
  model: HealthModel;
}
export interface BatchClientData {
  lang: Locale;
  models: BatchModel[];
}

/**
 * The model the engine needs, without the prose the batch page never shows: help texts and presets
 * are dropped; summary, band texts and override reasons keep only the page's language (under `en`,
 * the one key LText requires). Measure labels keep both languages: guessMapping matches CSV headers
 * against both, whatever the page's language.
 */
export function compactModel(m: HealthModel, lang: Locale): HealthModel {
  const one = (t: { en: string; ja?: string }) => ({ en: tx(t, lang) });
  return {
    ...m,
    summary: one(m.summary),
    name: one(m.name),
    measures: m.measures.map(({ help: _help, unit: _unit, ...x }) => ({ ...x })),
    bands: m.bands.map(({ exit: _exit, ...b }) => ({
      ...b,
      meaning: one(b.meaning),
      notify: one(b.notify),
      cadence: one(b.cadence),
    })),
    overrides: m.overrides.map((o) => ({ ...o, reason: one(o.reason) })),
    presets: [],
  };
}

export function batchClientData(c: Pick<ContentSet, 'healthModels'>, lang: Locale, base = '/'): BatchClientData {
  const models = [...c.healthModels.values()].map(({ id, data: m }) => {
    const ranges = bandRanges(m);
    return {
      id,
      name: tx(m.name, lang),
      version: m.version,
      href: localePath(lang, `/health/${id}/`, base),
      bands: m.bands.map((b, i) => ({ id: b.id, label: tx(b.label, lang), colour: b.colour, range: ranges[i].label })),
      measures: m.measures.map((x) => ({ id: x.id, label: tx(x.label, lang), input: x.input, group: x.group })),
      minCoverage: m.missingData.minCoverage,
      model: compactModel(m, lang),
    };
  });
  // High-touch first: the model most CSMs use.
  models.sort(
    (a, b) => Number(b.model.touch === 'high') - Number(a.model.touch === 'high') || a.id.localeCompare(b.id),
  );
  return { lang, models };
}
