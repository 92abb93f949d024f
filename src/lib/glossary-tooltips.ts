/**
 * Marks the first use of each glossary term in rendered HTML so its definition shows on hover and
 * focus. Works on the HTML string of a rendered Markdown body: only text outside links, code,
 * headings and existing term marks is touched; the definition is escaped text. Pure.
 */
export interface TooltipTerm {
  id: string;
  /** Names to look for (term, abbreviation, aliases) in the page's language. */
  names: string[];
  definition: string;
  href: string;
}

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'abbr', 'button', 'kbd']);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LATIN = /[A-Za-z0-9]/;

/**
 * The expression that finds a name in escaped HTML text: whole words, ignoring case, for Latin names;
 * a plain substring for Japanese. Compiled once per name for the whole build (every playbook page
 * looks for every glossary name); not global, so exec() keeps no state between texts.
 */
const matchers = new Map<string, RegExp>();
function matcher(name: string): RegExp {
  let re = matchers.get(name);
  if (!re) {
    const n = escapeRegExp(escapeHtml(name));
    re = LATIN.test(name) ? new RegExp(`(?<![A-Za-z0-9])${n}(?![A-Za-z0-9])`, 'i') : new RegExp(n);
    matchers.set(name, re);
  }
  return re;
}

export function annotateTerms(html: string, terms: TooltipTerm[], idPrefix = 'gloss'): string {
  const candidates = terms
    .flatMap((t) => t.names.filter((n) => (LATIN.test(n) ? n.length >= 3 : n.length >= 2)).map((name) => ({ term: t, name })))
    .sort((a, b) => b.name.length - a.name.length);
  if (candidates.length === 0) return html;
  const used = new Set<string>();
  const parts = html.split(/(<[^>]+>)/);
  const stack: string[] = [];
  let skipDepth = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith('<')) {
      const m = /^<\/?([a-zA-Z0-9]+)/.exec(part);
      if (!m) continue;
      const tag = m[1].toLowerCase();
      if (part.startsWith('</')) {
        if (SKIP.has(tag) && stack.length && stack[stack.length - 1] === tag) { stack.pop(); skipDepth--; }
      } else if (SKIP.has(tag) && !part.endsWith('/>')) { stack.push(tag); skipDepth++; }
      continue;
    }
    if (skipDepth > 0 || !part.trim()) continue;
    parts[i] = annotateText(part, candidates, used, idPrefix);
  }
  return parts.join('');
}

function annotateText(text: string, candidates: { term: TooltipTerm; name: string }[], used: Set<string>, idPrefix: string): string {
  let best: { index: number; length: number; term: TooltipTerm } | undefined;
  for (const c of candidates) {
    if (used.has(c.term.id)) continue;
    const m = matcher(c.name).exec(text);
    if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length))) best = { index: m.index, length: m[0].length, term: c.term };
  }
  if (!best) return text;
  used.add(best.term.id);
  const before = text.slice(0, best.index);
  const word = text.slice(best.index, best.index + best.length);
  const after = text.slice(best.index + best.length);
  const id = `${idPrefix}-${best.term.id}`;
  const mark = `<span class="gloss"><a class="gloss-term" href="${escapeHtml(best.term.href)}" aria-describedby="${id}">${word}</a><span class="gloss-tip" role="tooltip" id="${id}">${escapeHtml(best.term.definition)}</span></span>`;
  return before + mark + annotateText(after, candidates, used, idPrefix);
}
