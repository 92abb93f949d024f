/**
 * What the health-score simulator island needs from the content, in one language, as plain JSON
 * props: every health model in full (the engine and the YAML export take the HealthModel shape,
 * both languages included) plus its words in the page's language — labels, help, units, band
 * meaning / notify / cadence / exit, override reasons, preset names — and the band playbooks as
 * links. Pure.
 */
import type { ContentSet } from '../content/check.ts';
import type { HealthModel } from '../../schemas/health.ts';
import { tx, type Locale } from '../../i18n/locales.ts';
import { localePath } from '../urls.ts';
import { resolveTarget } from '../content/links.ts';
import { bandRanges } from './model-shares.ts';

export interface ClientHealthLink {
  title: string;
  href: string;
}
export interface ClientHealthMeasure {
  id: string;
  group: string;
  label: string;
  help: string;
  unit: string;
}
export interface ClientHealthBand {
  id: string;
  colour: string;
  label: string;
  /** "0–49" */
  range: string;
  meaning: string;
  notify: string;
  cadence: string;
  exit: string;
  playbooks: ClientHealthLink[];
}
export interface ClientHealthPreset {
  id: string;
  name: string;
  description: string;
}
export interface ClientHealthModel {
  id: string;
  name: string;
  summary: string;
  /** The model page (/health/<id>/) in the page's language. */
  href: string;
  /** The validated model as in content/healthModels/<id>.yaml (defaults filled in). */
  model: HealthModel;
  groups: { id: string; label: string }[];
  measures: ClientHealthMeasure[];
  bands: ClientHealthBand[];
  /** Override id → reason. */
  overrides: Record<string, string>;
  presets: ClientHealthPreset[];
}
export interface ClientHealthData {
  lang: Locale;
  models: ClientHealthModel[];
}

/** JSON copy: drops undefined fields and anything that would not survive the island's props. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function clientHealthModel(c: ContentSet, id: string, lang: Locale, base = '/'): ClientHealthModel | undefined {
  const entry = c.healthModels.get(id);
  if (!entry) return undefined;
  const m = entry.data;
  const ranges = bandRanges(m);
  return {
    id,
    name: tx(m.name, lang),
    summary: tx(m.summary, lang),
    href: localePath(lang, `/health/${id}/`, base),
    model: plain(m),
    groups: m.groups.map((g) => ({ id: g.id, label: tx(g.label, lang) })),
    measures: m.measures.map((x) => ({
      id: x.id,
      group: x.group,
      label: tx(x.label, lang),
      help: tx(x.help, lang),
      unit: tx(x.unit, lang),
    })),
    bands: m.bands.map((b, i) => ({
      id: b.id,
      colour: b.colour,
      label: tx(b.label, lang),
      range: ranges[i].label,
      meaning: tx(b.meaning, lang),
      notify: tx(b.notify, lang),
      cadence: tx(b.cadence, lang),
      exit: tx(b.exit, lang),
      playbooks: b.playbooks.flatMap((p) => {
        const target = resolveTarget(c, 'playbook', p);
        return target ? [{ title: tx(target.title, lang), href: localePath(lang, target.path, base) }] : [];
      }),
    })),
    overrides: Object.fromEntries(m.overrides.map((o) => [o.id, tx(o.reason, lang)])),
    presets: m.presets.map((p) => ({ id: p.id, name: tx(p.name, lang), description: tx(p.description, lang) })),
  };
}

/** Every health model, in id order (the content's order). */
export function clientHealthData(c: ContentSet, lang: Locale, base = '/'): ClientHealthData {
  return { lang, models: [...c.healthModels.keys()].map((id) => clientHealthModel(c, id, lang, base)!) };
}
