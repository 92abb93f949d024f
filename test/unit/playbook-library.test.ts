/** The playbook library's facets and filter menus (src/lib/content/playbook-library.ts). */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { playbookLibrary } from '../../src/lib/content/playbook-library.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { applyFilters } from '../../src/lib/playbook-filter.ts';
import { PHASES } from '../../src/schemas/index.ts';

const { content } = checkContent(readContentFiles('.'));

describe('playbookLibrary', () => {
  for (const lang of ['en', 'ja'] as const) {
    const lib = playbookLibrary(content, lang, useTranslations(lang));
    it(`lists every playbook in phase order (${lang})`, () => {
      expect(lib.playbooks.map((p) => p.id).sort()).toEqual([...content.playbooks.keys()].sort());
      const orders = lib.playbooks.map((p) => p.facets.phaseOrder);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
      expect(orders.every((o) => o >= 0 && o < PHASES.length)).toBe(true);
    });
    it(`offers only elements and owners in use, with their names (${lang})`, () => {
      const element = lib.filters.find((f) => f.key === 'element')!;
      const used = new Set(lib.playbooks.flatMap((p) => p.facets.element));
      expect(element.options.map((o) => o.key).sort()).toEqual([...used].sort());
      expect(element.options.every((o) => o.label && !o.label.includes('/'))).toBe(true);
      const owner = lib.filters.find((f) => f.key === 'owner')!;
      expect(owner.options.map((o) => o.key).sort()).toEqual(
        [...new Set(lib.playbooks.map((p) => p.facets.owner))].sort(),
      );
      expect(lib.filters.map((f) => f.key)).toEqual(['phase', 'type', 'layer', 'touch', 'element', 'owner']);
      for (const f of lib.filters)
        for (const o of f.options) expect(o.label, `${f.key}.${o.key}`).not.toMatch(/^enum\./);
    });
  }
  it('gives the client filter facets it can match', () => {
    const lib = playbookLibrary(content, 'en', useTranslations('en'));
    const ids = applyFilters(
      lib.playbooks.map((p) => p.facets),
      { filters: { phase: 'onboarding' }, sort: 'phase' },
      (a, b) => a.localeCompare(b),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(lib.playbooks.filter((p) => p.facets.phase === 'onboarding').map((p) => p.id));
  });
});
