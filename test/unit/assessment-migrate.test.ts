import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Framework } from '../../src/schemas/framework.ts';
import { Assessment } from '../../src/schemas/assessment.ts';
import { frameworkCanonicalString, frameworkHash } from '../../src/lib/assessment/framework-hash.ts';
import { reconcile } from '../../src/lib/assessment/migrate.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';

const load = (name: string) =>
  Framework.parse(parseYaml(readFileSync(new URL(`../../content/frameworks/${name}.yaml`, import.meta.url), 'utf8')));
const cs = { id: 'cs-skills', ...load('cs-skills') };
const domain = { id: 'product-domain', ...load('product-domain') };
type Fw = typeof cs;
const withHash = (fw: Fw) => ({ ...fw, hash: frameworkHash(fw) });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function rateAll(fw: Fw, level: (i: number) => number) {
  const a = emptyAssessment(fw, { name: '山田花子' }, 'self', { now: new Date('2026-11-24T00:00:00Z') });
  fw.elements.forEach((el, i) => (a.ratings[el.id] = { level: level(i), evidence: `evidence ${i}` }));
  return a;
}

describe('frameworkHash', () => {
  it('is a stable 8-digit hex string for the real frameworks', () => {
    const h = frameworkHash(cs);
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    expect(frameworkHash(load('cs-skills'))).toBe(h);
    expect(frameworkHash(domain)).not.toBe(h);
    expect(frameworkCanonicalString(cs)).toContain('levels=5');
    expect(frameworkCanonicalString(domain)).toContain('levels=4');
    expect(frameworkCanonicalString(cs)).toContain('groups=insights-actions,outcomes,transform');
    expect(cs.elements).toHaveLength(14);
    expect(domain.elements).toHaveLength(5);
  });

  it('ignores wording, follows structure', () => {
    const h = frameworkHash(cs);
    const reworded = structuredClone(cs);
    reworded.name.en = 'Renamed track';
    reworded.version = '2027.1';
    reworded.elements[0].name.en = 'A new name for the element';
    reworded.elements[0].levels[0].descriptor.en = 'Different words';
    reworded.levels[0].name.en = 'Start';
    expect(frameworkHash(reworded)).toBe(h);

    const added = { ...cs, elements: [...cs.elements, { ...cs.elements[0], id: 'digital-cs' }] };
    const removed = { ...cs, elements: cs.elements.slice(1) };
    const renamed = { ...cs, elements: cs.elements.map((e, i) => (i === 3 ? { ...e, id: 'health-management' } : e)) };
    const reordered = { ...cs, elements: [cs.elements[1], cs.elements[0], ...cs.elements.slice(2)] };
    const regrouped = { ...cs, elements: cs.elements.map((e, i) => (i === 0 ? { ...e, group: 'outcomes' } : e)) };
    const rescaled = { ...cs, levels: cs.levels.slice(0, 4) };
    const all = [h, ...[added, removed, renamed, reordered, regrouped, rescaled].map(frameworkHash)];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('reconcile', () => {
  it('a fresh assessment on the real framework: same, up to date, every element unrated', () => {
    const a = emptyAssessment(cs, { name: 'Hanako Yamada' }, 'self');
    expect(Assessment.safeParse(a).success).toBe(true);
    expect(reconcile(a, withHash(cs))).toEqual({
      sameFramework: true,
      outdated: false,
      removed: [],
      unrated: cs.elements.map((e) => e.id),
      outOfScale: [],
    });
  });

  it('fully rated, same framework: nothing to report', () => {
    const a = rateAll(cs, (i) => i % 6);
    expect(reconcile(a, withHash(cs))).toEqual({
      sameFramework: true,
      outdated: false,
      removed: [],
      unrated: [],
      outOfScale: [],
    });
  });

  it('removed, renamed and new elements: old ratings kept and flagged, new ones unrated', () => {
    const a = deepFreeze(rateAll(cs, (i) => 1 + (i % 5)));
    const before = JSON.stringify(a);
    const next: Fw = {
      ...cs,
      version: '2027.1',
      elements: [
        ...cs.elements
          .filter((e) => e.id !== 'cs-operations-scale')
          .map((e) => (e.id === 'customer-health' ? { ...e, id: 'health-management' } : e)),
        { ...cs.elements[0], id: 'digital-cs', group: 'transform' },
      ],
    };
    const res = reconcile(a, withHash(next));
    expect(res.sameFramework).toBe(true);
    expect(res.outdated).toBe(true);
    expect(res.removed).toEqual([
      { element: 'customer-health', level: a.ratings['customer-health'].level },
      { element: 'cs-operations-scale', level: a.ratings['cs-operations-scale'].level },
    ]);
    expect(res.unrated).toEqual(['health-management', 'digital-cs']);
    expect(res.outOfScale).toEqual([]);
    // Nothing was dropped or changed.
    expect(JSON.stringify(a)).toBe(before);
    expect(a.ratings['customer-health'].evidence).toBe('evidence 3');
  });

  it('only the version changed: outdated, but nothing else', () => {
    const a = rateAll(cs, () => 2);
    const res = reconcile(a, { ...withHash(cs), version: '2026.2' });
    expect(res.outdated).toBe(true);
    expect(res.removed).toEqual([]);
    expect(res.unrated).toEqual([]);
  });

  it('a hash mismatch alone makes it outdated', () => {
    const a = rateAll(cs, () => 2);
    expect(reconcile(a, { ...withHash(cs), hash: '00000000' }).outdated).toBe(true);
  });

  it('the 4-level product-domain framework: level 5 is out of scale, level 4 is fine', () => {
    const a = rateAll(domain, (i) => (i === 0 ? 5 : i === 1 ? 4 : 0));
    a.ratings['hr-operations'] = { level: 9 };
    const res = reconcile(a, withHash(domain));
    expect(res.outdated).toBe(false);
    expect(res.outOfScale).toEqual([
      { element: 'product-expertise', level: 5, max: 4 },
      { element: 'hr-operations', level: 9, max: 4 },
    ]);
    // The same ratings read against the 5-level CS framework would be fine on scale, but it is another framework.
    const other = reconcile(a, withHash(cs));
    expect(other.sameFramework).toBe(false);
    expect(other.outdated).toBe(false);
    expect(other.removed.map((r) => r.element)).toEqual(domain.elements.map((e) => e.id));
    expect(other.unrated).toEqual(cs.elements.map((e) => e.id));
  });

  it('a scale shrunk from 5 to 4 levels flags the level-5 ratings', () => {
    const a = rateAll(cs, (i) => (i < 2 ? 5 : 3));
    const shrunk = { ...cs, levels: cs.levels.slice(0, 4) };
    const res = reconcile(a, withHash(shrunk));
    expect(res.outdated).toBe(true);
    expect(res.outOfScale).toEqual([
      { element: cs.elements[0].id, level: 5, max: 4 },
      { element: cs.elements[1].id, level: 5, max: 4 },
    ]);
  });
});
