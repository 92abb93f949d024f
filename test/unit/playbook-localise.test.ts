/** A playbook in the page's language: words from the translation, structure from English, a notice when words are missing. */
import { describe, expect, it } from 'vitest';
import { localisePlaybook } from '../../src/lib/content/playbook.ts';
import { Playbook, PlaybookTranslation } from '../../src/schemas/playbook.ts';

const en = Playbook.parse({
  title: 'Downgrade request',
  summary: 'Find out why before reducing.',
  type: 'renewal',
  phase: 'renewal',
  layers: ['process'],
  touch: ['high'],
  trigger: { kind: 'event', automatic: false, description: 'The customer asks to reduce licences.' },
  objective: 'Agree the right contract.',
  ownerRole: 'csm',
  steps: [
    { title: 'Acknowledge', owner: 'csm', when: 'Within 1 business day', day: 0, detail: 'Thank them.' },
    { title: 'Decide', owner: 'cs-lead', when: 'Within 10 days', day: 10 },
  ],
  exitCriteria: ['Reason recorded.'],
  metrics: ['ARR kept.'],
  escalation: 'Tell the CS lead.',
  discoveryQuestions: ['What changed?'],
});

const full = PlaybookTranslation.parse({
  title: 'ダウングレード依頼への対応',
  summary: '削減の前に理由を確かめます。',
  trigger: { description: '顧客からライセンスの削減を依頼された場合。' },
  objective: '適切な契約を合意します。',
  steps: [
    { title: '受け止める', when: '1営業日以内', detail: 'お礼を伝えます。' },
    { title: '対応を決める', when: '10日以内' },
  ],
  exitCriteria: ['理由を記録した'],
  metrics: ['維持できたARR'],
  escalation: 'CSリードに伝えます。',
  discoveryQuestions: ['何が変わりましたか？'],
});

describe('localisePlaybook', () => {
  it('shows English with the untranslated flag when there is no translation', () => {
    const p = localisePlaybook(en, undefined);
    expect(p.untranslated).toBe(true);
    expect(p.translated).toBe(false);
    expect(p.title).toBe('Downgrade request');
  });

  it('takes every word from a complete translation and the structure from English', () => {
    const p = localisePlaybook(en, full);
    expect(p.untranslated).toBe(false);
    expect(p.translated).toBe(true);
    expect([p.title, p.summary, p.trigger.description, p.objective]).toEqual([
      full.title,
      full.summary,
      full.trigger!.description,
      full.objective,
    ]);
    expect(p.steps.map((s) => [s.title, s.owner, s.day])).toEqual([
      ['受け止める', 'csm', 0],
      ['対応を決める', 'cs-lead', 10],
    ]);
    expect(p.steps[0].detail).toBe('お礼を伝えます。');
    expect(p.trigger.kind).toBe('event');
    expect(p.escalation).toBe('CSリードに伝えます。');
  });

  it('flags a translation that leaves out a section the English playbook has, and shows English there', () => {
    const { escalation: _dropped, ...partial } = full;
    const p = localisePlaybook(en, PlaybookTranslation.parse(partial));
    expect(p.untranslated).toBe(true);
    expect(p.title).toBe(full.title);
    expect(p.escalation).toBe('Tell the CS lead.');
  });
});
