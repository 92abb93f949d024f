/** What would change the colour: the smallest change per measure that moves the band up or down, in words. */
import { isNumericMeasure } from '../../lib/health/score.ts';
import type { SensitivityItem } from '../../lib/health/sensitivity.ts';
import { BandMark } from './BandMark.tsx';
import { measureLabel, measureValueText, score1, type SimView } from './format.ts';

function whatIfText(view: SimView, it: SensitivityItem): string {
  const m = view.model.measures.find((x) => x.id === it.measure)!;
  const vars = {
    measure: measureLabel(view.cm, it.measure),
    from: measureValueText(view, it.measure, it.from),
    to: measureValueText(view, it.measure, it.to),
  };
  if (it.from === null) return view.t('healthSim.whatIf.set', vars);
  if (isNumericMeasure(m) && typeof it.from === 'number' && typeof it.to === 'number')
    return view.t(it.to > it.from ? 'healthSim.whatIf.raise' : 'healthSim.whatIf.lower', vars);
  return view.t('healthSim.whatIf.change', vars);
}

function WhatIfList({ view, items, dir }: { view: SimView; items: SensitivityItem[]; dir: 'up' | 'down' }) {
  const { cm, t } = view;
  const mine = items.filter((x) => x.direction === dir);
  return (
    <div className="what-if-dir">
      <h4>{t(dir === 'up' ? 'healthSim.whatIf.up' : 'healthSim.whatIf.down')}</h4>
      {mine.length === 0 ? (
        <p className="muted">{t(dir === 'up' ? 'healthSim.whatIf.noneUp' : 'healthSim.whatIf.noneDown')}</p>
      ) : (
        <ul className="what-if-list" data-testid={`what-if-${dir}`}>
          {mine.map((it) => {
            const nb = cm.bands[it.newBand.index];
            return (
              <li key={`${it.measure}-${dir}`}>
                {whatIfText(view, it)} <span aria-hidden="true">→</span>
                <span className="visually-hidden">{t('healthSim.whatIf.gives')}</span>{' '}
                <span className="band-inline">
                  <BandMark index={it.newBand.index} count={cm.bands.length} colour={nb.colour} />
                  {nb.label}
                </span>{' '}
                <span className="muted">{t('healthSim.whatIf.score', { score: score1(it.newScore) })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function WhatIf({
  view,
  items,
  hasBand,
}: {
  view: SimView;
  /** Null while the search is still running. */
  items: SensitivityItem[] | null;
  hasBand: boolean;
}) {
  const { t } = view;
  return (
    <>
      <h3>{t('healthSim.whatIf')}</h3>
      {!hasBand ? (
        <p className="muted">{t('healthSim.whatIf.insufficient')}</p>
      ) : items === null ? (
        <p className="muted" data-testid="what-if-pending">
          {t('healthSim.whatIf.pending')}
        </p>
      ) : (
        <div className="what-if" data-testid="what-if">
          {items.length === 0 && <p className="muted">{t('healthSim.whatIf.nothing')}</p>}
          <WhatIfList view={view} items={items} dir="up" />
          <WhatIfList view={view} items={items} dir="down" />
        </div>
      )}
    </>
  );
}
