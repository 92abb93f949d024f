import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.ts';
import { checkContent, type ContentSet } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { resolveTarget } from '../../src/lib/content/links.ts';
import { buildDocuments, excerpt, stripMarkdown, TEXT_MAX, type SearchDoc } from '../../src/lib/search/documents.ts';
import { buildIndex, createLunrIndex, expandIndex, indexFileName } from '../../src/lib/search/index-build.ts';
import { isPackedIndex, type LunrIndexJson, type SerializedSearchIndex } from '../../src/lib/search/index-format.ts';
import { buildSiteIndex } from '../../src/lib/search/site-index.ts';
import { getLunr, segmentJa, tokenize, trimmerSupport } from '../../src/lib/search/lunr-setup.ts';
import libraryStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import { loadIndex, QUERY_PIPELINE, type LoadedIndex } from '../../src/lib/search/load.ts';
import { isEnglishStopWord, stemWord } from '../../src/lib/search/text.ts';
import { search, type SearchResult } from '../../src/lib/search/rank.ts';
import { highlight, snippet } from '../../src/lib/search/highlight.ts';
import { buildSynonymGroups, expandQueryTerms } from '../../src/lib/search/synonyms.ts';
import { readGolden } from '../../scripts/search-quality.ts';

type Lang = 'en' | 'ja';
const golden = readGolden();
const LANGS: Lang[] = ['en', 'ja'];

let content: ContentSet;
const docs = {} as Record<Lang, SearchDoc[]>;
const built = {} as Record<Lang, SerializedSearchIndex>;
const loaded = {} as Record<Lang, LoadedIndex>;

beforeAll(() => {
  const checked = checkContent(readContentFiles(process.cwd()));
  expect(checked.problems).toEqual([]);
  content = checked.content;
  for (const lang of LANGS) {
    docs[lang] = buildDocuments(content, lang);
    built[lang] = buildSiteIndex(content, lang);
    loaded[lang] = loadIndex(built[lang]);
  }
}, 180_000);

const ids = (rs: SearchResult[]) => rs.map((r) => r.doc.id);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (s: string) => gzipSync(s).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('lunr setup', () => {
  it('registers lunr-languages once and segments Japanese', () => {
    const a = getLunr();
    const b = getLunr();
    expect(a).toBe(b);
    expect(typeof a.multiLanguage).toBe('function');
    expect(typeof a.ja).toBe('function');
    expect(segmentJa('オンボーディング会議')).toEqual(['オンボーディング', '会議']);
    expect(segmentJa('')).toEqual([]);
  });

  it('stems query words exactly as the search pipeline each index records, without lunr-languages in the browser', () => {
    const l = getLunr();
    for (const lang of LANGS) {
      const labels = built[lang].index.pipeline;
      expect(
        labels.every((x) => QUERY_PIPELINE.includes(x)),
        labels.join(),
      ).toBe(true);
      const pipeline = l.Pipeline.load(labels as unknown as object);
      const words = [...new Set(docs[lang].flatMap((d) => tokenize(`${d.title} ${d.summary} ${d.body}`)))];
      expect(words.length).toBeGreaterThan(1000);
      for (const w of words) expect(stemWord(w), w).toBe(pipeline.runString(w)[0]);
    }
  });

  it("uses lunr's English stop words in the browser without the rest of lunr", () => {
    const l = getLunr();
    const words = [...new Set(docs.en.flatMap((d) => tokenize(`${d.title} ${d.summary} ${d.body}`)))];
    for (const w of [...words, 'the', 'a', 'would', 'onboarding'])
      expect(isEnglishStopWord(w), w).toBe(l.stopWordFilter(new l.Token(w, {})) === undefined);
    expect(isEnglishStopWord('the')).toBe(true);
  });

  it('tokenises like the index: lower case, width folded, punctuation split, Japanese segmented', () => {
    expect(tokenize('ＮＰＳ  Health-Score: 解約率!')).toEqual(['nps', 'health', 'score', ...segmentJa('解約率')]);
    expect(tokenize('***')).toEqual([]);
  });
});

