/**
 * The team radar (median, minimum, maximum), or on request (the default on a phone) the same as bars:
 * the team median against the median of the target roles; and an overlay of up to four chosen members.
 */
import { memo, useMemo } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import { expectedMedians, type ElementStats, type HeatRow } from '../../lib/team/aggregate.ts';
import { LevelBars, usePrefs, ViewSwitch, type RadarSeries } from '../RadarChart.tsx';
import { FrameworkRadar } from '../FrameworkRadar.tsx';
import { displayName, uniqueLabels } from './shared.ts';

export const MAX_OVERLAY = 4;
const OVERLAY_STYLES: RadarSeries['style'][] = ['solid', 'dashed', 'dotted', 'dashdot'];

/** A radar of the framework's elements as the team page draws them (its table caption; "not rated" unless said). */
export function TeamRadarChart(props: {
  fw: ClientFramework;
  title: string;
  series: RadarSeries[];
  summary: string;
  notRated?: string;
  t: Translate;
}) {
  const { fw, title, series, summary, notRated, t } = props;
  return (
    <FrameworkRadar
      fw={fw}
      title={title}
      series={series}
      summary={summary}
      tableCaption={t('team.radar.table')}
      notRated={notRated ?? t('team.heat.notRated')}
      t={t}
    />
  );
}

export const TeamRadar = memo(function TeamRadar({
  fw,
  stats,
  rows,
  t,
}: {
  fw: ClientFramework;
  stats: ElementStats[];
  rows: HeatRow[];
  t: Translate;
}) {
  const members = rows.length;
  const { prefs, setPref, narrow } = usePrefs();
  const view = prefs.teamView ?? (narrow ? 'bars' : 'radar');
  const targets = useMemo(() => expectedMedians(rows, fw.elements), [rows, fw]);
  const byElement = <T,>(f: (i: number) => T) => Object.fromEntries(fw.elements.map((e, i) => [e.id, f(i)]));
  const series = useMemo<RadarSeries[]>(
    () => [
      { label: t('team.radar.median'), values: stats.map((s) => s.median), style: 'solid' },
      { label: t('team.radar.min'), values: stats.map((s) => s.min), style: 'dashed' },
      { label: t('team.radar.max'), values: stats.map((s) => s.max), style: 'dotted' },
    ],
    [stats, t],
  );
  const withMedian = stats.map((s, i) => ({ s, name: fw.elements[i].name })).filter((x) => x.s.median !== null);
  const lowest = withMedian.reduce<(typeof withMedian)[number] | undefined>(
    (a, x) => (!a || x.s.median! < a.s.median! ? x : a),
    undefined,
  );
  const highest = withMedian.reduce<(typeof withMedian)[number] | undefined>(
    (a, x) => (!a || x.s.median! > a.s.median! ? x : a),
    undefined,
  );
  const widest = stats
    .map((s, i) => ({ s, name: fw.elements[i].name }))
    .filter((x) => x.s.min !== null)
    .reduce<{ s: ElementStats; name: string } | undefined>(
      (a, x) => (!a || x.s.max! - x.s.min! > a.s.max! - a.s.min! ? x : a),
      undefined,
    );
  const summary = [
    t('team.radar.summaryMembers', { n: members }),
    lowest ? t('team.radar.summaryLow', { name: lowest.name, median: lowest.s.median! }) : '',
    highest ? t('team.radar.summaryHigh', { name: highest.name, median: highest.s.median! }) : '',
    widest && widest.s.max! > widest.s.min!
      ? t('team.radar.summarySpread', { name: widest.name, min: widest.s.min!, max: widest.s.max! })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <ViewSwitch view={view} onChange={(v) => setPref({ teamView: v })} t={t} />
      {view === 'bars' ? (
        <LevelBars
          levels={fw.levels.length}
          elements={fw.elements}
          nowLabel={t('team.radar.now')}
          targetLabel={t('team.radar.target')}
          notRated={t('team.radar.noData')}
          summary={summary}
          now={byElement((i) => stats[i].median)}
          target={byElement((i) => targets[i])}
          detail={byElement((i) => {
            const s = stats[i];
            return s.min !== null && s.max! > s.min ? t('team.radar.range', { min: s.min, max: s.max! }) : undefined;
          })}
        />
      ) : (
        <TeamRadarChart
          fw={fw}
          title={t('team.radar.title', { framework: fw.name })}
          series={series}
          summary={summary}
          notRated={t('team.radar.noData')}
          t={t}
        />
      )}
    </>
  );
});

export const Overlay = memo(function Overlay({
  fw,
  rows,
  chosen,
  onChange,
  t,
}: {
  fw: ClientFramework;
  rows: HeatRow[];
  chosen: string[];
  onChange: (keys: string[]) => void;
  t: Translate;
}) {
  const picked = chosen.map((k) => rows.find((r) => r.key === k)).filter((r): r is HeatRow => Boolean(r));
  const names = uniqueLabels(picked.map((r) => displayName(r, t)));
  const series: RadarSeries[] = picked.map((r, i) => ({
    label: names[i],
    values: r.cells.map((c) => c.level),
    style: OVERLAY_STYLES[i],
  }));
  const full = picked.length >= MAX_OVERLAY;
  // Members hidden by the role filter drop out of the choice, so they never block a visible one.
  const visible = picked.map((r) => r.key);
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...visible.filter((k) => k !== key), key].slice(0, MAX_OVERLAY) : visible.filter((k) => k !== key));
  const summary = picked.length ? t('team.overlay.summary', { names: names.join(', ') }) : t('team.overlay.none');
  return (
    <>
      <fieldset className="overlay-pick">
        <legend>{t('team.overlay.pick', { n: MAX_OVERLAY })}</legend>
        <ul className="check-list">
          {rows.map((r) => {
            const on = chosen.includes(r.key);
            return (
              <li key={r.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => toggle(r.key, e.target.checked)}
                  />{' '}
                  <bdi>{displayName(r, t)}</bdi>
                </label>
              </li>
            );
          })}
        </ul>
        {full && (
          <p className="muted" role="status">
            {t('team.overlay.full', { n: MAX_OVERLAY })}
          </p>
        )}
      </fieldset>
      {picked.length > 0 && (
        <TeamRadarChart fw={fw} title={t('team.overlay.title')} series={series} summary={summary} t={t} />
      )}
      {picked.length === 0 && <p className="muted">{summary}</p>}
    </>
  );
});
