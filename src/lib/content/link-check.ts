/**
 * The internal link checker: every link and resource of every built page (both languages) must point
 * at a file the build wrote, under the site's base path. Pure: the caller lists the built files.
 */

export interface BrokenLink {
  /** The page's file in dist/, e.g. "ja/playbooks/kickoff/index.html". */
  page: string;
  /** 1-based line of the page's HTML. */
  line: number;
  href: string;
}

/** The URL path a built file is served at: "ja/x/index.html" → "/base/ja/x/". */
export function servedPath(file: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + file.replace(/(^|\/)index\.html$/, '$1');
}

const ATTR = /\s(?:href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi;
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Links (href, src) of the pages that point inside the site but at no built file. `files` are all
 * files of dist/ relative to it, with forward slashes.
 */
export function brokenLinks(pages: { file: string; html: string }[], files: ReadonlySet<string>, base: string): BrokenLink[] {
  const b = base.endsWith('/') ? base : `${base}/`;
  const origin = 'http://site.invalid';
  const out: BrokenLink[] = [];
  const exists = (path: string): boolean => {
    if (!path.startsWith(b)) return false;
    let rel = path.slice(b.length);
    try { rel = decodeURIComponent(rel); } catch { return false; }
    if (rel === '' || rel.endsWith('/')) return files.has(`${rel}index.html`);
    return files.has(rel) || files.has(`${rel}/index.html`);
  };
  for (const { file, html } of pages) {
    const pageUrl = new URL(servedPath(file, base), origin);
    // Links inside scripts and templates are not the page's links.
    const text = html.replace(/<script\b[\s\S]*?<\/script>/gi, (m) => m.replace(/[^\n]/g, ' '));
    for (const m of text.matchAll(ATTR)) {
      const href = decode(m[2] ?? m[3] ?? '').trim();
      if (!href || href.startsWith('#') || /^(?:data|mailto|tel|blob):/i.test(href)) continue;
      let url: URL;
      try { url = new URL(href, pageUrl); } catch { continue; }
      if (url.origin !== origin) continue;
      if (!exists(url.pathname)) out.push({ page: file, line: html.slice(0, m.index).split('\n').length, href });
    }
  }
  return out;
}
