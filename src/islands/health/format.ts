/** Wording helpers of the health-score simulator: values, units and the engine's reason codes in words. */
import type { Locale } from '../../i18n/locales.ts';
import { formatNumber } from '../../lib/text/number.ts';
import type { Translate, UIKey } from '../../i18n/index.ts';
import type { HealthModel, Measure } from '../../schemas/health.ts';
import type { Scenario } from '../../lib/health/simulator-state.ts';
import type { Issue, TypedValue } from '../../lib/health/score.ts';
import type { ClientHealthModel } from '../../lib/health/client-models.ts';

/** Measure values and weights show up to two decimals. */
const formatValueNumber = (x: number, lang: Locale): string => formatNumber(x, lang, 2);

/** "45 %", "95 days" / "95日", "yes" / "はい", "red" / "レッド"; "no data" for null. */
export function formatValue(
  m: Pick<Measure, 'input'>,
  unit: string,
  v: TypedValue | null,
  lang: Locale,
  t: Translate,
): string {
  if (v === null) return t('healthSim.noData');
  if (typeof v === 'number') {
    const n = formatValueNumber(v, lang);
    if (!unit) return n;
    return lang === 'ja' ? `${n}${unit}` : `${n}\u00a0${unit}`;
  }
  return categoryLabel(m, v, t);
}

/** A category in words: yes/no and the sentiment colours translated, a category input's label as written. */
export function categoryLabel(m: Pick<Measure, 'input'>, v: TypedValue, t: Translate): string {
  if (m.input === 'category') return String(v);
  if (m.input === 'boolean') return t(v === 'yes' ? 'healthSim.yes' : 'healthSim.no');
  return t(`healthSim.sentiment.${v}` as UIKey);
}

export { formatValueNumber };

export const score1 = (x: number): string => x.toFixed(1);
export const pct1 = (x: number): string => {
  const p = Math.round(x * 1000) / 10;
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
};

/** A structured reason or problem (engine reason codes, address/field problems) in words. */
export function issueText(issue: Issue, cm: ClientHealthModel, lang: Locale, t: Translate): string {
  const p = issue.params;
  const measureDef = cm.model.measures.find((x) => x.id === p.measure);
  const measure = cm.measures.find((x) => x.id === p.measure)?.label ?? String(p.measure ?? '');
  const band = (id: unknown) => cm.bands.find((b) => b.id === id)?.label ?? String(id);
  const value = () => {
    const raw = p.value;
    if (measureDef && typeof raw === 'string' && issue.code === 'override') {
      const typed: TypedValue = /^-?\d/.test(raw) ? Number(raw) : (raw as TypedValue);
      return formatValue(measureDef, cm.measures.find((x) => x.id === p.measure)?.unit ?? '', typed, lang, t);
    }
    return String(raw ?? '');
  };
  const scenario =
    p.scenario === 'a' || p.scenario === 'b'
      ? `${t(p.scenario === 'a' ? 'healthSim.scenarioA' : 'healthSim.scenarioB')}: `
      : '';
  switch (issue.code) {
    case 'band': {
      const range = cm.bands.find((b) => b.id === p.band)?.range ?? '';
      return p.overridden
        ? t('healthSim.reason.bandOverridden', {
            score: score1(Number(p.score)),
            rawBand: band(p.rawBand),
            band: band(p.band),
          })
        : t('healthSim.reason.band', { score: score1(Number(p.score)), band: band(p.band), range });
    }
    case 'insufficient-data':
      return t('healthSim.reason.insufficient', {
        coverage: pct1(Number(p.coverage)),
        min: pct1(Number(p.minCoverage)),
      });
    case 'override':
      return t(p.changedBand ? 'healthSim.reason.override' : 'healthSim.reason.overrideNoChange', {
        measure,
        value: value(),
        band: band(p.forceBand),
      });
    case 'low-measure':
      return t('healthSim.reason.low', {
        measure,
        points: formatNumber(Number(p.points), lang, 1),
        lost: formatNumber(Number(p.lostPoints), lang, 1),
      });
    case 'missing':
      return p.redistributed
        ? t('healthSim.reason.missingRedistributed', { measure, share: pct1(Number(p.weight)) })
        : t('healthSim.reason.missingZero', { measure, lost: formatNumber(Number(p.lostPoints), lang, 1) });
    case 'stale':
      return t('healthSim.reason.stale', { measure, days: String(p.ageDays) });
    case 'invalid-number':
      return scenario + t('healthSim.problem.number', { measure, value: String(p.value) });
    case 'invalid-boolean':
      return scenario + t('healthSim.problem.boolean', { measure, value: String(p.value) });
    case 'invalid-sentiment':
      return scenario + t('healthSim.problem.sentiment', { measure, value: String(p.value) });
    case 'out-of-range':
      return (
        scenario +
        t('healthSim.problem.range', {
          measure,
          value: String(p.value),
          min: p.min === null ? '−∞' : formatValueNumber(Number(p.min), lang),
          max: p.max === null ? '∞' : formatValueNumber(Number(p.max), lang),
        })
      );
    case 'unknown-model':
      return t('healthSim.problem.model', { model: String(p.model), used: String(p.used) });
    case 'bad-weight': {
      const name =
        p.key === 'group' ? cm.groups.find((g) => g.id === p.id)?.label : cm.measures.find((x) => x.id === p.id)?.label;
      return t('healthSim.problem.weight', { name: name ?? String(p.id), value: String(p.value) });
    }
    case 'bad-scenario':
      return t('healthSim.problem.scenario', { value: String(p.value) });
    case 'too-long':
      return t('healthSim.problem.tooLong');
    default:
      return `${issue.code}: ${JSON.stringify(p)}`;
  }
}

/** What every part of the simulator reads: the model's words, the model with the edited weights, the language. */
export interface SimView {
  cm: ClientHealthModel;
  /** The model with the edited weights applied. */
  model: HealthModel;
  lang: Locale;
  t: Translate;
}

export const measureLabel = (cm: ClientHealthModel, id: string): string =>
  cm.measures.find((x) => x.id === id)?.label ?? id;

/** A measure's value with its unit, as the simulator shows it. */
export function measureValueText(v: SimView, id: string, value: TypedValue | null): string {
  const m = v.model.measures.find((x) => x.id === id)!;
  return formatValue(m, v.cm.measures.find((x) => x.id === id)?.unit ?? '', value, v.lang, v.t);
}

export const scenarioName = (s: Scenario, t: Translate): string =>
  t(s === 'a' ? 'healthSim.scenarioA' : 'healthSim.scenarioB');
