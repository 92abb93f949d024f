/**
 * The ranking rules, each on a small index made for it (so the rule, not the content, decides), and
 * on the real content where the portal promises it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { questionForm } from '../../src/lib/search/plan.ts';
import { search } from '../../src/lib/search/rank.ts';
import { readGolden } from '../../scripts/search-quality.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import {
  filler,
  ids,
  makeIndex as make,
  page,
  realSearchIndexes as realIndexes,
  term,
} from '../helpers/search-index.ts';

const base = [
  term('churn', 'Churn', ['チャーン', '解約', 'attrition', 'cancellation'], 'A customer cancelling or not renewing.'),
  term(
    'qbr',
    'Quarterly Business Review',
    ['QBR', '四半期ビジネスレビュー'],
    'A review with the customer every quarter.',
  ),
  page(
    'playbook:churn-risk',
    'Save accounts at churn risk',
    filler(12, 'churn churn risk review with the customer, watch churn signals'),
  ),
  page(
    'playbook:qbr-prep',
    'Prepare the QBR deck for the QBR',
    filler(10, 'QBR agenda, QBR slides, QBR review with the sponsor'),
  ),
  page('playbook:kickoff', 'Kickoff meeting', 'Run the first meeting with the customer.'),
  page(
    'playbook:kickoff-notes',
    'Kickoff meeting agenda and kickoff meeting notes',
    filler(10, 'kickoff meeting agenda, kickoff meeting notes, kickoff meeting'),
  ),
  page(
    'playbook:save',
    'Keep a customer who is leaving',
    filler(8, 'the customer said they will stop; understand why, agree a save plan before churn'),
  ),
  page('playbook:exec', 'Executive business review', filler(6, 'review outcomes with the executive sponsor')),
];

/** The small index of `base`, made once: most rules are shown on it. */
const baseIdx = make(base);

describe('exact names rank first', () => {
  const idx = baseIdx;
  it('an exact title beats a page that repeats the words more', () => {
    expect(ids(idx, 'kickoff meeting')[0]).toBe('playbook:kickoff');
    // The same words plus one more are no longer an exact title: the fuller page wins on its words.
    expect(ids(idx, 'kickoff meeting agenda')[0]).toBe('playbook:kickoff-notes');
  });
  it('an exact term, acronym or alias beats pages full of the word', () => {
    expect(ids(idx, 'churn')[0]).toBe('glossary:churn');
    expect(ids(idx, 'QBR')[0]).toBe('glossary:qbr');
    expect(ids(idx, 'ｑｂｒ')[0]).toBe('glossary:qbr');
    expect(ids(idx, 'attrition')[0]).toBe('glossary:churn');
    expect(ids(idx, '解約')[0]).toBe('glossary:churn');
  });
  it('a name reached through a content synonym comes right after, and says why', () => {
    const withGroup = make(base, 'en', [{ groups: [['leaving', 'churn']], intents: [] }]);
    const r = search(withGroup, 'leaving');
    expect(r[0].doc.id).toBe('glossary:churn');
    expect(r[0].reason).toEqual({ kind: 'synonym', text: 'churn' });
    expect(r[1].doc.id).toBe('playbook:save');
    expect(r[1].reason).toBeUndefined();
  });
  it('on the real content: titles, terms, acronyms and aliases', () => {
    const real = realIndexes();
    for (const [lang, q, want] of [
      ['en', 'support escalation', 'playbook:support-escalation'],
      ['en', 'CSM', 'role:csm'],
      ['en', 'TTV', 'glossary:time-to-value'],
      ['en', 'net promoter score', 'glossary:nps'],
      ['ja', '離反', 'glossary:churn'],
      ['ja', 'NRR', 'glossary:net-revenue-retention'],
      ['ja', 'カスタマーヘルス', 'element:cs-skills/customer-health'],
      ['en', '解約', 'glossary:churn'],
    ] as const)
      expect(ids(real[lang], q)[0], `${lang} ${q}`).toBe(want);
  }, 120_000);
});

describe('a glossary term ranks above pages that merely mention it', () => {
  it('even when another page has the same title', () => {
    const idx = make([...base, page('playbook:churn', 'Churn', filler(20, 'churn churn churn'))]);
    expect(ids(idx, 'churn').slice(0, 2)).toEqual(['glossary:churn', 'playbook:churn']);
  });
});

