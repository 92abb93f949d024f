/**
 * Search results for the header box and the search page: fetch the index, query, render as text.
 * Both show the same ranked list (best first, each hit with its type), so a query ranks the same
 * way in the dropdown and on the page; the page just shows more.
 */
import { loadIndex, type LoadedIndex } from '../lib/search/load.ts';
import { search, type SearchResult } from '../lib/search/rank.ts';
import { highlight, snippet } from '../lib/search/highlight.ts';
import type { SearchLabels } from '../i18n/ui-search.ts';

const indexes = new Map<string, Promise<LoadedIndex>>();
export function fetchIndex(url: string): Promise<LoadedIndex> {
  let p = indexes.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.text();
      })
      .then(loadIndex);
    indexes.set(url, p);
  }
  return p;
}

function href(base: string, lang: string, path: string): string {
  return base.replace(/\/?$/, '/') + (lang === 'ja' ? 'ja/' : '') + path.replace(/^\//, '');
}

/** An element with a class and optional text (text is always set as text, never as HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Text with the matched words wrapped in <mark>, as DOM text nodes. */
function highlighted(className: string, text: string, matched: string[]): HTMLSpanElement {
  const span = el('span', className);
  for (const seg of highlight(text, matched)) span.append(seg.hit ? el('mark', '', seg.text) : seg.text);
  return span;
}

/** "Found through the synonym “…”" and the like, or nothing when the page has the query's own words. */
export function reasonText(r: SearchResult, labels: SearchLabels): string | undefined {
  if (!r.reason) return undefined;
  const { kind, text } = r.reason;
  const label =
    kind === 'intent'
      ? labels.why.intent
      : kind === 'synonym'
        ? labels.why.synonym
        : /^[a-z0-9]/i.test(text)
          ? labels.why.en
          : labels.why.ja;
  return label.replaceAll('{word}', text);
}

/** How hits are drawn: the page's labels, base path and language, and a prefix for their ids. */
export interface HitsOptions {
  labels: SearchLabels;
  base: string;
  lang: string;
  idPrefix: string;
  /** Results are options of a listbox (header popup); plain links on the search page. */
  asOptions: boolean;
}

export function renderResults(container: HTMLElement, results: SearchResult[], o: HitsOptions): HTMLElement {
  container.replaceChildren();
  // Options sit directly in the listbox; the page gets an ordered list of links.
  const list: HTMLElement = o.asOptions ? container : el('ol', 'search-list');
  appendHits(list, results, o);
  if (list !== container) container.append(list);
  return list;
}

/** Adds hits to a list renderResults made (the search page draws a long list in a few short tasks). */
export function appendHits(list: HTMLElement, results: SearchResult[], o: HitsOptions) {
  const { labels, base, lang, idPrefix, asOptions } = o;
  for (const r of results) {
    const a = el('a', 'search-hit');
    a.href = href(base, lang, r.doc.path);
    a.id = `${idPrefix}-${r.doc.id.replace(/[^a-z0-9-]/gi, '-')}`;
    if (asOptions) a.setAttribute('role', 'option');
    a.append(
      el('span', 'badge', labels.types[r.doc.type] ?? r.doc.type),
      ' ',
      highlighted('search-hit-title', r.doc.title, r.matched),
    );
    if (r.doc.en) a.append(' ', el('span', 'badge search-hit-lang', labels.untranslated));
    const why = reasonText(r, labels);
    if (why) a.append(el('span', 'search-hit-why', why));
    // The dropdown keeps snippets short (a Japanese character is about two Latin ones wide).
    const len = (asOptions ? 100 : 160) / (lang === 'ja' ? 1.6 : 1);
    a.append(highlighted('search-hit-snippet', snippet(r.doc.text, r.matched, len), r.matched));
    if (asOptions) list.append(a);
    else {
      const li = el('li', 'search-item');
      li.append(a);
      list.append(li);
    }
  }
}

export function attachSearch(form: HTMLFormElement, input: HTMLInputElement) {
  const box = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const labels = JSON.parse(form.dataset.labels!) as SearchLabels;
  const base = form.dataset.base!;
  const lang = form.dataset.lang!;
  const loaded = fetchIndex(form.dataset.index!);
  loaded.catch(() => {
    status.textContent = labels.error;
  });
  let active = -1;
  const options = () => [...box.querySelectorAll<HTMLAnchorElement>('a[role="option"]')];
  const setActive = (i: number) => {
    const opts = options();
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === i)));
    active = i;
    if (i >= 0 && opts[i]) {
      input.setAttribute('aria-activedescendant', opts[i].id);
      opts[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    box.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const run = async () => {
    const q = input.value;
    if (!q.trim()) {
      close();
      status.textContent = '';
      return;
    }
    let idx: LoadedIndex;
    try {
      idx = await loaded;
    } catch {
      status.textContent = labels.error;
      return;
    }
    if (q !== input.value) return;
    const results = search(idx, q, { limit: 8 });
    // A listbox holds only options: the "nothing found" line is a disabled one, "see all" a last link.
    if (results.length === 0) {
      const none = el('p', 'search-none', labels.none);
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      box.replaceChildren(none);
    } else {
      renderResults(box, results, { labels, base, lang, idPrefix: 'sr', asOptions: true });
      const all = el('a', 'search-all', labels.all);
      all.href = `${form.action}?q=${encodeURIComponent(q)}`;
      all.id = 'sr-all';
      all.setAttribute('role', 'option');
      box.append(all);
    }
    status.textContent = results.length ? `${results.length} ${labels.results}` : labels.none;
    box.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };
  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (e) => {
    const opts = options();
    if (e.key === 'ArrowDown' && opts.length) {
      e.preventDefault();
      setActive((active + 1) % opts.length);
    } else if (e.key === 'ArrowUp' && opts.length) {
      e.preventDefault();
      setActive(active <= 0 ? opts.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0 && opts[active]) {
      e.preventDefault();
      location.href = opts[active].href;
    } else if (e.key === 'Escape') {
      close();
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node)) close();
  });
  if (input.value) void run();
}
