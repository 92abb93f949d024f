/**
 * Calibration: a member's self-assessment and the manager's assessment on one radar; elements that
 * differ by more than one level are the 1:1 agenda, exportable as Markdown.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import type { Member } from '../../lib/team/members.ts';
import { AGENDA_THRESHOLD, agendaMarkdown, calibrate } from '../../lib/team/calibration.ts';
import { exportFileName } from '../../lib/assessment/file-output.ts';
import type { RadarSeries } from '../RadarChart.tsx';
import { TeamRadarChart } from './TeamRadars.tsx';
import { MemberOptions } from './MemberOptions.tsx';
import { EvidencePair } from '../EvidenceNote.tsx';
import { downloadText, todayIso } from '../browser.ts';
import { dateOf, displayName } from './shared.ts';

export const CalibrationView = memo(function CalibrationView({
  fw,
  members,
  t,
}: {
  fw: ClientFramework;
  members: Member[];
  t: Translate;
}) {
  const both = members.filter((m) => m.self && m.manager);
  const [key, setKey] = useState('');
  const selectId = useId();
  const m = both.find((x) => x.key === key) ?? both[0];
  const self = m?.self?.latest.assessment;
  const manager = m?.manager?.latest.assessment;
  const cal = useMemo(() => (self && manager ? calibrate(self, manager, fw) : null), [self, manager, fw]);
  if (!m || !self || !manager || !cal) return <p data-testid="calibration-empty">{t('team.cal.none')}</p>;

  const el = (id: string) => fw.elements.find((e) => e.id === id)?.name ?? id;
  const name = displayName(m, t);
  const series: RadarSeries[] = [
    { label: t('team.cal.manager'), values: cal.items.map((i) => i.manager), style: 'solid' },
    { label: t('team.cal.self'), values: cal.items.map((i) => i.self), style: 'dashed' },
  ];
  const summary = t('team.cal.summary', {
    agreed: cal.agreed,
    agenda: cal.agenda.length,
    oneSided: cal.oneSided.length,
    total: cal.items.length,
  });
  const lv = (n: number | null) =>
    n === null ? t('team.heat.notRated') : n === 0 ? t('assess.level0') : t('common.levelN', { n });

  const exportAgenda = () => {
    const md = agendaMarkdown({
      name,
      date: todayIso(),
      frameworkName: `${fw.name} ${fw.version}`,
      selfDate: dateOf(self.updatedAt),
      managerDate: dateOf(manager.updatedAt),
      assessor: manager.assessor,
      items: cal.agenda.map((i) => ({ ...i, elementName: el(i.element) })),
      labels: {
        title: t('team.cal.mdTitle'),
        date: t('plan.md.date'),
        framework: t('plan.md.framework'),
        self: t('team.cal.self'),
        manager: t('team.cal.manager'),
        items: t('team.cal.agenda', { n: AGENDA_THRESHOLD }),
        none: t('team.cal.noAgenda'),
        level: t('common.levelN'),
        notYet: t('assess.level0'),
        evidence: t('team.cal.mdEvidence'),
        noEvidence: t('team.cal.noEvidence'),
        difference: t('team.cal.mdDifference'),
        nextSteps: t('plan.md.nextSteps'),
      },
    });
    const file = exportFileName(
      { person: { name: m.name || 'unnamed' }, framework: { id: fw.id, version: fw.version, hash: fw.hash } },
      todayIso(),
    )
      .replace(/^banso-assessment-/, 'banso-1on1-agenda-')
      .replace(/\.json$/, '.md');
    downloadText(file, md, 'text/markdown');
  };

  return (
    <div data-testid="calibration">
      <label htmlFor={selectId} className="block-label">
        {t('team.cal.member')}
      </label>
      <select id={selectId} value={m.key} onChange={(e) => setKey(e.target.value)} data-testid="calibration-member">
        <MemberOptions members={both} t={t} />
      </select>
      <p className="muted">
        {t('team.cal.files', { self: dateOf(self.updatedAt), manager: dateOf(manager.updatedAt) })}
      </p>
      <TeamRadarChart fw={fw} title={t('team.cal.radar', { name })} series={series} summary={summary} t={t} />
      <h3>{t('team.cal.agenda', { n: AGENDA_THRESHOLD })}</h3>
      {cal.agenda.length === 0 ? (
        <p>{t('team.cal.noAgenda')}</p>
      ) : (
        <ol className="agenda" data-testid="agenda">
          {cal.agenda.map((i) => (
            <li key={i.element} data-element={i.element}>
              <h4>{el(i.element)}</h4>
              <p>
                <strong>{t('team.cal.self')}:</strong> {lv(i.self)} · <strong>{t('team.cal.manager')}:</strong>{' '}
                {lv(i.manager)}{' '}
                <span className="badge">{t('team.cal.diff', { n: i.diff! > 0 ? `+${i.diff}` : String(i.diff) })}</span>
              </p>
              <EvidencePair
                notes={[
                  { who: t('team.cal.selfEvidence'), text: i.selfEvidence },
                  { who: t('team.cal.managerEvidence'), text: i.managerEvidence },
                ]}
                none={t('team.cal.noEvidence')}
              />
            </li>
          ))}
        </ol>
      )}
      {cal.oneSided.length > 0 && (
        <p className="muted">{t('team.cal.oneSided', { list: cal.oneSided.map((i) => el(i.element)).join(', ') })}</p>
      )}
      <button type="button" onClick={exportAgenda} data-testid="export-agenda">
        {t('team.cal.export')}
      </button>
    </div>
  );
});
