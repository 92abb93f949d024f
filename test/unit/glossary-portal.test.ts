import { describe, expect, it } from 'vitest';
import { plainThenFormula, portalUses, sentences } from '../../src/lib/glossary-portal.ts';

describe('glossary page helpers', () => {
  it('puts plain sentences before formulas, in English and Japanese', () => {
    expect(
      plainThenFormula(
        'NRR = (start + expansion − churn) ÷ start. It shows growth from existing customers. Aim above 100 %.',
      ),
    ).toEqual({
      plain: ['It shows growth from existing customers.', 'Aim above 100 %.'],
      formula: ['NRR = (start + expansion − churn) ÷ start.'],
    });
    expect(
      plainThenFormula('顧客が解約することです。チャーンレート＝失った顧客数÷期首の顧客数です。早期の兆候を捉えます。'),
    ).toEqual({
      plain: ['顧客が解約することです。', '早期の兆候を捉えます。'],
      formula: ['チャーンレート＝失った顧客数÷期首の顧客数です。'],
    });
    expect(sentences('One. Two.')).toEqual(['One.', 'Two.']);
    // Not inside a number, after "e.g." or before a closing quote.
    expect(
      sentences(
        'In CES 2.0 higher is better. Bands, e.g. red 0–49, lead somewhere. Asked: 「薦めますか？」と聞きます。次です。',
      ),
    ).toEqual([
      'In CES 2.0 higher is better.',
      'Bands, e.g. red 0–49, lead somewhere.',
      'Asked: 「薦めますか？」と聞きます。',
      '次です。',
    ]);
  });
  it('splits a sentence that says what a term is and then gives its formula, so the plain part comes first', () => {
    expect(
      plainThenFormula(
        'A 0–100 score that summarises health, computed as a weighted average (score = Σ(wᵢ·mᵢ)/Σwᵢ). Bands follow.',
      ),
    ).toEqual({
      plain: ['A 0–100 score that summarises health, computed as a weighted average.', 'Bands follow.'],
      formula: ['score = Σ(wᵢ·mᵢ)/Σwᵢ'],
    });
    expect(plainThenFormula('The share of licences in use: active users ÷ licences × 100. Define "active".')).toEqual({
      plain: ['The share of licences in use.', 'Define "active".'],
      formula: ['Active users ÷ licences × 100.'],
    });
    expect(plainThenFormula('The yearly value of contracts; for monthly plans ARR = MRR × 12.')).toEqual({
      plain: ['The yearly value of contracts.'],
      formula: ['For monthly plans ARR = MRR × 12.'],
    });
    // A formula with nothing plain before it, or a formula in the middle, stays whole.
    expect(
      plainThenFormula('NRR = (a + b) ÷ a; new customers are excluded. 売上を（期首＝100）として比べます。').formula,
    ).toEqual(['NRR = (a + b) ÷ a; new customers are excluded.', '売上を（期首＝100）として比べます。']);
  });
  it('finds health models, the simulator and playbooks that use a term', () => {
    const models = [
      { id: 'ht', measures: ['nps', 'ces'] },
      { id: 'tt', measures: ['active-users'] },
    ];
    const pbs = [
      { id: 'nps-detractor-follow-up', text: 'Follow up every NPS detractor' },
      { id: 'kickoff', text: 'Agree success criteria' },
      { id: 'x', text: 'snpsx' },
    ];
    expect(portalUses({ id: 'nps', names: ['NPS', 'Net Promoter Score'] }, models, pbs)).toEqual([
      { kind: 'health-model', id: 'ht' },
      { kind: 'playbook', id: 'nps-detractor-follow-up' },
    ]);
    expect(portalUses({ id: 'health-score', names: ['Health score'] }, models, pbs).map((u) => u.kind)).toEqual([
      'health-model',
      'health-model',
      'tool',
    ]);
    expect(portalUses({ id: 'kickoff', names: ['Kickoff'] }, models, pbs)).toEqual([
      { kind: 'playbook', id: 'kickoff' },
    ]);
  });
});

describe('line wraps in Japanese definitions', () => {
  it('joins a wrap between Japanese characters without a space, and keeps spaces in English', () => {
    expect(sentences('顧客が\n解約する ことです。 Churn is\nloss.')).toEqual([
      '顧客が解約することです。',
      'Churn is\nloss.',
    ]);
  });
});
