/** Playbook library: filters and sort applied without a reload, kept in the URL. */
import { collator, isLocale } from '../i18n/locales.ts';
import {
  applyFilters,
  facetCounts,
  FILTER_KEYS,
  parseFilterQuery,
  toFilterQuery,
  type FilterState,
  type PlaybookFacets,
} from '../lib/playbook-filter.ts';

const root = document.querySelector<HTMLElement>('[data-playbook-library]');
if (root) {
  const lang = document.documentElement.lang;
  // The page sorted with the same collator (src/lib/content/playbook-library.ts).
  const coll = collator(isLocale(lang) ? lang : 'en');
  const list = root.querySelector<HTMLElement>('[data-results]')!;
  const items = new Map([...list.querySelectorAll<HTMLElement>('[data-facets]')].map((li) => [li.dataset.id!, li]));
  const all: PlaybookFacets[] = [...items.values()].map((li) => JSON.parse(li.dataset.facets!));
  const form = root.querySelector<HTMLFormElement>('form')!;
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const template = count.dataset.template!;

  const read = (): FilterState => {
    const fd = new FormData(form);
    const s = new URLSearchParams();
    for (const [k, v] of fd) if (typeof v === 'string' && v) s.set(k, v);
    return parseFilterQuery(s.toString());
  };
  const write = (state: FilterState) => {
    for (const k of FILTER_KEYS) (form.elements.namedItem(k) as HTMLSelectElement).value = state.filters[k] ?? '';
    (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  };
  const render = (state: FilterState) => {
    const ids = applyFilters(all, state, coll.compare);
    for (const li of items.values()) li.hidden = true;
    for (const id of ids) {
      const li = items.get(id)!;
      li.hidden = false;
      list.appendChild(li);
    }
    count.textContent = template.replace('{n}', String(ids.length)).replace('{total}', String(all.length));
    const counts = facetCounts(all, state.filters);
    for (const k of FILTER_KEYS)
      for (const opt of (form.elements.namedItem(k) as HTMLSelectElement).options)
        if (opt.value) opt.textContent = `${opt.dataset.label} (${counts[k][opt.value] ?? 0})`;
  };
  const update = () => {
    const state = read();
    history.replaceState(null, '', location.pathname + toFilterQuery(state) + location.hash);
    render(state);
  };
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', () => setTimeout(update));
  const initial = parseFilterQuery(location.search);
  write(initial);
  render(initial);
}
