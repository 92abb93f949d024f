import { describe, expect, it } from 'vitest';
import { annotateTerms, escapeHtml } from '../../src/lib/glossary-tooltips.ts';

const terms = [
  { id: 'churn', names: ['Churn', 'attrition'], definition: 'When a customer <leaves> & stops paying.', href: '/glossary/churn/' },
  { id: 'health-score', names: ['health score'], definition: 'A weighted score.', href: '/glossary/health-score/' },
  { id: 'nps', names: ['NPS', 'Net Promoter Score'], definition: 'Promoters minus detractors.', href: '/glossary/nps/' },
  { id: 'churn-ja', names: ['チャーン', '解約'], definition: '解約のこと。', href: '/ja/glossary/churn/' },
];

describe('glossary tooltips', () => {
  it('marks only the first use of each term, with the escaped definition as a tooltip', () => {
    const out = annotateTerms('<p>Churn hurts. More churn later. The health score drops.</p>', terms);
    expect(out.match(/class="gloss"/g)).toHaveLength(2);
    expect(out).toContain('<a class="gloss-term" href="/glossary/churn/" aria-describedby="gloss-churn">Churn</a>');
    expect(out).toContain('<span class="gloss-tip" role="tooltip" id="gloss-churn">When a customer &lt;leaves&gt; &amp; stops paying.</span>');
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
    expect(out).toContain('今期の<span class="gloss"><a class="gloss-term" href="/ja/glossary/churn/" aria-describedby="gloss-churn-ja">解約</a>');
    expect(out).toContain('率を確認します。');
  });
  it('never lets a definition inject HTML', () => {
    expect(escapeHtml('<script>"x"</script>')).toBe('&lt;script&gt;&quot;x&quot;&lt;/script&gt;');
    const out = annotateTerms('<p>churn</p>', [{ id: 'x', names: ['churn'], definition: '<img src=x onerror=alert(1)>', href: '/g/' }]);
    expect(out).not.toContain('<img');
  });
});
