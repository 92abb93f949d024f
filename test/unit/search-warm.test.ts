import { describe, expect, it } from 'vitest';
import { warmQuery } from '../../src/lib/search/plan.ts';
import { search } from '../../src/lib/search/rank.ts';
import { makeIndex, page, term } from '../helpers/search-index.ts';
import type { SearchSynonyms } from '../../src/schemas/search.ts';

describe('warmQuery: the first query prepared in a task of its own', () => {
  const docs = [
    term('churn', 'Churn', ['attrition', '解約'], 'Customers who leave.'),
    page('playbook:renewal', 'Renewal notice', 'Send the renewal notice ninety days before the deadline; churn risk.'),
    page('playbook:onboarding', 'オンボーディング', '解約を防ぐオンボーディングの手順。attrition'),
  ];
  const synonyms: SearchSynonyms[] = [
    {
      groups: [
        ['qbr', 'quarterly business review'],
        ['解約', 'チャーン'],
      ],
      intents: [{ phrases: ['how to renew', '更新の手順'], pages: ['playbook:renewal'] }],
    },
  ];
  const queries = [
    'how to renew',
    '更新の手順',
    'チャーン',
    'churn',
    'attrition',
    'renewal notice deadline',
    '解約',
    'オンボーディング 手順',
    'qbr',
  ];
  for (const lang of ['en', 'ja'] as const)
    it(`${lang}: a warmed index gives the hits a cold one does, and warming twice is harmless`, () => {
      const cold = makeIndex(docs, lang, synonyms);
      const warm = makeIndex(docs, lang, synonyms);
      warmQuery(warm);
      warmQuery(warm);
      for (const q of queries) expect(search(warm, q, { limit: 50 }), q).toEqual(search(cold, q, { limit: 50 }));
      expect(search(cold, 'churn', { limit: 50 }).length).toBeGreaterThan(0);
    });
});
