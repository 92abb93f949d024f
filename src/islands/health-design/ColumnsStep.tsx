/** Step 2 of the model designer: what each column is (measure as numbers or categories, outcome, account id, ignored) and which outcome labels mean churn. */
import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { ColumnProfile } from '../../lib/health/design/columns.ts';
import { formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import { ScrollTable } from '../health-shared/tables.tsx';

export type ColumnRole = 'numeric' | 'categorical' | 'outcome' | 'account' | 'ignore';
const ROLES: ColumnRole[] = ['numeric', 'categorical', 'outcome', 'account', 'ignore'];

export function ColumnsStep(props: {
  t: Translate;
  lang: Locale;
  profiles: ColumnProfile[];
  roles: ColumnRole[];
  onRoles: (r: ColumnRole[]) => void;
  churnLabels: string[];
  onChurnLabels: (l: string[]) => void;
  counts: { churned: number; renewed: number; unknown: number } | null;
  children?: ReactNode;
}) {
  const { t, lang, profiles, roles, onRoles, churnLabels, onChurnLabels, counts } = props;
  const setRole = (col: number, r: ColumnRole) => {
    // One outcome and one account column: choosing a new one turns the old one into "ignore".
    onRoles(roles.map((x, i) => (i === col ? r : (r === 'outcome' || r === 'account') && x === r ? 'ignore' : x)));
    if (r === 'outcome') onChurnLabels([]);
  };
  const outcomeCol = roles.indexOf('outcome');
  const outcome = outcomeCol >= 0 ? profiles[outcomeCol] : null;
  const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  const isChurn = (l: string) => churnLabels.some((c) => fold(c) === fold(l));
  return (
    <section className="batch-step" aria-labelledby="design-step-columns">
      <h2 id="design-step-columns">{t('design.step.columns')}</h2>
      <p className="muted">{t('design.columns.help')}</p>
      <ScrollTable
        label={t('design.step.columns')}
        caption="hidden"
        className="design-columns"
        testId="columns-table"
        cols={[
          t('design.columns.column'),
          t('design.columns.values'),
          { num: t('design.columns.missing') },
          t('design.columns.role'),
        ]}
      >
        <tbody>
          {profiles.map((p) => (
            <tr key={p.col} data-col={p.col}>
              <th scope="row">{p.header || `#${p.col + 1}`}</th>
              <td className="sample">
                {p.top
                  .slice(0, 4)
                  .map((x) => x.label)
                  .join(', ')}
                {p.distinct > 4 ? ` … (${formatNumber(p.distinct, lang, 0)}${p.distinct > 200 ? '+' : ''})` : ''}
              </td>
              <td className="num">{formatPercent(p.missingShare, lang, 0)}</td>
              <td>
                <select
                  value={roles[p.col]}
                  onChange={(e) => setRole(p.col, e.target.value as ColumnRole)}
                  aria-label={t('design.columns.roleOf', { column: p.header || `#${p.col + 1}` })}
                  data-testid={`role-${p.col}`}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`design.role.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {outcome && (
        <fieldset className="churn-labels" data-testid="churn-labels">
          <legend>{t('design.outcome.which', { column: outcome.header })}</legend>
          {outcome.top.map((l) => (
            <label key={l.label} className="choice">
              <input
                type="checkbox"
                checked={isChurn(l.label)}
                data-label={l.label}
                onChange={(e) =>
                  onChurnLabels(
                    e.target.checked ? [...churnLabels, l.label] : churnLabels.filter((c) => fold(c) !== fold(l.label)),
                  )
                }
              />
              <span className="raw-label">{l.label}</span>{' '}
              <span className="muted">({formatNumber(l.count, lang, 0)})</span>
            </label>
          ))}
          {counts && (
            <p className="muted" data-testid="outcome-counts">
              {t('design.outcome.counts', {
                churned: formatNumber(counts.churned, lang, 0),
                renewed: formatNumber(counts.renewed, lang, 0),
                unknown: formatNumber(counts.unknown, lang, 0),
              })}
            </p>
          )}
        </fieldset>
      )}
      {props.children}
    </section>
  );
}
