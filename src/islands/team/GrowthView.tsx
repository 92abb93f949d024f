/** Growth over time for one member: a table of dates × elements (required), and a radar of the latest points. */
import { memo, useId, useMemo, useState } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import type { Member } from '../../lib/team/members.ts';
import { growthChange, growthRows } from '../../lib/team/history.ts';
import type { AssessmentKind } from '../../schemas/assessment.ts';
import type { RadarSeries } from '../RadarChart.tsx';
import { TeamRadarChart } from './TeamRadars.tsx';
import { MemberOptions } from './MemberOptions.tsx';
import { displayName, kindName } from './shared.ts';

const STYLES: RadarSeries['style'][] = ['solid', 'dashed', 'dotted', 'dashdot'];

/** Characters of a note shown in the table; a longer note opens in full on demand. */
const NOTE_SHOWN = 40;

/**
 * A snapshot note: a long one (notes may hold 4,000 characters, and a file 200 snapshots) shows its
 * beginning and opens in full, so a large history lays out without freezing the page.
 */
function Note({ text }: { text: string }) {
  let start = '';
  let n = 0;
  for (const c of text) {
    if (n++ === NOTE_SHOWN) break;
    start += c;
  }
  if (n <= NOTE_SHOWN) return <bdi className="muted">{text}</bdi>;
  return (
    <details className="note-more">
      <summary>
        <bdi className="muted">{start}…</bdi>
      </summary>
      <bdi className="muted">{text}</bdi>
    </details>
  );
}

/** Dates the growth table shows before "show all": the latest ones. */
export const GROWTH_ROWS_SHOWN = 24;

export const GrowthView = memo(function GrowthView({
  fw,
  members,
  t,
}: {
  fw: ClientFramework;
  members: Member[];
  t: Translate;
}) {
  const [key, setKey] = useState('');
  const [kindPick, setKindPick] = useState<AssessmentKind>('manager');
  const [showAll, setShowAll] = useState(false);
  const selectId = useId();
  const m = members.find((x) => x.key === key) ?? members[0];
  const kind: AssessmentKind | undefined = m
    ? m[kindPick]
      ? kindPick
      : m.self
        ? 'self'
        : m.manager
          ? 'manager'
          : 'agreed'
    : undefined;
  const kinds = m ? (['manager', 'self', 'agreed'] as const).filter((k) => m[k]) : [];
  const history = m && kind ? (m[kind]?.history ?? []) : [];
  const rows = useMemo(() => growthRows(history, fw.elements), [history, fw]);
  const change = useMemo(() => growthChange(rows, fw.elements.length), [rows, fw]);
  if (!m || !kind) return null;
  const recent = rows.slice(-STYLES.length).reverse();
  // A long history shows its latest dates first-hand; the rest on request (a file may hold hundreds).
  const shown = showAll || rows.length <= GROWTH_ROWS_SHOWN ? rows : rows.slice(-GROWTH_ROWS_SHOWN);
  const rowLabel = (r: (typeof rows)[number]) => (r.agreedBy ? `${r.date} (${t('team.kind.agreed')})` : r.date);
  const series: RadarSeries[] = recent.map((r, i) => ({ label: rowLabel(r), values: r.values, style: STYLES[i] }));
  const name = displayName(m, t);
  const grew = change.filter((c) => c !== null && c > 0).length;
  const summary =
    rows.length > 1
      ? t('team.growth.summary', { n: rows.length, first: rows[0].date, last: rows[rows.length - 1].date, grew })
      : t('team.growth.single', { date: rows[0]?.date ?? '' });

  return (
    <div data-testid="growth">
      <div className="form-grid">
        <label htmlFor={selectId}>
          {t('team.growth.member')}
          <select id={selectId} value={m.key} onChange={(e) => setKey(e.target.value)} data-testid="growth-member">
            <MemberOptions members={members} t={t} />
          </select>
        </label>
        {kinds.length > 1 && (
          <fieldset className="inline-radios">
            <legend>{t('team.growth.kind')}</legend>
            {kinds.map((k) => (
              <label key={k}>
                <input type="radio" name="growth-kind" value={k} checked={kind === k} onChange={() => setKindPick(k)} />{' '}
                {kindName(k, t)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <p>{summary}</p>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t('team.growth.caption', { name, kind: kindName(kind, t) })}
      >
        <table className="growth-table" data-testid="growth-table">
          <caption>{t('team.growth.caption', { name, kind: kindName(kind, t) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.growth.date')}</th>
              {fw.elements.map((e) => (
                <th scope="col" className="num" key={e.id}>
                  {e.name}
                </th>
              ))}
              <th scope="col">{t('team.growth.from')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={rowLabel(r)}
                className={r.agreedBy ? 'agreed-row' : undefined}
                data-agreed={r.agreedBy ? 'true' : undefined}
              >
                <th scope="row">
                  <time dateTime={r.date}>{r.date}</time>
                  {r.agreedBy && (
                    <>
                      {' '}
                      <span className="badge kind-agreed badge-ok">{t('team.kind.agreed')}</span>
                    </>
                  )}
                </th>
                {r.values.map((v, i) => (
                  <td className="num" key={fw.elements[i].id}>
                    {v ?? '–'}
                  </td>
                ))}
                <td className="source-cell">
                  <bdi>{r.source}</bdi>
                  {r.agreedBy ? (
                    <>
                      <br />
                      <span className="muted">{t('team.growth.agreedBy', { names: r.agreedBy.join(', ') })}</span>
                    </>
                  ) : null}
                  {r.note ? (
                    <>
                      <br />
                      <Note text={r.note} />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('team.growth.change')}</th>
                {change.map((c, i) => (
                  <td className="num" key={fw.elements[i].id}>
                    {c === null ? '–' : c > 0 ? `+${c}` : String(c)}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {rows.length > GROWTH_ROWS_SHOWN && (
        <p>
          <button type="button" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll} data-testid="growth-all">
            {showAll
              ? t('team.growth.showLatest', { n: GROWTH_ROWS_SHOWN })
              : t('team.growth.showAll', { n: rows.length, shown: GROWTH_ROWS_SHOWN })}
          </button>
        </p>
      )}
      {series.length > 0 && (
        <TeamRadarChart fw={fw} title={t('team.growth.radar', { name })} series={series} summary={summary} t={t} />
      )}
    </div>
  );
});
