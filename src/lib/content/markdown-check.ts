/**
 * What the build refuses in a Markdown body, found in the source so the message can name the line:
 * an image, iframe or other embedded resource from another origin (the site loads nothing from other
 * origins; its Content-Security-Policy would block it and the reader would see a broken box). Also
 * lists the body's site-internal links, which the build checks against the built pages
 * (src/lib/content/link-check.ts). Text in code blocks and code spans is not looked at. Pure.
 */
import type { ContentProblem } from './types.ts';

export interface BodyLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

/** The body's lines outside fenced code blocks, with code spans blanked out. */
export function proseLines(body: string, firstLine: number): BodyLine[] {
  const out: BodyLine[] = [];
  let fence: string | null = null;
  body.split(/\r\n|\r|\n/).forEach((text, i) => {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && text.trim() === open[1]) fence = null;
      return;
    }
    if (open) { fence = open[1]; return; }
    if (/^( {4}|\t)/.test(text) && text.trim()) return; // indented code
    out.push({ line: firstLine + i, text: text.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)) });
  });
  return out;
}

const EXTERNAL = /^\s*<?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
/** Markdown images: ![alt](url "title") and ![alt](<url>). */
const MD_IMAGE = /!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)/g;
/** HTML elements that load a resource. */
const HTML_EMBED = /<(img|iframe|video|audio|source|track|embed|object|script|link|picture|frame)\b([^>]*)>?/gi;
const URL_ATTR = /\b(src|srcset|data|href|poster)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
/** Markdown links [text](url) (not images) and HTML anchors. */
const MD_LINK = /(?<!!)\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)/g;
const HTML_LINK = /<a\b[^>]*\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

const unwrap = (v: string) => v.replace(/^["'<]|["'>]$/g, '').trim();

export function markdownProblems(body: string, file: string, firstLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const refuse = (line: number, what: string, url: string) =>
    problems.push({
      file,
      path: `line ${line}`,
      message: `${what} from another origin (${url}): the site loads nothing from other origins, so readers would see nothing; put the file in public/ and link it from the site`,
    });
  for (const { line, text } of proseLines(body, firstLine)) {
    for (const m of text.matchAll(MD_IMAGE)) {
      const url = unwrap(m[1]);
      if (EXTERNAL.test(url)) refuse(line, 'image', url);
    }
    for (const m of text.matchAll(HTML_EMBED)) {
      for (const a of (m[2] ?? '').matchAll(URL_ATTR)) {
        const urls = a[1].toLowerCase() === 'srcset' ? unwrap(a[2]).split(',').map((s) => s.trim().split(/\s+/)[0]) : [unwrap(a[2])];
        const external = urls.find((u) => EXTERNAL.test(u));
        if (external) { refuse(line, m[1].toLowerCase() === 'img' ? 'image' : m[1].toLowerCase(), external); break; }
      }
    }
  }
  return problems;
}

/** Links in the body to a page of this site (not other origins, not mail, not fragments alone). */
export function internalLinks(body: string, firstLine: number): { line: number; href: string }[] {
  const out: { line: number; href: string }[] = [];
  for (const { line, text } of proseLines(body, firstLine)) {
    for (const m of [...text.matchAll(MD_LINK), ...text.matchAll(HTML_LINK)]) {
      const href = unwrap(m[1]);
      if (!href || href.startsWith('#') || EXTERNAL.test(href) || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      out.push({ line, href });
    }
  }
  return out;
}
