/** axe-core on a Playwright page, for the browser tests. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The serious and critical axe violations on the page (or only inside `scope`, a CSS selector), one
 * line each: rule, help text and the first three elements. A clean page gives [].
 */
export async function axeSerious(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const axe = await (scope ? builder.include(scope) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')})`,
    );
}