describe('documents', () => {
  it('makes one document per page with site paths', () => {
    const c = content;
    const pages =
      [...c.playbooks.values()].filter((p) => !p.data.draft).length +
      c.journeys.size +
      [...c.frameworks.values()].reduce((n, f) => n + f.data.elements.length + 1, 0) +
      c.roles.size +
      c.onboarding.size +
      c.glossary.size +
      c.healthModels.size;
    for (const lang of LANGS) {
      const d = docs[lang];
      expect(d.length).toBe(pages);
      expect(new Set(d.map((x) => x.id)).size).toBe(d.length);
      for (const x of d) {
        expect(x.path).toMatch(/^\/[a-z0-9/-]+\/$/);
        expect(x.title.length).toBeGreaterThan(0);
        expect(x.text).not.toMatch(/[#*`]|\]\(/);
      }
    }
    const kickoff = docs.en.find((x) => x.id === 'playbook:kickoff')!;
    expect(kickoff.path).toBe(resolveTarget(c, 'playbook', 'kickoff')!.path);
    expect(docs.en.find((x) => x.id === 'element:cs-skills/customer-health')?.path).toBe(
      '/skills/cs-skills/customer-health/',
    );
    expect(docs.en.find((x) => x.id === 'framework:cs-skills')?.path).toBe('/skills/cs-skills/');
    expect(docs.en.find((x) => x.id === 'onboarding:new-csm')?.path).toBe('/onboarding/new-csm/');
    expect(docs.en.find((x) => x.id === 'health-model:high-touch-health')?.path).toBe('/health/high-touch-health/');
  });

  it('uses the Japanese translation when there is one, English otherwise', () => {
    expect(docs.ja.find((x) => x.id === 'playbook:kickoff')!.title).toBe('キックオフ');
    // Every shipped playbook is translated: take one translation away and its English words are indexed instead.
    const ja = new Map(content.playbookTranslations.get('ja'));
    ja.delete('kickoff');
    const partial = buildDocuments({ ...content, playbookTranslations: new Map([['ja', ja]]) }, 'ja');
    expect(partial.find((x) => x.id === 'playbook:kickoff')!.title).toBe(content.playbooks.get('kickoff')!.data.title);
  });

  it('indexes glossary names in both languages, with synonyms', () => {
    for (const lang of LANGS) {
      const churn = docs[lang].find((x) => x.id === 'glossary:churn')!;
      expect(churn.terms).toEqual(expect.arrayContaining(['Churn', 'チャーン', 'attrition', '解約']));
      expect(churn.synonyms).toEqual(expect.arrayContaining(['churn', 'チャーン', 'attrition', '解約']));
    }
    expect(docs.ja.find((x) => x.id === 'glossary:churn')!.title).toBe('チャーン');
  });

  it('keeps snippet text short and strips Markdown', () => {
    for (const lang of LANGS) for (const d of docs[lang]) expect(d.text.length).toBeLessThanOrEqual(TEXT_MAX);
    expect(
      stripMarkdown(
        '## Why\n\n- **Bold** and _it_ with [a link](https://x.y) and `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    ).toBe('Why. Bold and it with a link and code a b 1 2');
    expect(excerpt('word '.repeat(200), 50).length).toBeLessThanOrEqual(50);
    expect(excerpt('解約'.repeat(400)).length).toBeLessThanOrEqual(TEXT_MAX / 2);
  });
});

describe('synonyms', () => {
  it('groups equivalent glossary names and expands query terms', () => {
    const groups = buildSynonymGroups(content.glossary);
    expect(expandQueryTerms(['churn'], groups)).toEqual(
      expect.arrayContaining(['churn', '解約', 'チャーン', 'attrition']),
    );
    expect(expandQueryTerms(['解約'], groups)).toEqual(expect.arrayContaining(['churn', 'チャーン']));
    expect(expandQueryTerms(['NPS'], groups)).toEqual(
      expect.arrayContaining(['ネットプロモータースコア', 'net promoter score']),
    );
    expect(expandQueryTerms(['churn rate'], groups)).toContain('チャーンレート');
    expect(expandQueryTerms(['playbooks'], groups)).toEqual(['playbooks']);
    expect(expandQueryTerms([], groups)).toEqual([]);
  });
});

describe('bad input', () => {
  const bad = [
    '',
    ' ',
    '!!!',
    '*',
    '~',
    ':',
    '^',
    '+',
    '-',
    '+++---',
    'title:foo',
    'title:churn',
    'on*board',
    'churn~2',
    'kick^10off',
    '+churn -renewal',
    'renew-al',
    'churn:',
    ':churn',
    '~~~churn',
    'ch*rn',
    '"churn"',
    '(churn)',
    '\\',
    '\u0000',
    '\ud800',
    '🙂🙂',
    'x'.repeat(1000),
    'churn '.repeat(200),
    '解約率'.repeat(400),
    'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(40),
    '<script>alert(1)</script>',
  ];
  it.each(bad.map((q) => [JSON.stringify(q.slice(0, 40)), q] as const))('never throws: %s', (_, q) => {
    for (const lang of LANGS) {
      let r: SearchResult[] = [];
      expect(() => (r = search(loaded[lang], q))).not.toThrow();
      expect(Array.isArray(r)).toBe(true);
      expect(r.length).toBeLessThanOrEqual(10);
    }
  });

  it('gives nothing for empty or punctuation-only queries', () => {
    for (const lang of LANGS)
      for (const q of ['', '   ', '!!!', '*', '~', ':', '^', '+', '-', '+++---'])
        expect(search(loaded[lang], q)).toEqual([]);
  });

  it('treats lunr syntax as punctuation', () => {
    expect(ids(search(loaded.en, 'title:churn', { limit: 3 }))).toContain('glossary:churn');
    expect(ids(search(loaded.en, '+churn~2^5', { limit: 3 }))).toContain('glossary:churn');
    expect(ids(search(loaded.en, '-churn', { limit: 3 }))).toContain('glossary:churn');
  });

  it('survives odd arguments', () => {
    expect(search(loaded.en, undefined as unknown as string)).toEqual([]);
    expect(search(loaded.en, 42 as unknown as string)).toEqual([]);
    expect(search(loaded.en, 'churn', { limit: 0 })).toEqual([]);
    expect(search(loaded.en, 'churn', { limit: 2 }).length).toBeLessThanOrEqual(2);
  });
});

describe('serialisation', () => {
  const queries = () => [...golden.map((g) => g.query), 'customer', 'health', 'スコア', 'plan 顧客', 'x'.repeat(300)];

  it('gives identical results after JSON round trip', () => {
    for (const lang of LANGS) {
      const json = JSON.stringify(built[lang]);
      const fromText = loadIndex(json);
      const fromParsed = loadIndex(JSON.parse(json));
      for (const q of queries()) {
        const a = search(loaded[lang], q);
        expect(search(fromText, q)).toEqual(a);
        expect(search(fromParsed, q)).toEqual(a);
      }
    }
  });

  it('packs lunr losslessly: same vectors and postings as lunr, same results as lunr JSON', () => {
    for (const lang of LANGS) {
      expect(isPackedIndex(built[lang].index)).toBe(true);
      const live = createLunrIndex(docs[lang], lang).toJSON() as unknown as LunrIndexJson;
      const expanded = expandIndex(built[lang].index);
      const canon = (j: LunrIndexJson) => {
        const term = new Map(j.invertedIndex.map(([t, p]) => [p._index as number, t]));
        const vectors = j.fieldVectors.map(([ref, v]) => {
          const pairs: [string, number][] = [];
          for (let i = 0; i < v.length; i += 2) pairs.push([term.get(v[i])!, v[i + 1]]);
          return [ref, pairs.sort((x, y) => (x[0] < y[0] ? -1 : 1))];
        });
        const inverted = j.invertedIndex.map(([t, p]) => [
          t,
          Object.fromEntries(Object.entries(p).filter(([k]) => k !== '_index')),
        ]);
        return { version: j.version, fields: j.fields, pipeline: j.pipeline, vectors, inverted };
      };
      expect(canon(expanded)).toEqual(canon(live));

      // The weights search uses are lunr's own: every posting's weight rounds to lunr's field vector value.
      const lunrVectors = new Map(live.fieldVectors.map(([ref, v]) => [ref, v]));
      const termNo = new Map(live.invertedIndex.map(([t, p]) => [t, p._index as number]));
      const l = loaded[lang];
      let checkedWeights = 0;
      l.terms.forEach((term, n) => {
        if (n % 7) return; // a seventh of the vocabulary is plenty
        const p = l.postings.get(n);
        for (let i = 0; i < p.doc.length; i++) {
          const v = lunrVectors.get(`${built[lang].index.fields[p.field[i]]}/${p.doc[i]}`)!;
          const at = v.findIndex((x, k) => k % 2 === 0 && x === termNo.get(term));
          expect(Math.round(p.weight[i] * 1000) / 1000).toBe(v[at + 1]);
          checkedWeights++;
        }
      });
      expect(checkedWeights).toBeGreaterThan(500);
    }
  }, 120_000); // builds lunr's own index of the content

  it('names files by language and content hash', () => {
    const en = JSON.stringify(built.en);
    const name = indexFileName('en', en);
    expect(name).toMatch(/^search-en\.[0-9a-f]{8}\.json$/);
    expect(indexFileName('en', built.en)).toBe(name);
    expect(indexFileName('en', `${en} `)).not.toBe(name);
    expect(indexFileName('ja', JSON.stringify(built.ja))).toMatch(/^search-ja\.[0-9a-f]{8}\.json$/);
  });
});

describe('highlight and snippet', () => {
  it('marks matched words and gives the text back', () => {
    const text = 'Onboarding stalls when the kickoff slips; renewals suffer.';
    const segs = highlight(text, ['onboard', 'renewal']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['Onboarding', 'renewals']);
    expect(highlight('', ['x'])).toEqual([]);
    expect(highlight('no match here', [])).toEqual([{ text: 'no match here', hit: false }]);
    const ja = highlight('顧客の解約率を下げる', ['解約']);
    expect(ja).toEqual([
      { text: '顧客の', hit: false },
      { text: '解約', hit: true },
      { text: '率を下げる', hit: false },
    ]);
  });

  it('highlights what search matched, as plain text', () => {
    const results = search(loaded.en, 'onboard', { limit: 5 });
    const hits = results.flatMap((r) => highlight(r.doc.text, r.matched).filter((s) => s.hit));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((s) => /^onboard/i.test(s.text))).toBe(true);
    const [ja] = search(loaded.ja, '解約率', { limit: 1 });
    expect(highlight(ja.doc.text, ja.matched).some((s) => s.hit)).toBe(true);
    const html = highlight('<b>churn</b>', ['churn']);
    expect(html.map((s) => s.text).join('')).toBe('<b>churn</b>');
  });

  it('cuts a window around the first match', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The churn rate rose. ${'Tail words here. '.repeat(20)}`;
    const s = snippet(text, ['churn'], 120);
    expect(s).toContain('churn');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(122);
    expect(snippet('short', ['x'], 120)).toBe('short');
    expect(snippet(text, [], 60).startsWith('Lorem')).toBe(true);
    const jaText = `${'あいうえお'.repeat(60)}解約率${'かきくけこ'.repeat(60)}`;
    expect(snippet(jaText, ['解約'], 80)).toContain('解約');
  });
});

/* ------------------------------------------------------------------------------------------------
 * Synthetic scale test: 1,000 CS-like documents per language, built from sentence templates the way
 * real pages repeat their vocabulary. A fixed seed keeps sizes stable between runs.
 * ---------------------------------------------------------------------------------------------- */

const VOCAB: Record<Lang, { templates: string[]; slots: Record<string, string[]>; titles: string[] }> = {
  en: {
    templates: [
      'When {m} drops below {n} % for two weeks, the {r} opens the {p} and books a call with the {s}.',
      'Agree the {o} with the {s} and record it in the CRM before the {e}.',
      'Review {m} and {m} every {c} and flag accounts in the {b} band.',
      'The {r} prepares the {e} deck with usage, {m} and open support tickets.',
      'Escalate to the {r} if the {s} has not replied within {n} business days.',
      'Share the recap and the next steps with the {s} within one business day.',
      'Customers who reach first value within {n} days renew more often and expand sooner.',
      'Use the {p} template and adapt it to the {g} segment and the touch model.',
      'Track the share of accounts with a signed {o} and a named {s}.',
      'Check {m} before the renewal date and plan the {e} at least {n} days ahead.',
      'A falling {m} is an early {k} signal; confirm it with the {s} before acting.',
      'Document the outcome in the CRM so the {r} and CS Ops can report on {m}.',
      'Invite the {s} to the {e} and agree who owns each action.',
      'For {g} accounts the {r} runs the {p} by email and in-app guides.',
    ],
    slots: {
      m: [
        'licence utilisation',
        'weekly active users',
        'NPS',
        'CSAT',
        'health score',
        'feature adoption',
        'login rate',
        'ticket volume',
        'time to value',
        'net revenue retention',
        'gross retention',
        'admin activity',
        'training completion',
        'data import status',
        'customer effort score',
      ],
      r: [
        'CSM',
        'senior CSM',
        'CS lead',
        'CS Ops specialist',
        'account executive',
        'onboarding specialist',
        'support engineer',
        'CX designer',
      ],
      s: [
        'executive sponsor',
        'project lead',
        'champion',
        'HR administrator',
        'finance contact',
        'IT owner',
        'industrial physician',
        'procurement lead',
      ],
      p: [
        'risk playbook',
        'renewal playbook',
        'expansion playbook',
        'onboarding checklist',
        'success plan',
        'escalation path',
        'nurture campaign',
        'triage review',
      ],
      o: [
        'success plan',
        'first-value milestone',
        'renewal forecast',
        'expansion proposal',
        'adoption goal',
        'meeting cadence',
        'mutual action plan',
      ],
      e: [
        'kickoff',
        'quarterly business review',
        'executive business review',
        'renewal call',
        'health check',
        'training session',
        'webinar',
        'workshop',
      ],
      c: ['week', 'month', 'quarter'],
      b: ['red', 'yellow', 'green'],
      g: ['enterprise', 'mid-market', 'small business', 'public sector', 'healthcare', 'manufacturing'],
      k: ['churn', 'expansion', 'adoption', 'renewal', 'advocacy'],
    },
    titles: [
      '{m} review for {g} accounts',
      '{p}: {m} below target',
      '{e} with the {s}',
      'Recover {m} in {g}',
      '{o} for the {s}',
    ],
  },
  ja: {
    templates: [
      '{m}が2週間続けて{n}%を下回ったら、{r}が{p}を起動し、{s}との打ち合わせを設定します。',
      '{e}の前に{s}と{o}を合意し、CRMに登録します。',
      '{c}ごとに{m}と{m}を確認し、{b}のアカウントにフラグを立てます。',
      '{r}は利用状況、{m}、未解決の問い合わせをまとめた{e}の資料を準備します。',
      '{s}から{n}営業日以内に返信がない場合は、{r}にエスカレーションします。',
      '1営業日以内に議事録と次のアクションを{s}に共有します。',
      '{n}日以内にファーストバリューに到達した顧客ほど、契約更新率が高く、エクスパンションも早い傾向があります。',
      '{p}のテンプレートを使い、{g}のセグメントとタッチモデルに合わせて調整します。',
      '{o}に合意し、{s}が決まっているアカウントの割合を追跡します。',
      '契約更新日の前に{m}を確認し、少なくとも{n}日前に{e}を計画します。',
      '{m}の低下は{k}の早期シグナルです。対応の前に{s}に確認します。',
      '{r}とCS Opsが{m}を報告できるよう、結果をCRMに記録します。',
      '{s}を{e}に招待し、各アクションの担当者を決めます。',
      '{g}のアカウントでは、{r}がメールとアプリ内ガイドで{p}を進めます。',
    ],
    slots: {
      m: [
        'ライセンス利用率',
        '週次アクティブユーザー数',
        'NPS',
        '顧客満足度',
        'ヘルススコア',
        '機能の活用度',
        'ログイン率',
        '問い合わせ件数',
        'タイムトゥバリュー',
        '売上継続率',
        'グロス売上維持率',
        '管理者の利用状況',
        'トレーニング完了率',
        'データ取り込み状況',
        'カスタマーエフォートスコア',
      ],
      r: [
        'CSM',
        'シニアCSM',
        'CSリード',
        'CS Opsスペシャリスト',
        '営業担当',
        'オンボーディング担当',
        'サポートエンジニア',
        'CXデザイナー',
      ],
      s: [
        'エグゼクティブスポンサー',
        'プロジェクト責任者',
        'チャンピオン',
        '人事担当者',
        '経理担当者',
        '情報システム担当者',
        '産業医',
        '購買担当者',
      ],
      p: [
        'リスク対応プレイブック',
        '契約更新プレイブック',
        'エクスパンションプレイブック',
        'オンボーディングチェックリスト',
        'サクセスプラン',
        'エスカレーション手順',
        'ナーチャリング施策',
        'トリアージレビュー',
      ],
      o: [
        'サクセスプラン',
        'ファーストバリューのマイルストーン',
        '更新見込み',
        '追加提案',
        '活用目標',
        '定例の頻度',
        '共同アクションプラン',
      ],
      e: [
        'キックオフ',
        '四半期ビジネスレビュー',
        '経営層レビュー',
        '更新面談',
        'ヘルスチェック',
        'トレーニング',
        'ウェビナー',
        'ワークショップ',
      ],
      c: ['毎週', '毎月', '四半期'],
      b: ['レッド', 'イエロー', 'グリーン'],
      g: ['エンタープライズ', 'ミッドマーケット', '中小企業', '公共', '医療', '製造業'],
      k: ['解約', 'エクスパンション', '定着', '契約更新', 'アドボカシー'],
    },
    titles: ['{g}向け{m}のレビュー', '{p}:{m}が目標未達', '{s}との{e}', '{g}の{m}改善', '{s}向けの{o}'],
  },
};

const SYN_TYPES = ['playbook', 'journey', 'element', 'glossary', 'role', 'onboarding', 'health-model'] as const;

/** 1,000 bilingual CS-like documents: glossary-like short pages, playbook-like long ones, others between. */
function syntheticDocs(lang: Lang, n = 1000): SearchDoc[] {
  const r = prng(lang === 'en' ? 101 : 202);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const v = VOCAB[lang];
  const fill = (t: string, vocab = v) =>
    t.replace(/\{(\w)\}/g, (_, k: string) => (k === 'n' ? String(2 + Math.floor(r() * 88)) : pick(vocab.slots[k])));
  const sentences = (k: number) =>
    Array.from({ length: k }, () => fill(pick(v.templates))).join(lang === 'en' ? ' ' : '');
  return Array.from({ length: n }, (_, i) => {
    const type = pick(SYN_TYPES);
    const bodySentences =
      type === 'glossary' ? 1 : type === 'playbook' ? 8 + Math.floor(r() * 5) : 3 + Math.floor(r() * 4);
    const summary = sentences(type === 'glossary' ? 2 : 1 + Math.floor(r() * 2));
    const body = sentences(bodySentences);
    // Glossary pages carry names in both languages, as the real glossary does.
    const terms =
      type === 'glossary'
        ? [fill('{m}', VOCAB.en), fill('{m}', VOCAB.ja), fill('{k}', VOCAB.en), fill('{k}', VOCAB.ja)]
        : [];
    return {
      id: `${type}:synthetic-${i}`,
      type,
      path: `/synthetic/${type}/${i}/`,
      title: `${fill(pick(v.titles))} ${i}`,
      text: excerpt(`${summary} ${body}`),
      terms,
      summary,
      body,
      synonyms: type === 'glossary' ? terms.map((t) => t.toLowerCase()) : undefined,
    } satisfies SearchDoc;
  });
}

const TIMING_QUERIES: Record<Lang, string[]> = {
  en: [
    'health score',
    'renewal playbook',
    'onboard',
    'expan',
    'executive sponsor kickoff',
    'nps',
    'churn signal',
    'licence utilisation red',
    'CS Ops report',
    'first value days',
    'title:foo',
    '解約',
    'quarterly business review enterprise',
    'x'.repeat(1000),
  ],
  ja: [
    'ヘルススコア',
    '契約更新プレイブック',
    'オンボーディング会議',
    '解約率',
    '経営層レビュー',
    'NPS 推奨者',
    'health score 赤',
    'ライセンス利用率 レッド',
    'エクスパンション',
    'CSM',
    'キックオフ',
    '中小企業のサクセスプラン',
    '解約率'.repeat(300),
  ],
};

function timeQueries(idx: LoadedIndex, queries: string[], rounds = 5): { median: number; max: number } {
  for (const q of queries) search(idx, q); // warm up
  const times: number[] = [];
  for (let k = 0; k < rounds; k++)
    for (const q of queries) {
      const t0 = performance.now();
      search(idx, q);
      times.push(performance.now() - t0);
    }
  return { median: median(times), max: Math.max(...times) };
}

describe('size and speed', () => {
  it('keeps the real index small', () => {
    for (const lang of LANGS) {
      const json = JSON.stringify(built[lang]);
      const lunrJson = JSON.stringify(buildIndex(docs[lang], lang, { format: 'lunr' }));
      const t = timeQueries(loaded[lang], [
        ...golden.filter((g) => g.lang === lang).map((g) => g.query),
        ...TIMING_QUERIES[lang],
      ]);
      console.log(
        `[search] real content ${lang}: ${docs[lang].length} docs, ${built[lang].docs.length} stored; index+docs ${kb(json.length)} raw / ${kb(gz(json))} gzip ` +
          `(docs alone ${kb(gz(JSON.stringify(built[lang].docs)))} gzip; lunr's own JSON would be ${kb(lunrJson.length)} / ${kb(gz(lunrJson))}); ` +
          `query median ${t.median.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`,
      );
      expect(gz(json)).toBeLessThanOrEqual(120 * 1024);
    }
  }, 120_000); // builds lunr's JSON of the content for comparison

  it('keeps 1,000 synthetic documents per language under 120 KB gzip', () => {
    for (const lang of LANGS) {
      const synthetic = syntheticDocs(lang);
      const t0 = performance.now();
      const serialised = buildIndex(synthetic, lang);
      const buildMs = performance.now() - t0;
      const json = JSON.stringify(serialised);
      const t1 = performance.now();
      const idx = loadIndex(json);
      const loadMs = performance.now() - t1;
      const t = timeQueries(idx, TIMING_QUERIES[lang]);
      const hits = search(idx, TIMING_QUERIES[lang][0]);
      console.log(
        `[search] 1,000 synthetic ${lang}: index+docs ${kb(json.length)} raw / ${kb(gz(json))} gzip ` +
          `(index ${kb(gz(JSON.stringify(serialised.index)))}, docs ${kb(gz(JSON.stringify(serialised.docs)))} gzip); ` +
          `build ${buildMs.toFixed(0)} ms, parse+load ${loadMs.toFixed(0)} ms; query median ${t.median.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`,
      );
      expect(hits.length).toBeGreaterThan(0);
      expect(gz(json)).toBeLessThanOrEqual(120 * 1024);
    }
  }, 120_000); // builds two 1,000-document indexes
});

describe('trimmerSupport (in place of lunr.stemmer.support.js in the browser)', () => {
  it('trims tokens exactly as the library does, for Japanese and for the en+ja combination', () => {
    const lib = {} as {
      stemmerSupport?: object;
      trimmerSupport: { generateTrimmer(w: string): (t: unknown) => unknown };
    };
    libraryStemmerSupport(lib);
    const ours = {} as typeof lib;
    trimmerSupport(ours);
    expect(ours.stemmerSupport).toBeDefined();
    const l = getLunr();
    const sets = [l.ja.wordCharacters, `\\w${l.ja.wordCharacters}`];
    const tokens = [
      '「解約率」',
      '(churn)',
      '…オンボーディング。',
      '--nps--',
      '2026年',
      '・QBR・',
      '',
      '!!!',
      'ヘルス・スコア',
      '"health-score"',
      'ａｂｃ',
      '½',
      'é',
      '  spaced  ',
    ];
    for (const chars of sets) {
      const a = lib.trimmerSupport.generateTrimmer(chars);
      const b = ours.trimmerSupport.generateTrimmer(chars);
      for (const t of tokens)
        expect(String(b(new l.Token(t, {}))), `${chars.slice(0, 6)}… ${t}`).toBe(String(a(new l.Token(t, {}))));
    }
  });
});
