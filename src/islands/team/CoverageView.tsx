/** Coverage: organisation-level gaps, elements only one person covers, and elements no one covers. */
import { memo } from 'react';
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
          <div>
            <h3 id="cov-org">{t('team.coverage.orgGaps', { level: cov.organisationLevel })}</h3>
            {cov.organisationGaps.length ? (
              <ul aria-labelledby="cov-org" data-testid="coverage-org">
                {cov.organisationGaps.map((e) => (
                  <li key={e}>{el(e)}</li>
                ))}
              </ul>
            ) : (
              <p data-testid="coverage-org">{t('team.coverage.noneOrg')}</p>
            )}
          </div>
        )}
        <div>
          <h3 id="cov-single">{t('team.coverage.single', { level: cov.coveredLevel })}</h3>
          {cov.singleCovered.length ? (
            <ul aria-labelledby="cov-single" data-testid="coverage-single">
              {cov.singleCovered.map((s) => (
                <li key={s.element}>
                  {el(s.element)}: <bdi className="member-name">{who.get(s.member) ?? s.member}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p data-testid="coverage-single">{t('team.coverage.noneSingle')}</p>
          )}
        </div>
        <div>
          <h3 id="cov-none">{t('team.coverage.uncovered', { level: cov.coveredLevel })}</h3>
          {cov.uncovered.length ? (
            <ul aria-labelledby="cov-none" data-testid="coverage-uncovered">
              {cov.uncovered.map((e) => (
                <li key={e}>{el(e)}</li>
              ))}
            </ul>
          ) : (
            <p data-testid="coverage-uncovered">{t('team.coverage.noneUncovered')}</p>
          )}
        </div>
      </div>
    </>
  );
});