describe('question forms', () => {
  it('recognises "what is", "how do I", "とは" and "の進め方"', () => {
    expect(questionForm('What is a QBR?')).toEqual({ core: 'qbr', question: 'define' });
    expect(questionForm('what does TTV mean')).toEqual({ core: 'ttv', question: 'define' });
    expect(questionForm("what's churn")).toEqual({ core: 'churn', question: 'define' });
    expect(questionForm('How do I run a kickoff?')).toEqual({ core: 'run a kickoff', question: 'howto' });
    expect(questionForm('解約とは')).toEqual({ core: '解約', question: 'define' });
    expect(questionForm('ＮＰＳとは何ですか？')).toEqual({ core: 'nps', question: 'define' });
    expect(questionForm('キックオフの進め方')).toEqual({ core: 'キックオフ', question: 'howto' });
    expect(questionForm('churn rate')).toEqual({ core: 'churn rate' });
  });
  it('a definition question puts the defining page first', () => {
    const idx = baseIdx;
    for (const q of ['what is churn', 'What is a QBR?', 'churnとは', '解約とは何ですか', 'define attrition'])
      expect(ids(idx, q)[0], q).toBe(q.includes('QBR') ? 'glossary:qbr' : 'glossary:churn');
  });
  it('a how-to question prefers the playbook', () => {
    const idx = make([
      ...base,
      term('review', 'Business review', ['review'], 'Review the business outcomes with the executive sponsor.'),
    ]);
    expect(ids(idx, 'business review sponsor')[0]).toBe('glossary:review');
    expect(ids(idx, 'how do I run a business review with the sponsor')[0]).toBe('playbook:exec');
  });
});

describe('how-to questions and titles', () => {
  it('"how to <name>" puts the playbook of that name above the glossary term', () => {
    const idx = make([
      ...base,
      page('playbook:qbr', 'Quarterly business review (QBR)', filler(4, 'agree priorities with the project owner')),
    ]);
    expect(ids(idx, 'QBR').slice(0, 2)).toEqual(['glossary:qbr', 'playbook:qbr']);
    for (const q of ['how to QBR', 'QBRの進め方'])
      expect(ids(idx, q).slice(0, 2), q).toEqual(['playbook:qbr', 'glossary:qbr']);
  });
  it('a page with every word of the query in its title ranks above pages that only mention them', () => {
    const docs = [
      term(
        'low-touch',
        'Low-touch',
        ['low touch', 'one-to-many'],
        'Low-touch accounts get a health score from product data; the low-touch health score is watched monthly.',
      ),
      page('health-model:mid', 'Mid-market (low-touch) health score', 'Measures and weights.'),
      page(
        'playbook:other',
        'Health checks',
        filler(8, 'low-touch health score review, low-touch health score trends'),
      ),
    ];
    expect(ids(make(docs), 'low-touch health score')[0]).toBe('health-model:mid');
    const ja = [
      term(
        'mid',
        'ミッドマーケット',
        ['中堅企業'],
        'ミッドマーケットのヘルススコアはロータッチの顧客に使います。ミッドマーケットのヘルススコアを毎月見ます。',
      ),
      page('health-model:mid', 'ミッドマーケット（ロータッチ）向けヘルススコア', '指標と重み'),
    ];
    expect(ids(make(ja, 'ja'), 'ミッドマーケットのヘルススコア')[0]).toBe('health-model:mid');
  });
});

