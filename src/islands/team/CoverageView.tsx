/** Coverage: organisation-level gaps, elements only one person covers, and elements no one covers. */
import { memo, type ReactNode } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { ClientFramework } from '../../lib/assessment/skill-island-props.ts';
import type { HeatRow } from '../../lib/team/aggregate.ts';
import type { Coverage } from '../../lib/team/coverage.ts';
import { displayName } from './shared.ts';

export const CoverageView = memo(function CoverageView({
  fw,
  cov,
  rows,
  t,
}: {
  fw: ClientFramework;
  cov: Coverage;
  rows: HeatRow[];
  t: Translate;
}) {
  const el = (id: string) => fw.elements.find((e) => e.id === id)?.name ?? id;
  const who = new Map(rows.map((r) => [r.key, displayName(r, t)]));
  const orgName =
    cov.organisationLevel !== null ? (fw.levels.find((l) => l.level === cov.organisationLevel)?.name ?? '') : '';
  const covName = fw.levels.find((l) => l.level === cov.coveredLevel)?.name ?? '';
  return (
    <>
      <p className="muted">
        {t('team.coverage.definition', { covered: cov.coveredLevel, coveredName: covName })}{' '}
        {cov.organisationLevel !== null
          ? t('team.coverage.orgDefinition', { level: cov.organisationLevel, name: orgName })
          : t('team.coverage.noOrgLevel')}
      </p>
      <div className="coverage-grid">
        {cov.organisationLevel !== null && (
          <CoverageList
            id="cov-org"
            title={t('team.coverage.orgGaps', { level: cov.organisationLevel })}
            testId="coverage-org"
            items={cov.organisationGaps.map((e) => ({ key: e, content: el(e) }))}
            empty={t('team.coverage.noneOrg')}
          />
        )}
        <CoverageList
          id="cov-single"
          title={t('team.coverage.single', { level: cov.coveredLevel })}
          testId="coverage-single"
          items={cov.singleCovered.map((s) => ({
            key: s.element,
            content: (
              <>
                {el(s.element)}: <bdi className="member-name">{who.get(s.member) ?? s.member}</bdi>
              </>
            ),
          }))}
          empty={t('team.coverage.noneSingle')}
        />
        <CoverageList
          id="cov-none"
          title={t('team.coverage.uncovered', { level: cov.coveredLevel })}
          testId="coverage-uncovered"
          items={cov.uncovered.map((e) => ({ key: e, content: el(e) }))}
          empty={t('team.coverage.noneUncovered')}
        />
      </div>
    </>
  );
});

/** One list of the coverage, under its heading, or what it means that the list is empty. */
function CoverageList(props: {
  id: string;
  title: string;
  testId: string;
  items: { key: string; content: ReactNode }[];
  empty: string;
}) {
  const { id, title, testId, items, empty } = props;
  return (
    <div>
      <h3 id={id}>{title}</h3>
      {items.length ? (
        <ul aria-labelledby={id} data-testid={testId}>
          {items.map((i) => (
            <li key={i.key}>{i.content}</li>
          ))}
        </ul>
      ) : (
        <p data-testid={testId}>{empty}</p>
      )}
    </div>
  );
}
