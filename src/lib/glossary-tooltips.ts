/**
 * Marks the first use of each glossary term in a rendered Markdown body so its definition shows on
 * hover and focus. A transform over the HTML tree (parsed by the Markdown processor's own parser,
 * Sätteri, written back with hast-util-to-html): only text outside links, code, headings, buttons and
 * existing abbreviations is touched, and the definition is a text node, never HTML. Pure.
 *
 * It runs on the page (src/components/GlossaryText.astro), not as a plugin inside the Markdown
 * pipeline, because what it inserts depends on the page: the definitions and links are in the page's
 * language while the names are found in the body's (a Japanese page may show an English body), and
 * the policy texts put into the body after rendering are read too.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';

export interface TooltipTerm {
  id: string;
  /** Names to look for (term, abbreviation, aliases) in the page's language. */
  names: string[];
  definition: string;
  href: string;
}

/** Elements whose text is never marked (a term inside them is already a link, code, a title or a control). */
const SKIP = new Set([
  'a',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
  'abbr',
  'button',
  'kbd',
  'template',
  'textarea',
  'svg',
  'math',
]);

const LATIN = /[A-Za-z0-9]/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The expression that finds a name in text: whole words, ignoring case, for Latin names; a plain
 * substring for Japanese. Compiled once per name for the whole build (every playbook page looks for
 * every glossary name); not global, so exec() keeps no state between texts.
 */
const matchers = new Map<string, RegExp>();
function matcher(name: string): RegExp {
  let re = matchers.get(name);
  if (!re) {
    const n = escapeRegExp(name);
    re = LATIN.test(name) ? new RegExp(`(?<![A-Za-z0-9])${n}(?![A-Za-z0-9])`, 'i') : new RegExp(n);
    matchers.set(name, re);
  }
  return re;
}

interface Candidate {
  term: TooltipTerm;
  name: string;
}

/** Names worth looking for (Latin: 3 characters or more; Japanese: 2 or more), longest first. */
function candidatesOf(terms: TooltipTerm[]): Candidate[] {
  return terms
    .flatMap((t) =>
      t.names.filter((n) => (LATIN.test(n) ? n.length >= 3 : n.length >= 2)).map((name) => ({ term: t, name })),
    )
    .sort((a, b) => b.name.length - a.name.length);
}

const text = (value: string): Text => ({ type: 'text', value });

/** The mark: the word as a link to the term's page, described by the definition shown as a tooltip. */
function mark(word: string, term: TooltipTerm, idPrefix: string): Element {
  const id = `${idPrefix}-${term.id}`;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['gloss'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['gloss-term'], href: term.href, ariaDescribedBy: [id] },
        children: [text(word)],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['gloss-tip'], role: 'tooltip', id },
        children: [text(term.definition)],
      },
    ],
  };
}

/** A text split into plain text and marks for the terms not used yet (the earliest match first, then the longest). */
function annotateText(value: string, candidates: Candidate[], used: Set<string>, idPrefix: string): ElementContent[] {
  let best: { index: number; length: number; term: TooltipTerm } | undefined;
  for (const c of candidates) {
    if (used.has(c.term.id)) continue;
    const m = matcher(c.name).exec(value);
    if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)))
      best = { index: m.index, length: m[0].length, term: c.term };
  }
  if (!best) return [text(value)];
  used.add(best.term.id);
  const before = value.slice(0, best.index);
  const word = value.slice(best.index, best.index + best.length);
  const after = value.slice(best.index + best.length);
  return [
    ...(before ? [text(before)] : []),
    mark(word, best.term, idPrefix),
    ...(after ? annotateText(after, candidates, used, idPrefix) : []),
  ];
}

function walk(
  children: (RootContent | ElementContent)[],
  candidates: Candidate[],
  used: Set<string>,
  idPrefix: string,
): (RootContent | ElementContent)[] {
  const out: (RootContent | ElementContent)[] = [];
  for (const node of children) {
    if (node.type === 'text' && node.value.trim() !== '')
      out.push(...annotateText(node.value, candidates, used, idPrefix));
    else if (node.type === 'element' && !SKIP.has(node.tagName))
      out.push({ ...node, children: walk(node.children, candidates, used, idPrefix) as ElementContent[] });
    else out.push(node);
  }
  return out;
}

/** The tree with the first use of each term marked (a new tree; the given one is not changed). Returns the number of marks too. */
export function annotateTree(tree: Root, terms: TooltipTerm[], idPrefix = 'gloss'): { tree: Root; marked: number } {
  const candidates = candidatesOf(terms);
  const used = new Set<string>();
  if (candidates.length === 0) return { tree, marked: 0 };
  return {
    tree: { ...tree, children: walk(tree.children, candidates, used, idPrefix) as RootContent[] },
    marked: used.size,
  };
}

/** Character references other than the four any HTML writer uses for text (&amp; &lt; &gt; &quot;). */
const OTHER_REFERENCE = /&(?!(?:amp|lt|gt|quot);)/;
const NEVER_PREFILTERED = /[&<>"]|[^\x00-\x7f]/;

/**
 * Whether `name` can occur in a text of the fragment `html`, from the HTML source alone (`lower` is
 * `html` in lower case): a cheap test that lets a page skip most of the ~200 glossary names before its
 * texts are searched, and skip parsing when none is left. Never wrong the other way: a Latin name has
 * ASCII only (a case-insensitive match is then ASCII in the text, found in the lower-cased source), a
 * Japanese name is matched case-sensitively; a text reaches the source unchanged when the source has
 * no character reference but the four above, and names with those characters are always kept.
 */
function mayOccur(name: string, html: string, lower: string, plainText: boolean): boolean {
  if (!plainText) return true;
  if (!LATIN.test(name)) return !/[&<>"]/.test(name) ? html.includes(name) : true;
  return NEVER_PREFILTERED.test(name) || lower.includes(name.toLowerCase());
}

/** annotateTree on an HTML fragment; the HTML comes back unchanged when no term occurs in it. */
export function annotateTerms(html: string, terms: TooltipTerm[], idPrefix = 'gloss'): string {
  const lower = html.toLowerCase();
  const plainText = !OTHER_REFERENCE.test(html);
  const present = terms
    .map((t) => ({ ...t, names: t.names.filter((n) => mayOccur(n, html, lower, plainText)) }))
    .filter((t) => t.names.length > 0);
  if (present.length === 0) return html;
  const { tree, marked } = annotateTree(htmlToHast(html, { fragment: true }) as Root, present, idPrefix);
  if (marked === 0) return html;
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}