describe('the result says why it matched', () => {
  it('through a synonym, or a word of the other language', () => {
    const idx = make([
      base[0],
      page('playbook:save-en', 'Stop losing accounts', filler(5, 'lower churn by acting early')),
    ]);
    const viaSynonym = search(idx, 'attrition').find((r) => r.doc.id === 'playbook:save-en')!;
    expect(viaSynonym.reason).toEqual({ kind: 'synonym', text: 'churn' });
    const viaJapanese = search(idx, '解約').find((r) => r.doc.id === 'playbook:save-en')!;
    expect(viaJapanese.reason).toEqual({ kind: 'translation', text: 'churn' });
    // Its own words: no reason to give.
    expect(search(idx, 'churn').find((r) => r.doc.id === 'playbook:save-en')!.reason).toBeUndefined();
  });
  it('through an intent phrase of content/search, with the pages in the given order', () => {
    const idx = make(base, 'en', [
      {
        groups: [],
        intents: [{ phrases: ['wants to cancel', '解約したい'], pages: ['playbook:save', 'glossary:churn'] }],
      },
    ]);
    const r = search(idx, 'customer wants to cancel');
    expect(r.slice(0, 2).map((x) => x.doc.id)).toEqual(['playbook:save', 'glossary:churn']);
    expect(r[0].reason).toEqual({ kind: 'intent', text: 'wants to cancel' });
    expect(ids(idx, 'お客様が解約したいと言っている')[0]).toBe('playbook:save');
    expect(ids(idx, 'cancel').includes('playbook:save')).toBe(false);
  });
});

describe('on a translated site', () => {
  it('a page not yet translated ranks below an equal translated one', () => {
    const a = page('playbook:a', 'オンボーディングの停滞', 'オンボーディングが止まったときの対応');
    const b = {
      ...page('playbook:b', 'オンボーディングの停滞', 'オンボーディングが止まったときの対応'),
      untranslated: true,
    };
    for (const docs of [
      [a, b],
      [b, a],
    ]) {
      const idx = make(docs, 'ja');
      const r = search(idx, 'オンボーディング 停滞');
      expect(r[0].doc.id).toBe('playbook:a');
      expect(r.find((x) => x.doc.id === 'playbook:b')!.doc.en).toBe(1);
    }
  });
  it('on the real content, translated playbooks are flagged only when they are English', () => {
    const real = realIndexes();
    expect(real.ja.docs.find((d) => d.id === 'playbook:kickoff')!.en).toBeUndefined();
    // Exactly the playbooks without a Japanese translation are flagged as English.
    const c = checkContent(readContentFiles(process.cwd())).content;
    const english = [...c.playbooks.keys()]
      .filter((id) => !c.playbookTranslations.get('ja')?.has(id))
      .map((id) => `playbook:${id}`)
      .sort();
    expect(
      real.ja.docs
        .filter((d) => d.en && d.id.startsWith('playbook:'))
        .map((d) => d.id)
        .sort(),
    ).toEqual(english);
    expect(real.en.docs.some((d) => d.en)).toBe(false);
  }, 120_000);
});

describe('words typed as people type them', () => {
  let real: ReturnType<typeof realIndexes>;
  beforeAll(() => {
    real = realIndexes();
  }, 120_000);
  it('finds words with a typo, written apart, or half typed', () => {
    expect(ids(real.en, 'chrun', 3)).toContain('glossary:churn');
    expect(ids(real.en, 'escalaton', 3)).toContain('glossary:escalation');
    expect(ids(real.en, 'kick off', 3)).toContain('glossary:kickoff');
    expect(ids(real.en, 'expan', 3)).toContain('glossary:expansion');
    expect(ids(real.ja, 'ﾍﾙｽｽｺｱ', 3)).toContain('glossary:health-score');
  });
  it('does not invent matches for words that are nowhere near', () => {
    expect(search(real.en, 'zzqxv')).toEqual([]);
    expect(search(real.en, 'xylophone')).toEqual([]);
  });
  it('the header dropdown (8) and the search page (50) rank the same way', () => {
    for (const g of readGolden()) {
      const page = search(real[g.lang], g.query, { limit: 50 }).map((r) => r.doc.id);
      expect(search(real[g.lang], g.query, { limit: 8 }).map((r) => r.doc.id)).toEqual(page.slice(0, 8));
    }
  });
});

describe('Japanese grammar is not searched for', () => {
  it('「解約したい」 does not match pages only through たい', () => {
    const idx = make(
      [
        page('playbook:want', '顧客のやりたいこと', 'やりたいことを聞きます。'),
        page('playbook:churn-ja', '解約の相談', '解約の相談を受けたら'),
      ],
      'ja',
    );
    expect(ids(idx, '解約したい')).toEqual(['playbook:churn-ja']);
  });
});
