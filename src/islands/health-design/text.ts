/** The model designer's structured problems ({ code, params }) in words of the page language. */
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { DataIssue } from '../../lib/health/design/columns.ts';
import type { Design, DesignProblem } from '../../lib/health/design/design.ts';
import { formatAuc, formatNumber, formatPercent } from '../../lib/health/number-format.ts';

export function dataIssueText(t: Translate, lang: Locale, i: DataIssue): string {
  switch (i.code) {
    case 'too-few-rows':
      return t('design.issue.too-few-rows', { rows: formatNumber(i.params.rows, lang, 0), min: i.params.min });
    case 'one-class':
      return t('design.issue.one-class', {
        churned: formatNumber(i.params.churned, lang, 0),
        renewed: formatNumber(i.params.renewed, lang, 0),
      });
    case 'few-churned':
      return t('design.issue.few-churned', { churned: i.params.churned, min: i.params.min });
    case 'no-churn-label':
      return t('design.issue.no-churn-label');
    case 'constant':
      return t('design.issue.constant', { column: i.params.header });
    case 'mostly-missing':
      return t('design.issue.mostly-missing', {
        column: i.params.header,
        missing: formatPercent(i.params.missing, lang, 0),
      });
    case 'duplicate-ids':
      return t('design.issue.duplicate-ids', {
        n: formatNumber(i.params.count, lang, 0),
        examples: i.params.examples.join(', '),
      });
    case 'leakage':
      return t('design.issue.leakage', { column: i.params.header, auc: formatAuc(i.params.auc) });
  }
}

export function problemText(t: Translate, d: Design, p: DesignProblem): string {
  const name = 'measure' in p ? (d.measures.find((m) => m.id === p.measure)?.header ?? p.measure) : '';
  if (p.code === 'group-weight')
    return t('design.problem.group-weight', { group: d.groups.find((g) => g.id === p.group)?.label.en ?? p.group });
  return t(`design.problem.${p.code}`, { measure: name });
}
