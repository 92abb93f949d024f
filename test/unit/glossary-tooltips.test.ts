import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToHast } from 'satteri';
import { annotateTerms } from '../../src/lib/glossary-tooltips.ts';
import { escapeHtml } from '../../src/lib/content/policies.ts';

/**
 * The rule written the plain way, as the oracle for the one-expression matcher: try every unused
 * name on its own (Latin: whole word, any case; Japanese: substring) and keep the earliest match,
 * the longest there, the first listed among equals; mark it and go on after it.
 */
function referenceMarks(text: string, names: { id: string; name: string }[]): [string, string][] {
  const cands = names
    .filter((c) => (/[A-Za-z0-9]/.test(c.name) ? c.name.length >= 3 : c.name.length >= 2))
    .sort((a, b) => b.name.length - a.name.length);
  const used = new Set<string>();
  const out: [string, string][] = [];
  if (text.trim() === '') return out; // whitespace between elements is never marked
  let rest = text;
  for (;;) {
    let best: { index: number; length: number; id: string } | undefined;
    for (const c of cands) {
      if (used.has(c.id)) continue;
      const n = c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = /[A-Za-z0-9]/.test(c.name) ? new RegExp(`(?<![A-Za-z0-9])${n}(?![A-Za-z0-9])`, 'i') : new RegExp(n);
      const m = re.exec(rest);
      if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)))
        best = { index: m.index, length: m[0].length, id: c.id };
    }
    if (!best) return out;
    used.add(best.id);
    out.push([best.id, rest.slice(best.index, best.index + best.length)]);
    rest = rest.slice(best.index + best.length);
  }
}

const terms = [
  {
    id: 'churn',
    names: ['Churn', 'attrition'],
    definition: 'When a customer <leaves> & stops paying.',
    href: '/glossary/churn/',
  },
  { id: 'health-score', names: ['health score'], definition: 'A weighted score.', href: '/glossary/health-score/' },
  {
    id: 'nps',
    names: ['NPS', 'Net Promoter Score'],
    definition: 'Promoters minus detractors.',
    href: '/glossary/nps/',
  },
  { id: 'churn-ja', names: ['チャーン', '解約'], definition: '解約のこと。', href: '/ja/glossary/churn/' },
];

