/** The growth plan: readiness for the target role, the best match today, and the gaps to close. */
import type { ClientData, ClientFramework, ClientRole } from '../lib/assessment/skill-island-props.ts';
import type { Assessment } from '../schemas/assessment.ts';
import type { Translate } from '../i18n/translator.ts';
import { bestMatchingRole, gaps as computeGaps, readiness as computeReadiness } from '../lib/assessment/readiness.ts';
import { exportFileName } from '../lib/assessment/file-output.ts';
import { downloadText, todayIso } from './browser.ts';

export default function GrowthPlan({ data, fw, a, ratings, target, t }: {
  data: ClientData; fw: ClientFramework; a: Assessment; ratings: Record<string, number>; target: ClientRole; t: Translate;
}) {
  const targetExpected = target.expected[fw.id];
  const readiness = computeReadiness(ratings, targetExpected);
  const ranking = bestMatchingRole(ratings, data.roles.filter((r) => r.expected[fw.id]).map((r) => ({ id: r.id, rank: r.rank, expected: r.expected[fw.id] })));
  const best = ranking.best ? data.roles.find((r) => r.id === ranking.best!.id) : undefined;
  const planGaps = computeGaps(ratings, targetExpected);
  const el = (id: string) => fw.elements.find((e) => e.id === id);
  const descriptor = (id: string, level: number) => el(id)?.levels.find((l) => l.level === level);
  const exportPlan = async () => {
    const { growthPlanMarkdown } = await import('../lib/assessment/growth-plan.ts');
    const md = growthPlanMarkdown({
      name: a.person.name || t('assess.unnamed'), date: todayIso(), frameworkName: fw.name, targetRoleName: target?.name,
      readiness, bestMatch: best && ranking.best ? { name: best.name, score: ranking.best.readiness.score } : null,
      gaps: planGaps.map((g) => ({
        element: el(g.element)?.name ?? g.element, current: g.current, expected: g.expected,
        currentDescriptor: descriptor(g.element, g.current)?.descriptor, nextDescriptor: descriptor(g.element, g.current + 1)?.descriptor,
        signals: descriptor(g.element, g.current + 1)?.signals, evidence: a.ratings[g.element]?.evidence,
        playbooks: (data.playbooks[`${fw.id}/${g.element}`] ?? []).map((p) => ({ title: p.title, url: new URL(p.href, location.href).href })),
        onboarding: (data.onboarding[`${fw.id}/${g.element}`] ?? []).map((p) => ({ title: p.title, url: new URL(p.href, location.href).href })),
      })),
      labels: {
        title: t('plan.md.title'), date: t('plan.md.date'), framework: t('plan.md.framework'), targetRole: t('plan.targetRole'),
        readiness: t('plan.readiness'), bestMatch: t('plan.bestMatch'), readinessSummary: t('plan.md.readinessSummary'), gaps: t('plan.gaps'),
        noGaps: t('plan.noGaps'), level: t('common.level'), notYet: t('assess.level0'), current: t('plan.current'), next: t('plan.next'),
        signals: t('skills.signals'), evidence: t('assess.evidence'), playbooks: t('common.playbooks'), onboarding: t('skills.onboardingItems'),
        nextSteps: t('plan.md.nextSteps'),
      },
    });
    downloadText(`banso-growth-plan-${exportFileName(a, todayIso()).replace(/^banso-assessment-/, '').replace(/\.json$/, '')}.md`, md, 'text/markdown');
  };

  return (
    <>
      {best && ranking.best && <p data-testid="best-match">{t('plan.bestMatchText', { role: best.name, pct: Math.round(ranking.best.readiness.score * 100) })}</p>}
      <p data-testid="readiness"><strong>{t('plan.readiness')}: {Math.round(readiness.score * 100)} %</strong> — {t('plan.readinessDetail', { role: target.name, met: readiness.met, near: readiness.nearMiss, missing: readiness.missing, total: readiness.total })}</p>
      <p className="muted">{t('plan.formula')}</p>
      {planGaps.length === 0 ? <p>{t('plan.noGaps')}</p> : (
        <ol className="gaps" data-testid="gaps">
          {planGaps.map((g) => {
            const e = el(g.element);
            const next = descriptor(g.element, g.current + 1);
            const cur = descriptor(g.element, g.current);
            return (
              <li key={g.element}>
                <h3>{e?.name ?? g.element} <span className="badge">{g.current} → {g.expected}</span></h3>
                {cur && <p><strong>{t('plan.current')}:</strong> {cur.descriptor}</p>}
                {next && <p><strong>{t('plan.next')} ({t('common.levelN', { n: g.current + 1 })}):</strong> {next.descriptor}</p>}
                {next && <><p><strong>{t('skills.signals')}:</strong></p><ul>{next.signals.map((s) => <li key={s}>{s}</li>)}</ul></>}
                <LinkList title={t('common.playbooks')} links={data.playbooks[`${fw.id}/${g.element}`]} />
                <LinkList title={t('skills.onboardingItems')} links={data.onboarding[`${fw.id}/${g.element}`]} />
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="no-print" onClick={() => void exportPlan()}>{t('plan.export')}</button>
    </>
  );
}

function LinkList({ title, links }: { title: string; links?: { title: string; href: string }[] }) {
  if (!links?.length) return null;
  return <p><strong>{title}:</strong> {links.map((l, i) => <span key={l.href}>{i > 0 && ' · '}<a href={l.href}>{l.title}</a></span>)}</p>;
}

