import { describe, expect, it } from 'vitest';
import { plainThenFormula, portalUses, sentences } from '../../src/lib/glossary-portal.ts';

describe('glossary page helpers', () => {
  it('puts plain sentences before formulas, in English and Japanese', () => {
    expect(plainThenFormula('NRR = (start + expansion − churn) ÷ start. It shows growth from existing customers. Aim above 100 %.')).toEqual({
      plain: ['It shows growth from existing customers.', 'Aim above 100 %.'],
      formula: ['NRR = (start + expansion − churn) ÷ start.'],
    });
    expect(plainThenFormula('顧客が解約することです。チャーンレート＝失った顧客数÷期首の顧客数です。早期の兆候を捉えます。')).toEqual({
      plain: ['顧客が解約することです。', '早期の兆候を捉えます。'],
      formula: ['チャーンレート＝失った顧客数÷期首の顧客数です。'],
    });
    expect(sentences('One. Two.')).toEqual(['One.', 'Two.']);
  });
  it('finds health models, the simulator and playbooks that use a term', () => {
    const models = [{ id: 'ht', measures: ['nps', 'ces'] }, { id: 'tt', measures: ['active-users'] }];
    const pbs = [{ id: 'nps-detractor-follow-up', text: 'Follow up every NPS detractor' }, { id: 'kickoff', text: 'Agree success criteria' }, { id: 'x', text: 'snpsx' }];
    expect(portalUses({ id: 'nps', names: ['NPS', 'Net Promoter Score'] }, models, pbs)).toEqual([
      { kind: 'health-model', id: 'ht' }, { kind: 'playbook', id: 'nps-detractor-follow-up' },
    ]);
    expect(portalUses({ id: 'health-score', names: ['Health score'] }, models, pbs).map((u) => u.kind)).toEqual(['health-model', 'health-model', 'tool']);
    expect(portalUses({ id: 'kickoff', names: ['Kickoff'] }, models, pbs)).toEqual([{ kind: 'playbook', id: 'kickoff' }]);
  });
});

describe('line wraps in Japanese definitions', () => {
  it('joins a wrap between Japanese characters without a space, and keeps spaces in English', () => {
    expect(sentences('顧客が\n解約する ことです。 Churn is\nloss.')).toEqual(['顧客が解約することです。', 'Churn is\nloss.']);
  });
});
