/** Byte budgets of the built site (budgets.json). Deterministic, so they are checked on every test run. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/page-weight.ts';
import { distDir } from '../helpers/dist.ts';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')).bytes as Record<string, { max: number }>;
const dist = distDir();
const weigh = (p: string) => pageWeight(dist, `${dist}/${p}index.html`);

describe('byte budgets', () => {
  it('content pages load at most 2 KB of JS before intent, and no framework', () => {
    for (const p of [
      '',
      'ja/',
      'playbooks/kickoff/',
      'ja/playbooks/kickoff/',
      'skills/cs-skills/customer-health/',
      'roles/csm/',
      'glossary/',
      'glossary/churn/',
      'journeys/high-touch-b2b/',
      'health/high-touch-health/',
    ]) {
      const w = weigh(p);
      expect(w.initialJs, p).toBeLessThanOrEqual(budgets.contentPageInitialJs.max);
      expect(
        w.initialFiles.some((f) => /react|client\./.test(f)),
        p,
      ).toBe(false);
    }
  });
  it('script-only interactive pages stay small', () => {
    for (const p of ['playbooks/', 'onboarding/new-csm/', 'plane/', 'progress/'])
      expect(weigh(p).initialJs, p).toBeLessThanOrEqual(budgets.interactivePageInitialJs.max);
  });
  it('the first search query downloads at most 20 KB of code, loaded only on intent', () => {
    const w = weigh('playbooks/kickoff/');
    const search = w.lazyFiles.filter((f) => !/GrowthPlan|share-link|growth-plan/.test(f));
    expect(search.some((f) => f.includes('search-ui'))).toBe(true);
    expect(w.initialFiles.some((f) => f.includes('search-ui'))).toBe(false);
    expect(w.lazyJs).toBeLessThanOrEqual(budgets.searchFirstQueryJs.max);
  });
  it('the self-assessment page stays within its 130 KB JS budget', () => {
    const w = weigh('assess/');
    expect(w.initialFiles.some((f) => f.includes('SelfAssessment'))).toBe(true);
    expect(w.initialJs).toBeLessThanOrEqual(budgets.assessPageJs.max);
  });
});
