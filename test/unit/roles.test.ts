/** Role expectations form a ladder: nobody is expected to grow past the role they grow into. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';

const { content } = checkContent(readContentFiles('.'));
const levels = (roleId: string, fw: string) =>
  content.roles.get(roleId)!.data.expectations.find((e) => e.framework === fw)?.levels;

describe('role expectations', () => {
  it('a step up (or along the lifecycle) never expects less than the role before it', () => {
    const problems: string[] = [];
    for (const r of content.roles.values())
      for (const n of r.data.next) {
        if (n.direction !== 'up' && n.direction !== 'time') continue;
        for (const ex of r.data.expectations) {
          const next = levels(n.role, ex.framework);
          if (!next) continue;
          for (const [el, lvl] of Object.entries(ex.levels))
            if ((next[el] ?? 0) < lvl) problems.push(`${r.id} → ${n.role}: ${ex.framework}/${el} ${lvl} → ${next[el]}`);
        }
      }
    expect(problems).toEqual([]);
  });
  it('no role ranked below the CS lead is expected above the CS lead', () => {
    const lead = content.roles.get('cs-lead')!.data;
    const problems: string[] = [];
    for (const r of content.roles.values()) {
      if (r.data.rank >= lead.rank) continue;
      for (const ex of r.data.expectations) {
        const l = levels('cs-lead', ex.framework);
        if (!l) continue;
        for (const [el, lvl] of Object.entries(ex.levels))
          if (lvl > (l[el] ?? 0)) problems.push(`${r.id}: ${ex.framework}/${el} ${lvl} > CS lead ${l[el]}`);
      }
    }
    expect(problems).toEqual([]);
  });
  it('the CS Ops specialist grows up to CS lead, and towards business planning (事業企画)', () => {
    const next = content.roles.get('cs-ops-specialist')!.data.next;
    expect(next.find((n) => n.role === 'cs-lead')?.direction).toBe('up');
    expect(next.map((n) => n.role)).toContain('business-planning');
    expect(content.roles.get('cs-ops-specialist')!.data.responsibilities!.en.join(' ')).toMatch(
      /one-to-many content and events/,
    );
  });
  it('an Associate CSM works alone on standard cases (level 2) and gets reviews for complex ones, not for each plan', () => {
    const a = content.roles.get('associate-csm')!.data;
    expect(Math.max(...Object.values(levels('associate-csm', 'cs-skills')!))).toBe(2);
    expect(JSON.stringify(a.summary) + JSON.stringify(a.responsibilities)).not.toMatch(
      /each plan|reviewing the plans|（計画はシニアCSMがレビュー）/,
    );
  });
});
