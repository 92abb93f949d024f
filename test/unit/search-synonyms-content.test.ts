/** content/search/*.yaml: schema, cross-checks in the content check, and what reaches the index. */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { buildSiteIndex } from '../../src/lib/search/site-index.ts';
import { SearchSynonyms } from '../../src/schemas/search.ts';

const real = readContentFiles(process.cwd());
const withFile = (text: string, path = 'content/search/synonyms.yaml') =>
  checkContent([...real.filter((f) => f.path !== path), { path, text }]).problems.map(formatProblem);

describe('search synonyms as content', () => {
  it('the shipped file is valid and reaches both indexes', () => {
    const { content, problems } = checkContent(real);
    expect(problems).toEqual([]);
    expect(content.search.get('synonyms')!.data.groups.length).toBeGreaterThan(5);
    for (const lang of ['en', 'ja'] as const) {
      const idx = buildSiteIndex(content, lang);
      expect(idx.synonyms).toContainEqual(expect.arrayContaining(['批判者', 'detractor']));
      const cancel = idx.intents.find((i) => i.phrases.includes('解約したい'))!;
      expect(cancel.docs.map((d) => idx.docs[d].id).slice(0, 2)).toEqual([
        'playbook:cancellation-notice-save',
        'playbook:red-account-triage',
      ]);
    }
  }, 120_000);

  it('reports unknown pages, empty words, duplicates and misspelt keys, one line each, naming the file', () => {
    expect(withFile('intents:\n  - phrases: [解約したい]\n    pages: [playbook:no-such-play]\n')).toEqual([
      expect.stringMatching(
        /^content\/search\/synonyms\.yaml: intents\[0\]\.pages\[0\]: no page "playbook:no-such-play"/,
      ),
    ]);
    expect(withFile('intents:\n  - phrases: [x]\n    pages: [kickoff]\n')[0]).toMatch(
      /intents\[0\]\.pages\[0\]: must be written <type>:<id>/,
    );
    expect(withFile('groups:\n  - [解約, "!!!"]\n')).toEqual([
      expect.stringMatching(/groups\[0\]\[1\]: "!!!" has no letters or digits/),
    ]);
    expect(withFile('groups:\n  - [Churn, churn]\n')).toEqual([
      expect.stringMatching(/groups\[0\]\[1\]: "churn" is the same search word as groups\[0\]\[0\]/),
    ]);
    expect(withFile('groups:\n  - [alone]\n')[0]).toMatch(/groups\[0\]: a group needs at least two words/);
    expect(withFile('group:\n  - [a, b]\n')[0]).toMatch(/synonyms\.yaml: \(file\): .*group/i);
    expect(withFile('groups:\n  - [解約, チャーン\n')[0]).toMatch(/YAML syntax error/);
  }, 120_000); // seven content checks of the whole content set

  it('accepts element pages and a second file', () => {
    expect(withFile('intents:\n  - phrases: [health skill]\n    pages: [element:cs-skills/customer-health]\n')).toEqual(
      [],
    );
    expect(withFile('groups:\n  - [a1, b1]\n', 'content/search/more.yaml')).toEqual([]);
  });

  it('the schema rejects what a hand edit gets wrong', () => {
    expect(SearchSynonyms.safeParse({ groups: [['a', '']] }).success).toBe(false);
    expect(SearchSynonyms.safeParse({ intents: [{ phrases: ['x'], pages: [] }] }).success).toBe(false);
    expect(SearchSynonyms.safeParse({ intents: [{ phrases: ['x'], pages: ['playbook:Kickoff'] }] }).success).toBe(
      false,
    );
    expect(SearchSynonyms.parse({})).toEqual({ groups: [], intents: [] });
  });
});
