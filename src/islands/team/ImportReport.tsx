/** The import report: every source with its result, the reason named for each one not taken. */
import { memo } from 'react';
import type { Translate, Dict } from '../../i18n/translator.ts';
import type { ReportItem } from '../../lib/team/import-batch.ts';
import { kindName } from './shared.ts';
import { problemTexts, type ProblemContext } from '../../lib/assessment/problem-text.ts';

type Key = keyof Dict;

export function errorText(code: string, t: Translate): string {
  if (code.startsWith('link-')) return t(`assess.linkError.${code.slice(5)}` as Key);
  if (code === 'unknown-framework') return t('team.error.unknownFramework');
  return t(`assess.import.${code}` as Key);
}

/** Each status's mark (drawn in CSS, beside the status in words). */
const MARK = {
  ok: 'sym sym-ok',
  'other-version': 'sym sym-warn',
  duplicate: 'sym sym-dup',
  error: 'sym sym-error',
} as const;

export const ImportReport = memo(function ImportReport({
  report,
  t,
  frameworkName,
  skipped,
  problemContext,
}: {
  report: ReportItem[];
  t: Translate;
  frameworkName: (id: string) => string;
  skipped: number;
  problemContext?: (frameworkId: string | undefined) => ProblemContext;
}) {
  const count = (s: ReportItem['status']) => report.filter((r) => r.status === s).length;
  const summary = t('team.report.summary', {
    ok: count('ok'),
    other: count('other-version'),
    dup: count('duplicate'),
    err: count('error'),
    total: report.length,
  });
  return (
    <section className="section-box" aria-labelledby="team-report-title" data-testid="import-report">
      <h2 id="team-report-title">{t('team.report.title')}</h2>
      <p role="status">
        {summary}
        {skipped > 0 ? ` ${t('team.report.skipped', { n: skipped })}` : ''}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('team.report.title')}>
        <table className="report-table">
          <caption className="visually-hidden">{t('team.report.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.report.source')}</th>
              <th scope="col">{t('team.report.result')}</th>
              <th scope="col">{t('team.report.details')}</th>
            </tr>
          </thead>
          <tbody>
            {report.map((r, i) => (
              <tr key={`${i}-${r.source}`} data-status={r.status} className={`report-${r.status}`}>
                <th scope="row">
                  <bdi className="source-name">{r.source}</bdi>
                </th>
                <td>
                  <span aria-hidden="true" className={MARK[r.status]} />
                  {t(`team.report.status.${r.status}`)}
                </td>
                <td>
                  {r.status === 'error' && r.error && (
                    <>
                      <p className="reason" data-code={r.error.code}>
                        {errorText(r.error.code, t)}
                      </p>
                      {r.error.code === 'unknown-framework' && r.framework && (
                        <p>{t('assess.import.unknownFramework', { id: r.framework.id })}</p>
                      )}
                      {r.error.problems.length > 0 && (
                        <ul className="details">
                          {problemTexts(
                            r.error.problems.slice(0, 8),
                            t,
                            problemContext?.(r.error.frameworkId ?? r.framework?.id),
                          ).map((d, k) => (
                            <li key={k}>
                              <bdi>{d}</bdi>
                            </li>
                          ))}
                        </ul>
                      )}
                    </>
                  )}
                  {r.status === 'duplicate' && (
                    <p>{t('safe.dup.identical', { file: `\u2068${r.duplicateOf ?? ''}\u2069` })}</p>
                  )}
                  {(r.status === 'ok' || r.status === 'other-version') && (
                    <>
                      <p>
                        <bdi>{r.person?.trim() ? r.person : t('team.unnamed')}</bdi> ·{' '}
                        {r.kind ? kindName(r.kind, t) : ''} ·{' '}
                        {r.framework ? `${frameworkName(r.framework.id)} ${r.framework.version}` : ''}
                      </p>
                      {r.status === 'other-version' && <p className="warn-text">{t('team.report.otherVersion')}</p>}
                      {r.unnamed && <p className="warn-text">{t('team.report.unnamed')}</p>}
                      {r.sameTimeAs && (
                        <p className="warn-text" data-testid="same-time">
                          {t('safe.dup.sameTime', { file: `\u2068${r.sameTimeAs}\u2069` })}
                        </p>
                      )}
                      {r.unknownElements && (
                        <p className="warn-text">
                          {t('team.report.unknownElements', { list: r.unknownElements.join(', ') })}
                        </p>
                      )}
                      {r.outOfScale && (
                        <p className="warn-text">{t('team.report.outOfScale', { list: r.outOfScale.join(', ') })}</p>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
