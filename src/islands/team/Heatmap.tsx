/**
 * The heatmap: a real table of members × elements. Each cell shows the level as a number, a colour
 * (heat bucket) and, when the level is below the member's target role, a ▼ marker, a hatched
 * pattern and screen-reader text. Column headers are sort buttons; aria-sort says how it is sorted.
 */
import { memo } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import { heatBucket, type HeatColumn, type HeatRow } from '../../lib/team/aggregate.ts';
import type { SortState } from '../../lib/table-sort.ts';
import { SortHeader } from '../SortHeader.tsx';
import { displayName, kindName } from './shared.ts';

export const Heatmap = memo(function Heatmap(props: {
  rows: HeatRow[];
  fw: ClientFramework;
  sort: SortState<HeatColumn>;
  onSort: (key: HeatColumn) => void;
  roleName: (id: string | undefined) => string;
  t: Translate;
}) {
  const { rows, fw, sort, onSort, roleName, t } = props;
  const header = (key: HeatColumn, label: string, className: string, element?: string) => (
    <SortHeader
      key={key}
      label={label}
      sortKey={key}
      sort={sort}
      onSort={onSort}
      t={t}
      cell={{ className, 'data-element': element }}
    />
  );

  return (
    <div
      className="table-wrap heatmap-wrap"
      tabIndex={0}
      role="region"
      aria-label={t('team.heat.caption', { framework: fw.name, n: rows.length })}
    >
      <table className="heatmap" data-testid="heatmap">
        <caption>{t('team.heat.caption', { framework: fw.name, n: rows.length })}</caption>
        <thead>
          <tr>
            {header('name', t('team.heat.member'), 'member-col')}
            {header('gaps', t('team.heat.gaps'), 'num gaps-col')}
            <th scope="col">{t('team.heat.roleTarget')}</th>
            {fw.elements.map((e, i) => header(`element:${i}`, e.name, 'el-col', e.id))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <HeatRowView key={r.key} row={r} fw={fw} roleName={roleName} t={t} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** One member's row; memoised so re-sorting only moves rows instead of re-rendering 14 cells each. */
const HeatRowView = memo(function HeatRowView({
  row: r,
  fw,
  roleName,
  t,
}: {
  row: HeatRow;
  fw: ClientFramework;
  roleName: (id: string | undefined) => string;
  t: Translate;
}) {
  const max = fw.levels.length;
  return (
    <tr data-member={r.key}>
      <th scope="row" className="member-col">
        <bdi className="member-name">{displayName(r, t)}</bdi>{' '}
        <span className={`badge kind-${r.kind}`}>{kindName(r.kind, t)}</span>
      </th>
      <td className="num gaps-col">{r.gapCount}</td>
      <td className="role-cell">
        {r.role ? roleName(r.role) : '—'}
        {r.targetRole && (
          <>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden">, {t('team.heat.target')}: </span>
            {roleName(r.targetRole)}
          </>
        )}
      </td>
      {r.cells.map((c, i) => {
        const b = heatBucket(c.level, max);
        const gap = c.gap > 0;
        // Shaded by gap size: one level short is marked lightly, two or more strongly, and the marker says how far.
        const title =
          c.level === null
            ? t('team.heat.notRated')
            : gap
              ? t('team.heat.cellGap', { level: c.level, expected: c.expected ?? 0 })
              : t('team.heat.cell', { level: c.level });
        return (
          <td
            key={fw.elements[i].id}
            className={`heat heat-${b ?? 'none'}${gap ? ` heat-gap gap-${Math.min(c.gap, 3)}` : ''}`}
            title={title}
          >
            <span aria-hidden="true">
              {c.level ?? '–'}
              {gap && <span className="gap-mark">▼{c.gap > 1 ? c.gap : ''}</span>}
            </span>
            <span className="visually-hidden">{title}</span>
          </td>
        );
      })}
    </tr>
  );
});

/** What the colours and markers mean; colour is never the only signal (numbers and ▼ say it too). */
export function HeatLegend({ max, t }: { max: number; t: Translate }) {
  return (
    <div className="heat-legend">
      <ul className="heat-scale" aria-label={t('team.heat.legend')}>
        {Array.from({ length: max + 1 }, (_, level) => (
          <li key={level}>
            <span className={`heat-swatch heat heat-${heatBucket(level, max)}`} aria-hidden="true">
              {level}
            </span>{' '}
            {level === 0 ? t('assess.level0') : t('common.levelN', { n: level })}
          </li>
        ))}
        <li>
          <span className="heat-swatch heat heat-none" aria-hidden="true">
            –
          </span>{' '}
          {t('team.heat.notRated')}
        </li>
        <li>
          <span className="heat-swatch heat heat-2 heat-gap gap-1" aria-hidden="true">
            2<span className="gap-mark">▼</span>
          </span>{' '}
          {t('team.heat.gap1Legend')}
        </li>
        <li>
          <span className="heat-swatch heat heat-1 heat-gap gap-2" aria-hidden="true">
            1<span className="gap-mark">▼2</span>
          </span>{' '}
          {t('team.heat.gap2Legend')}
        </li>
      </ul>
    </div>
  );
}
