/**
 * What the content check refuses beyond the schemas: files that are not UTF-8, and Markdown that would
 * break at run time (resources from other origins); the internal link checker over built pages; table
 * alignment as classes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { encodingProblem, guessEncoding } from '../../src/lib/content/encoding.ts';
import { internalLinks, markdownProblems } from '../../src/lib/content/markdown-check.ts';
import { brokenLinks, servedPath } from '../../src/lib/content/link-check.ts';
import { alignClass, alignClasses } from '../../src/lib/markdown/align-classes.ts';

const shipped = readContentFiles('.');
const withFile = (path: string, bytes: Uint8Array): SourceFile[] => [
  ...shipped.filter((f) => f.path !== path),
  { path, text: Buffer.from(bytes).toString('utf8'), bytes },
];

describe('content files that are not UTF-8', () => {
  it('a Shift_JIS translation fails with exactly one line', () => {
    const bytes = readFileSync('test/fixtures/broken/sjis-translation.md');
    const problems = checkContent(withFile('content/playbooks/ja/kickoff.md', bytes)).problems.map(formatProblem);
    expect(problems).toEqual(['content/playbooks/ja/kickoff.md: not UTF-8 (looks like Shift_JIS); save it as UTF-8']);
  });
  it('a Shift_JIS glossary file too, and the files that refer to it do not add lines', () => {
    const encoded = readFileSync('test/fixtures/broken/sjis-translation.md');
    const problems = checkContent(withFile('content/glossary/churn.yaml', encoded)).problems.map(formatProblem);
    expect(problems).toEqual(['content/glossary/churn.yaml: not UTF-8 (looks like Shift_JIS); save it as UTF-8']);
  });
  it('tells UTF-16 and unknown bytes from Shift_JIS', () => {
    expect(guessEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('UTF-16');
    expect(encodingProblem(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe(
      'not UTF-8 (looks like UTF-16); save it as UTF-8',
    );
    expect(encodingProblem(new Uint8Array([0x61, 0xc3, 0x28]))).toBe('not UTF-8; save it as UTF-8');
    expect(encodingProblem(new TextEncoder().encode('\uFEFF日本語 ok'))).toBeNull();
  });
  it('never throws and never flags UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => encodingProblem(new TextEncoder().encode(s)) === null),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        encodingProblem(b);
        return true;
      }),
    );
  });
});

describe('Markdown the build refuses', () => {
  it('an image from another origin, naming the line', () => {
    const text = readFileSync('test/fixtures/broken/external-image.md', 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('cdn.example.com')) + 1;
    const problems = checkContent([
      ...shipped.filter((f) => f.path !== 'content/playbooks/en/kickoff.md'),
      { path: 'content/playbooks/en/kickoff.md', text },
    ]).problems.map(formatProblem);
    expect(problems).toEqual([
      `content/playbooks/en/kickoff.md: line ${line}: image from another origin (https://cdn.example.com/kickoff.png): the site loads nothing from other origins, so readers would see nothing; put the file in public/ and link it from the site`,
    ]);
  });
  it('iframes, HTML images and protocol-relative URLs; not code, not same-origin files, not links', () => {
    const body = [
      'Intro',
      '<iframe src="https://www.youtube.com/embed/x"></iframe>',
      '<img alt="x" src=//cdn.example.com/a.png>',
      '`![not](https://a.example/x.png)` in code',
      '```',
      '![fenced](https://b.example/x.png)',
      '```',
      '![local](/diagram.svg) and a [link](https://example.com/doc)',
    ].join('\n');
    expect(markdownProblems(body, 'f.md', 10).map((p) => `${p.path} ${p.message.split(':')[0]}`)).toEqual([
      'line 11 iframe from another origin (https',
      'line 12 image from another origin (//cdn.example.com/a.png)',
    ]);
  });
  it("lists the body's internal links with their lines", () => {
    expect(
      internalLinks(
        'See [a](/playbooks/kickoff/) and [b](https://x.example/) and [c](#top)\n<a href="../glossary/churn/">churn</a> `[d](/no/)`',
        5,
      ),
    ).toEqual([
      { line: 5, href: '/playbooks/kickoff/' },
      { line: 6, href: '../glossary/churn/' },
    ]);
  });
});

describe('internal link checker', () => {
  const files = new Set([
    'index.html',
    'playbooks/kickoff/index.html',
    'ja/playbooks/kickoff/index.html',
    'favicon.svg',
    '_astro/a.js',
  ]);
  const page = (file: string, body: string) => ({ file, html: `<!doctype html>\n<html>\n${body}\n</html>` });
  it('finds links to pages that do not exist, with the page and line, in both languages', () => {
    const pages = [
      page(
        'playbooks/kickoff/index.html',
        '<a href="/playbooks/kickoff/">ok</a>\n<a href="/playbooks/nope/">x</a>\n<img src="/favicon.svg">',
      ),
      page(
        'ja/playbooks/kickoff/index.html',
        '<a href="../../../playbooks/kickoff/">ok</a>\n<a href="/ja/glossary/">x</a> <a href="https://example.com/">ext</a> <a href="#a">frag</a>',
      ),
    ];
    expect(brokenLinks(pages, files, '/')).toEqual([
      { page: 'playbooks/kickoff/index.html', line: 4, href: '/playbooks/nope/' },
      { page: 'ja/playbooks/kickoff/index.html', line: 4, href: '/ja/glossary/' },
    ]);
  });
  it('knows the base path: a link that leaves it is broken', () => {
    expect(servedPath('ja/x/index.html', '/banso')).toBe('/banso/ja/x/');
    const pages = [
      page(
        'index.html',
        '<a href="/banso/playbooks/kickoff/">ok</a> <a href="/playbooks/kickoff/">no base</a> <script src="/banso/_astro/a.js"></script>',
      ),
    ];
    expect(brokenLinks(pages, files, '/banso/')).toEqual([
      { page: 'index.html', line: 3, href: '/playbooks/kickoff/' },
    ]);
  });
});

describe('table alignment', () => {
  it('becomes a class, never an align attribute or a style', async () => {
    const { markdownToHtml } = await import('satteri');
    const md = '| a | b | c |\n| :-: | --: | --- |\n| 1 | 2 | 3 |\n';
    expect(markdownToHtml(md).html).toContain('style="text-align: center"'); // what the CSP would block
    const html = markdownToHtml(md, { hastPlugins: [alignClasses as never] }).html;
    expect(html).toContain('<th class="align-center">a</th>');
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).toContain('<td>3</td>');
    expect(html).not.toMatch(/style=|\salign=/);
    expect(alignClass({ align: 'LEFT' })).toBe('align-left');
    expect(alignClass({ style: 'color: red' })).toBeNull();
  });
});
