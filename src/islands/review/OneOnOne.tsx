/**
 * The 1:1: a radar of self, manager, target role and last agreed levels; the elements more than one
 * level apart first with both notes; an agreed level, a goal and a due date per element; the next
 * review date (.ics); the agenda as Markdown and print; saving exports the agreed record.
 */
import { memo, useMemo, useState } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientData, ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import { exportFileName, serialiseAssessment } from '../../lib/assessment/file-output.ts';
import { agreedRecord, checkLinks } from '../../lib/review/records.ts';
import { lastAgreed, withAgreed, type ReviewSession } from '../../lib/review/session.ts';
import { oneOnOneItems, oneOnOneMarkdown, proposedLevels, type OneOnOneItem } from '../../lib/review/one-on-one.ts';
import { reviewIcs } from '../../lib/review/ics.ts';
import type { RadarSeries } from '../RadarChart.tsx';
import { FrameworkRadar } from '../FrameworkRadar.tsx';
import { EvidencePair } from '../EvidenceNote.tsx';
import { LabelledInput } from './LabelledInput.tsx';
import { downloadText, todayIso } from '../browser.ts';

export const OneOnOne = memo(function OneOnOne({
  data,
  fw,
  session,
  t,
  onChange,
}: {
  data: ClientData;
  fw: ClientFramework;
  session: ReviewSession;
  t: Translate;
  onChange: (fn: (s: ReviewSession) => ReviewSession) => void;
}) {
  const { self, manager, draft } = session;
  const name = self.person.name || '—';
  const target = data.roles.find((r) => r.id === self.person.targetRole);
  const expected = target?.expected[fw.id];
  const last = useMemo(() => lastAgreed(session), [session]);
  const items = useMemo(
    () => oneOnOneItems(fw, self, manager, { lastAgreed: last?.levels, expected }),
    [fw, self, manager, last, expected],
  );
  const [date, setDate] = useState(todayIso());
  const [byText, setByText] = useState(
    (draft.by.length ? draft.by : [self.person.name, manager.assessor ?? ''])
      .map((n) => n.trim())
      .filter(Boolean)
      .join(', '),
  );
  const [saved, setSaved] = useState('');
  const el = (id: string) => fw.elements.find((e) => e.id === id);
  const has = (id: string) => Object.hasOwn(draft.levels, id);
  const agreedCount = fw.elements.filter((e) => has(e.id)).length;
  const discuss = items.filter((i) => i.discuss);
  const others = items.filter((i) => !i.discuss);
  const links = checkLinks({ self, manager });

  const setDraft = (fn: (d: ReviewSession['draft']) => ReviewSession['draft']) =>
    onChange((s) => ({ ...s, draft: fn(s.draft) }));
  const setAgreed = (id: string, v: string) =>
    setDraft((d) => {
      const levels = { ...d.levels };
      if (v === '') delete levels[id];
      else levels[id] = Number(v);
      return { ...d, levels };
    });
  const setGoal = (id: string, level: string, due?: string) =>
    setDraft((d) => {
      const goals = { ...d.goals };
      if (level === '') delete goals[id];
      else goals[id] = due ? { level: Number(level), due } : { level: Number(level) };
      return { ...d, goals };
    });
  const names = (text: string) =>
    text
      .split(/[,、，]/)
      .map((s) => s.trim())
      .filter(Boolean);

  const val = (f: (i: OneOnOneItem) => number | null) =>
    fw.elements.map((e) => {
      const it = items.find((i) => i.element === e.id);
      return it ? f(it) : null;
    });
  const series: RadarSeries[] = [
    { label: t('review.one.series.manager'), values: val((i) => i.manager), style: 'solid' },
    { label: t('review.one.series.self'), values: val((i) => i.self), style: 'dashed' },
  ];
  if (target && expected)
    series.push({
      label: t('review.one.series.target', { role: target.name }),
      values: fw.elements.map((e) => expected[e.id] ?? 0),
      style: 'dotted',
    });
  if (last)
    series.push({
      label: t('review.one.series.last', { date: last.date }),
      values: val((i) => i.lastAgreed),
      style: 'dashdot',
    });
  const summary = t('review.one.radarSummary', {
    discuss: discuss.length,
    agreed: agreedCount,
    total: fw.elements.length,
  });

  const lv = (n: number | null) =>
    n === null ? t('review.notRated') : n === 0 ? t('assess.level0') : t('common.levelN', { n });
  const trainLinks = (id: string) => [
    ...(data.playbooks[`${fw.id}/${id}`] ?? []),
    ...(data.onboarding[`${fw.id}/${id}`] ?? []),
  ];

  const markdown = () =>
    oneOnOneMarkdown({
      name,
      date,
      frameworkName: `${fw.name} ${fw.version}`,
      assessor: manager.assessor,
      selfDate: self.updatedAt.slice(0, 10),
      managerDate: manager.updatedAt.slice(0, 10),
      lastAgreedDate: last?.date,
      items: items.map((i) => ({ ...i, elementName: el(i.element)?.name ?? i.element })),
      agreed: draft.levels,
      goals: Object.fromEntries(
        Object.entries(draft.goals).map(([id, g]) => [
          id,
          {
            ...g,
            elementName: el(id)?.name ?? id,
            links: trainLinks(id).map((l) => ({ title: l.title, url: new URL(l.href, location.href).href })),
          },
        ]),
      ),
      nextReview: draft.nextReview,
      labels: {
        title: t('review.md.title'),
        date: t('plan.md.date'),
        framework: t('plan.md.framework'),
        self: t('review.one.series.self'),
        manager: t('review.one.series.manager'),
        lastAgreed: t('review.one.series.last', { date: last?.date ?? '' }),
        agreed: t('review.one.agreed'),
        discuss: t('review.one.discuss'),
        others: t('review.one.others'),
        none: t('review.one.noDiscuss'),
        level: t('common.levelN'),
        notYet: t('assess.level0'),
        notRated: t('review.notRated'),
        selfEvidence: t('review.one.selfEvidence'),
        managerComment: t('review.one.managerComment'),
        noNote: t('review.one.noNote'),
        difference: t('review.one.diff'),
        goals: t('review.goals.title'),
        goalLine: t('review.md.goalLine'),
        goalLevel: t('review.md.goalLevel'),
        trains: t('review.goals.trains'),
        nextReview: t('review.goals.next'),
        nextSteps: t('plan.md.nextSteps'),
      },
    });
  const base = exportFileName(self, date)
    .replace(/^banso-assessment-/, '')
    .replace(/\.json$/, '');
  const exportMd = () => downloadText(`banso-1on1-agenda-${base}.md`, markdown(), 'text/markdown');
  const exportIcs = () => {
    if (!draft.nextReview) return;
    const goals =
      Object.entries(draft.goals)
        .map(([id, g]) => `${el(id)?.name ?? id} → ${g.level}${g.due ? ` (${g.due})` : ''}`)
        .join('; ') || '—';
    const ics = reviewIcs({
      date: draft.nextReview,
      now: new Date(),
      uid: `review-${fw.id}-${encodeURIComponent(self.person.name).replace(/%/g, '')}-${draft.nextReview}`,
      summary: t('review.goals.icsSummary', { name }),
      description: t('review.goals.icsDescription', { name, framework: fw.name, goals }),
    });
    downloadText(
      `banso-next-review-${base.replace(/-\d{4}-\d{2}-\d{2}$/, '')}-${draft.nextReview}.ics`,
      ics,
      'text/calendar',
    );
  };
  const save = () => {
    if (!agreedCount) {
      setSaved(t('review.one.noneAgreed'));
      return;
    }
    const by = names(byText);
    if (!by.length) {
      setSaved(t('review.one.noNames'));
      return;
    }
    const levels = Object.fromEntries(Object.entries(draft.levels).filter(([id]) => el(id)));
    const record = agreedRecord({
      self,
      manager,
      levels,
      date,
      by,
      goals: draft.goals,
      nextReview: draft.nextReview,
      now: new Date(),
    });
    onChange((s) => withAgreed(s, record));
    downloadText(exportFileName(record, date), serialiseAssessment(record), 'application/json');
    setSaved(t('review.one.saved', { date, n: Object.keys(levels).length }));
  };

  const row = (i: OneOnOneItem) => {
    const e = el(i.element)!;
    const goal = draft.goals[i.element];
    const tl = goal ? trainLinks(i.element) : [];
    return (
      <li key={i.element} data-element={i.element} className={i.discuss ? 'discuss' : undefined}>
        <h4>
          {e.name}{' '}
          {i.diff !== null && i.diff !== 0 && (
            <span className="badge">{t('review.one.diff', { n: i.diff > 0 ? `+${i.diff}` : String(i.diff) })}</span>
          )}
        </h4>
        <p>
          <strong>{t('review.one.series.self')}:</strong> {lv(i.self)} ·{' '}
          <strong>{t('review.one.series.manager')}:</strong> {lv(i.manager)}
          {i.lastAgreed !== null && <> · {t('review.one.lastAgreed', { level: lv(i.lastAgreed) })}</>}
        </p>
        {(i.discuss || i.selfEvidence || i.managerComment) && (
          <EvidencePair
            notes={[
              { who: t('review.one.selfEvidence'), text: i.selfEvidence },
              { who: t('review.one.managerComment'), text: i.managerComment },
            ]}
            none={t('review.one.noNote')}
          />
        )}
        <div className="form-grid agree-grid">
          <LevelSelect
            label={t('review.one.agreed')}
            value={has(i.element) ? String(draft.levels[i.element]) : ''}
            onChange={(v) => setAgreed(i.element, v)}
            empty={t('review.one.notAgreed')}
            notYet={t('assess.level0')}
            levels={fw.levels}
            testId={`agreed-${i.element}`}
          />
          <LevelSelect
            label={t('review.goals.level')}
            value={goal ? String(goal.level) : ''}
            onChange={(v) => setGoal(i.element, v, goal?.due)}
            empty={t('review.goals.none')}
            levels={fw.levels}
            testId={`goal-${i.element}`}
          />
          <label>
            {t('review.goals.due')}
            <input
              type="date"
              value={goal?.due ?? ''}
              disabled={!goal}
              onChange={(ev) => goal && setGoal(i.element, String(goal.level), ev.target.value || undefined)}
              data-testid={`due-${i.element}`}
            />
          </label>
        </div>
        {tl.length > 0 && (
          <p className="trains">
            <strong>{t('review.goals.trains')}:</strong>{' '}
            {tl.map((l, n) => (
              <span key={l.href}>
                {n > 0 && ' · '}
                <a href={l.href}>{l.title}</a>
              </span>
            ))}
          </p>
        )}
      </li>
    );
  };

  return (
    <section aria-labelledby="review-one-title" className="review-one" data-testid="one-on-one">
      <h2 id="review-one-title">{t('review.one.title', { name })}</h2>
      <p className={links.length ? 'notice-box warn' : 'muted'} role="note" data-testid="review-links">
        {t('review.one.links')}{' '}
        {links.length
          ? links.map((l) => t(`review.link.${l}` as 'review.link.review-of-other')).join(' ')
          : t('review.one.linksOk')}
      </p>
      <FrameworkRadar
        fw={fw}
        title={t('review.one.radar')}
        series={series}
        summary={summary}
        tableCaption={t('review.one.radar')}
        notRated={t('review.notRated')}
        t={t}
      />

      <h3>{t('review.one.discuss')}</h3>
      {discuss.length === 0 ? (
        <p>{t('review.one.noDiscuss')}</p>
      ) : (
        <ol className="agenda review-items" data-testid="discuss">
          {discuss.map(row)}
        </ol>
      )}
      <h3>{t('review.one.others')}</h3>
      <div className="actions no-print">
        <button
          type="button"
          onClick={() => setDraft((d) => ({ ...d, levels: { ...proposedLevels(items), ...d.levels } }))}
          data-testid="fill-same"
        >
          {t('review.one.fillSame')}
        </button>
      </div>
      <ul className="review-items" data-testid="others">
        {others.map(row)}
      </ul>

      <section className="section-box" aria-labelledby="review-goals-title">
        <h3 id="review-goals-title">{t('review.goals.title')}</h3>
        <p className="muted">{t('review.goals.help')}</p>
        <div className="form-grid">
          <LabelledInput
            label={t('review.goals.next')}
            type="date"
            value={draft.nextReview ?? ''}
            onChange={(v) =>
              setDraft((d) => (v ? { ...d, nextReview: v } : { levels: d.levels, by: d.by, goals: d.goals }))
            }
            testId="next-review"
          />
        </div>
        <div className="actions no-print">
          <button type="button" disabled={!draft.nextReview} onClick={exportIcs} data-testid="export-ics">
            {t('review.goals.ics')}
          </button>
        </div>
      </section>

      <section className="section-box no-print" aria-labelledby="review-save-title">
        <h3 id="review-save-title">{t('review.one.save')}</h3>
        <div className="form-grid">
          <LabelledInput
            label={t('review.one.by')}
            type="text"
            value={byText}
            onChange={(text) => {
              setByText(text);
              const v = names(text);
              setDraft((d) => ({ ...d, by: v }));
            }}
            testId="agreed-by"
          />
          <LabelledInput
            label={t('review.one.date')}
            type="date"
            value={date}
            onChange={(v) => v && setDate(v)}
            testId="agreed-date"
          />
        </div>
        <p className="muted">{t('review.one.saveHelp')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={save} data-testid="save-agreed">
            {t('review.one.save')}
          </button>
          <button type="button" onClick={exportMd} data-testid="export-one-md">
            {t('review.one.exportMd')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('common.print')}
          </button>
        </div>
        {saved && (
          <p role="status" data-testid="agreed-saved">
            {saved}
          </p>
        )}
        {session.agreed.length > 0 && (
          <p className="muted" data-testid="agreed-records">
            {t('review.one.records', { list: session.agreed.map((a) => a.agreement!.date).join(', ') })}
          </p>
        )}
      </section>
    </section>
  );
});

/** A level from a list: `empty` (no level), "0 · not yet" when `notYet` is given, then the framework's levels. */
function LevelSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  empty: string;
  notYet?: string;
  levels: readonly { level: number; name: string }[];
  testId: string;
}) {
  const { label, value, onChange, empty, notYet, levels, testId } = props;
  return (
    <label>
      {label}
      <select value={value} onChange={(ev) => onChange(ev.target.value)} data-testid={testId}>
        <option value="">{empty}</option>
        {notYet !== undefined && <option value="0">0 · {notYet}</option>}
        {levels.map((l) => (
          <option key={l.level} value={l.level}>
            {l.level} · {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