describe('glossary tooltips', () => {
  it('marks only the first use of each term, with the escaped definition as a tooltip', () => {
    const out = annotateTerms('<p>Churn hurts. More churn later. The health score drops.</p>', terms);
    expect(out.match(/class="gloss"/g)).toHaveLength(2);
    expect(out).toContain('<a class="gloss-term" href="/glossary/churn/" aria-describedby="gloss-churn">Churn</a>');
    // The definition is text: "<" and "&" escaped (">" needs no escaping in text).
    expect(out).toContain(
      '<span class="gloss-tip" role="tooltip" id="gloss-churn">When a customer &lt;leaves> &amp; stops paying.</span>',
    );
    expect(out).toContain('More churn later.');
    expect(out).toContain('aria-describedby="gloss-health-score">health score</a>');
  });
  it('matches whole words only, and prefers the longest name', () => {
    expect(annotateTerms('<p>Unchurnable NPSx</p>', terms)).toBe('<p>Unchurnable NPSx</p>');
    const out = annotateTerms('<p>Our Net Promoter Score rose.</p>', terms);
    expect(out).toContain('>Net Promoter Score</a>');
  });
  it('leaves links, code and headings alone', () => {
    const html = '<h2>Churn</h2><p><a href="/x">churn</a> <code>churn</code></p><p>then churn</p>';
    const out = annotateTerms(html, terms);
    expect(out.startsWith('<h2>Churn</h2><p><a href="/x">churn</a> <code>churn</code></p>')).toBe(true);
    expect(out).toContain('<p>then <span class="gloss">');
  });
  it('finds Japanese terms without word boundaries', () => {
    const out = annotateTerms('<p>今期の解約率を確認します。</p>', terms);
    expect(out).toContain(
      '今期の<span class="gloss"><a class="gloss-term" href="/ja/glossary/churn/" aria-describedby="gloss-churn-ja">解約</a>',
    );
    expect(out).toContain('率を確認します。');
  });
  it('never lets a definition inject HTML', () => {
    expect(escapeHtml('<script>"x"</script>')).toBe('&lt;script&gt;&quot;x&quot;&lt;/script&gt;');
    const out = annotateTerms('<p>churn</p>', [
      { id: 'x', names: ['churn'], definition: '<img src=x onerror=alert(1)>', href: '/g/' },
    ]);
    expect(out).not.toContain('<img');
  });

  /** The tree of an HTML fragment, to compare documents rather than their spelling. */
  const tree = (html: string) => JSON.stringify(htmlToHast(html, { fragment: true }));
  /** Text of the marked words, in order. */
  const marked = (html: string) => [...html.matchAll(/<a class="gloss-term"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

  it('works on the tree: links, code, headings, attributes, entities and Japanese in one body', () => {
    const html = [
      '<h2 id="churn">Churn &amp; NPS</h2>',
      '<p title="churn > NPS" data-note="health score">A <a href="/x?churn=1&amp;b=2">churn link</a>, <code>NPS</code>, <kbd>NPS</kbd> and <abbr title="Net Promoter Score">NPS</abbr>.</p>',
      '<p><img src="/i.png" alt="churn"> Tom &amp; Jerry&#39;s <strong>Churn</strong> &lt;b&gt;NPS&lt;/b&gt; &quot;health score&quot;</p>',
      '<pre><code>health score</code></pre>',
      '<ul><li>今期の解約率と<em>チャーン</em>を確認します。</li></ul>',
    ].join('');
    const out = annotateTerms(html, terms);
    // Headings, links, code, kbd and abbr kept as they were; attributes never touched.
    expect(out).toContain('<h2 id="churn">Churn &amp; NPS</h2>');
    expect(out).toContain(
      '<p title="churn > NPS" data-note="health score">A <a href="/x?churn=1&amp;b=2">churn link</a>, <code>NPS</code>, <kbd>NPS</kbd> and <abbr title="Net Promoter Score">NPS</abbr>.</p>',
    );
    expect(out).toContain('<img src="/i.png" alt="churn">');
    expect(out).toContain('<pre><code>health score</code></pre>');
    // The first use of each term in text, inside inline elements too; entities stay entities (or their characters).
    expect(marked(out)).toEqual(['Churn', 'NPS', 'health score', '解約']);
    expect(out).toContain(
      'Tom &amp; Jerry\'s <strong><span class="gloss"><a class="gloss-term" href="/glossary/churn/" aria-describedby="gloss-churn">Churn</a>',
    );
    expect(out).toContain(
      '&lt;b><span class="gloss"><a class="gloss-term" href="/glossary/nps/" aria-describedby="gloss-nps">NPS</a>',
    );
    expect(out).toContain('<em>チャーン</em>'); // 解約 came first: one mark per term
    // Only the marks were added: removing them gives the same document back.
    const unmarked = out.replace(
      /<span class="gloss"><a class="gloss-term"[^>]*>([^<]*)<\/a><span class="gloss-tip"[^>]*>[^<]*<\/span><\/span>/g,
      '$1',
    );
    expect(tree(unmarked)).toBe(tree(html));
  });

  it('reads a ">" inside an attribute as part of the attribute (the old string splitting broke the tag there)', () => {
    const out = annotateTerms('<p><span title="a > churn">text</span> and churn</p>', terms);
    expect(out).toBe(
      '<p><span title="a > churn">text</span> and <span class="gloss"><a class="gloss-term" href="/glossary/churn/" aria-describedby="gloss-churn">churn</a><span class="gloss-tip" role="tooltip" id="gloss-churn">When a customer &lt;leaves> &amp; stops paying.</span></span></p>',
    );
  });

  it('gives the HTML back unchanged, byte for byte, when no term occurs', () => {
    const html = '<p>Nothing&nbsp;here &amp; <a href="/x">there</a>&#39;s</p>';
    expect(annotateTerms(html, terms)).toBe(html);
    expect(annotateTerms('<p>churn</p>', [])).toBe('<p>churn</p>');
  });
  it('finds names written with character references in the source, and skips pages without any name unparsed', () => {
    const t = (id: string, name: string) => ({ id, names: [name], definition: 'd', href: `/g/${id}/` });
    // The source has "&#39;" where the text has "'": the name must still be found.
    expect(annotateTerms('<p>a&#39;bc here</p>', [t('q', "a'bc")])).toContain(">a'bc</a>");
    // "&lpar;" is "(" in the text.
    expect(annotateTerms('<p>Ringi &lpar;approval) done</p>', [t('r', 'Ringi (approval)')])).toContain(
      '>Ringi (approval)</a>',
    );
    // "R&D" is "R&amp;D" in the source.
    expect(annotateTerms('<p>Our R&amp;D team</p>', [t('rd', 'R&D')])).toContain('>R&amp;D</a>');
    expect(annotateTerms('<p>研究&amp;開発の話</p>', [t('rd-ja', '研究&開発')])).toContain('>研究&amp;開発</a>');
    // Japanese written as a numeric reference.
    expect(annotateTerms('<p>&#x89e3;約の話</p>', [t('c', '解約')])).toContain('>解約</a>');
    // A page with no name in it comes back as it was, byte for byte (not re-serialised).
    const html = '<p>Nothing&nbsp;here <em>at all</em></p>';
    expect(annotateTerms(html, [t('x', 'churn')])).toBe(html);
  });
  it('marks what trying each name on its own marks, for any text and names (property)', () => {
    const alphabet = [
      'a',
      'b',
      'N',
      'p',
      's',
      'S',
      ' ',
      '-',
      '.',
      '1',
      'é',
      '解',
      '約',
      '率',
      'チ',
      'ャ',
      'ン',
      'ー',
      'Ｎ',
      '*',
      '(',
    ];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('t1', 't2', 't3', 't4'), word), { minLength: 1, maxLength: 8 }),
        // Text pieces: a name (index into the list, any case), a random word, or a separator, joined
        // without spaces so names also sit inside and against other words.
        fc.array(
          fc.oneof(
            fc.tuple(fc.nat(), fc.boolean()).map(([i, upper]) => ({ name: i, upper })),
            word,
            fc.constantFrom(' ', ', '),
          ),
          { maxLength: 30 },
        ),
        (pairs, pieces) => {
          const names = pairs.map(([id, name]) => ({ id, name }));
          const text = pieces
            .map((p) => {
              if (typeof p === 'string') return p;
              const n = names[p.name % names.length].name;
              return p.upper ? n.toUpperCase() : n;
            })
            .join('');
          const byId = new Map<string, string[]>();
          for (const n of names) byId.set(n.id, [...(byId.get(n.id) ?? []), n.name]);
          const ts = [...byId].map(([id, ns]) => ({ id, names: ns, definition: 'd', href: `/g/${id}/` }));
          const html = annotateTerms(`<p>${escapeHtml(text)}</p>`, ts);
          const got = [...html.matchAll(/aria-describedby="gloss-([^"]+)">([^<]*)<\/a>/g)].map(
            (m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<')] as [string, string],
          );
          // The oracle lists names per term in the order given, as annotateTerms receives them.
          const ordered = ts.flatMap((t) => t.names.map((name) => ({ id: t.id, name })));
          expect(got).toEqual(referenceMarks(text, ordered));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
