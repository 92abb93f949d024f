/** The growth plan: readiness for the target role, the best match today, and the gaps to close. */
import type { ClientData, ClientFramework, ClientRole } from '../lib/assessment/skill-island-props.ts';
import type { Assessment } from '../schemas/assessment.ts';
import type { Translate } from '../i18n/translator.ts';
import { bestMatchingRole, gaps as computeGaps, readiness as computeReadiness } from '../lib/assessment/readiness.ts';
import { exportFileName } from '../lib/assessment/file-output.ts';
import { downloadText, todayIso } from './browser.ts';
import { wholePercent } from '../lib/text/number.ts';
import { useEffect, useState } from 'react';
import {
  editFocus,
  focusStorageKey,
  MAX_FOCUS,
  parseFocus,
  serialiseFocus,
  toggleFocus,
  type FocusItem,
} from '../lib/assessment/focus-plan.ts';

function readFocus(fwId: string): FocusItem[] {
  try {
    return parseFocus(localStorage.getItem(focusStorageKey(fwId)));
  } catch {
    return [];
  }
}

export default function GrowthPlan({
  data,
  fw,
  a,
  ratings,
  target,
  t,
}: {
  data: ClientData;
  fw: ClientFramework;
  a: Assessment;
  ratings: Record<string, number>;
  target: ClientRole;
  t: Translate;
}) {
  const targetExpected = target.expected[fw.id];
  // The editable part: 2–3 focus elements with actions and a review date, saved per framework.
  const [focus, setFocus] = useState<FocusItem[]>(() => readFocus(fw.id));
  const [saved, setSaved] = useState<boolean | null>(null);
  useEffect(() => {
    setFocus(readFocus(fw.id));
    setSaved(null);
  }, [fw.id]);
  const changeFocus = (next: FocusItem[]) => {
    setFocus(next);
    try {
      localStorage.setItem(focusStorageKey(fw.id), serialiseFocus(next));
      setSaved(true);
    } catch {
      setSaved(false);
    }
  };
  const readiness = computeReadiness(ratings, targetExpected);
  const ranking = bestMatchingRole(
    ratings,
    data.roles.filter((r) => r.expected[fw.id]).map((r) => ({ id: r.id, rank: r.rank, expected: r.expected[fw.id] })),
  );
  const best = ranking.best ? data.roles.find((r) => r.id === ranking.best!.id) : undefined;
  const planGaps = computeGaps(ratings, targetExpected);
  const el = (id: string) => fw.elements.find((e) => e.id === id);
  const descriptor = (id: string, level: number) => el(id)?.levels.find((l) => l.level === level);
  const exportPlan = async () => {
    const { growthPlanMarkdown } = await import('../lib/assessment/growth-plan.ts');
    const md = growthPlanMarkdown({
      name: a.person.name || t('assess.unnamed'),
      date: todayIso(),
      frameworkName: fw.name,
      targetRoleName: target?.name,
      readiness,
      bestMatch: best && ranking.best ? { name: best.name, score: ranking.best.readiness.score } : null,
      gaps: planGaps.map((g) => ({
        element: el(g.element)?.name ?? g.element,
        current: g.current,
        expected: g.expected,
        currentDescriptor: descriptor(g.element, g.current)?.descriptor,
        nextDescriptor: descriptor(g.element, g.current + 1)?.descriptor,
        signals: descriptor(g.element, g.current + 1)?.signals,
        evidence: a.ratings[g.element]?.evidence,
        playbooks: (data.playbooks[`${fw.id}/${g.element}`] ?? []).map((p) => ({
          title: p.title,
          url: new URL(p.href, location.href).href,
        })),
        onboarding: (data.onboarding[`${fw.id}/${g.element}`] ?? []).map((p) => ({
          title: p.title,
          url: new URL(p.href, location.href).href,
        })),
      })),
      labels: {
        title: t('plan.md.title'),
        date: t('plan.md.date'),
        framework: t('plan.md.framework'),
        targetRole: t('plan.targetRole'),
        readiness: t('plan.readiness'),
        bestMatch: t('plan.bestMatch'),
        readinessSummary: t('plan.md.readinessSummary'),
        gaps: t('plan.gaps'),
        noGaps: t('plan.noGaps'),
        level: t('common.level'),
        notYet: t('assess.level0'),
        current: t('plan.current'),
        next: t('plan.next'),
        signals: t('skills.signals'),
        evidence: t('assess.evidence'),
        playbooks: t('common.playbooks'),
        onboarding: t('skills.onboardingItems'),
        nextSteps: t('plan.md.nextSteps'),
      },
    });
    downloadText(
      `banso-growth-plan-${exportFileName(a, todayIso())
        .replace(/^banso-assessment-/, '')
        .replace(/\.json$/, '')}.md`,
      md,
      'text/markdown',
    );
  };

  return (
    <>
      {best && ranking.best && (
        <p data-testid="best-match">
          {t('plan.bestMatchText', { role: best.name, pct: wholePercent(ranking.best.readiness.score) })}
        </p>
      )}
      <p data-testid="readiness">
        <strong>
          {t('plan.readiness')}: {wholePercent(readiness.score)} %
        </strong>{' '}
        —{' '}
        {t('plan.readinessDetail', {
          role: target.name,
          met: readiness.met,
          near: readiness.nearMiss,
          missing: readiness.missing,
          total: readiness.total,
        })}
      </p>
      <p className="muted">{t('plan.formula')}</p>
      <section className="focus-summary" aria-labelledby="focus-title" data-testid="focus-summary">
        <h3 id="focus-title">{t('plan.focus.title')}</h3>
        <p className="muted no-print">{t('plan.focus.help')}</p>
        {focus.length === 0 ? (
          <p>{t('plan.focus.none')}</p>
        ) : (
          <ol>
            {focus.map((f) => (
              <li key={f.element}>
                <strong>{el(f.element)?.name ?? f.element}</strong>
                {f.date && <> ({t('plan.focus.by', { date: f.date })})</>}
                {f.action && <>: {f.action}</>}
              </li>
            ))}
          </ol>
        )}
        {saved !== null && (
          <p className="muted no-print" role="status">
            {saved ? t('plan.focus.saved') : t('assess.storageUnavailable')}
          </p>
        )}
      </section>
      {planGaps.length === 0 ? (
        <p>{t('plan.noGaps')}</p>
      ) : (
        <ol className="gaps" data-testid="gaps">
          {planGaps.map((g) => {
            const e = el(g.element);
            const next = descriptor(g.element, g.current + 1);
            const cur = descriptor(g.element, g.current);
            return (
              <li key={g.element}>
                <h3>
                  {e?.name ?? g.element}{' '}
                  <span className="badge">
                    {g.current} → {g.expected}
                  </span>
                </h3>
                <FocusEditor
                  item={focus.find((f) => f.element === g.element)}
                  full={focus.length >= MAX_FOCUS}
                  t={t}
                  onToggle={() => changeFocus(toggleFocus(focus, g.element))}
                  onEdit={(p) => changeFocus(editFocus(focus, g.element, p))}
                  testId={g.element}
                />
                {a.ratings[g.element]?.evidence && (
                  <p>
                    <strong>{t('assess.evidence')}:</strong> {a.ratings[g.element]!.evidence}
                  </p>
                )}
                {cur && (
                  <p>
                    <strong>{t('plan.current')}:</strong> {cur.descriptor}
                  </p>
                )}
                {next && (
                  <p>
                    <strong>
                      {t('plan.next')} ({t('common.levelN', { n: g.current + 1 })}):
                    </strong>{' '}
                    {next.descriptor}
                  </p>
                )}
                {next && (
                  <>
                    <p>
                      <strong>{t('skills.signals')}:</strong>
                    </p>
                    <ul>
                      {next.signals.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  </>
                )}
                <LinkList title={t('common.playbooks')} links={data.playbooks[`${fw.id}/${g.element}`]} />
                <LinkList title={t('skills.onboardingItems')} links={data.onboarding[`${fw.id}/${g.element}`]} />
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="no-print" onClick={() => void exportPlan()}>
        {t('plan.export')}
      </button>
    </>
  );
}

function LinkList({ title, links }: { title: string; links?: { title: string; href: string }[] }) {
  if (!links?.length) return null;
  return (
    <p>
      <strong>{title}:</strong>{' '}
      {links.map((l, i) => (
        <span key={l.href}>
          {i > 0 && ' · '}
          <a href={l.href}>{l.title}</a>
        </span>
      ))}
    </p>
  );
}

function FocusEditor({
  item,
  full,
  t,
  onToggle,
  onEdit,
  testId,
}: {
  item?: FocusItem;
  full: boolean;
  t: Translate;
  onToggle: () => void;
  onEdit: (p: Partial<Omit<FocusItem, 'element'>>) => void;
  testId: string;
}) {
  return (
    <div className="focus-edit no-print" data-focus={testId}>
      <label className="focus-pick">
        <input type="checkbox" checked={!!item} disabled={!item && full} onChange={onToggle} /> {t('plan.focus.pick')}
      </label>
      {!item && full && <span className="muted"> {t('plan.focus.full')}</span>}
      {item && (
        <div className="form-grid">
          <label>
            {t('plan.focus.action')}
            <textarea
              rows={2}
              maxLength={2000}
              value={item.action}
              placeholder={t('plan.focus.actionHint')}
              onChange={(e) => onEdit({ action: e.target.value })}
            />
          </label>
          <label>
            {t('plan.focus.date')}
            <input
              type="date"
              value={item.date ?? ''}
              onChange={(e) => onEdit({ date: e.target.value || undefined })}
            />
          </label>
        </div>
      )}
    </div>
  );
}
