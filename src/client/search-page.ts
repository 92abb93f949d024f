/** The search page: the full ranked list for ?q=…, the same ranking as the header box, updated as you type. */
import { fetchIndex, renderResults } from './search-ui.ts';
import { search } from '../lib/search/rank.ts';
import type { LoadedIndex } from '../lib/search/load.ts';
import type { SearchLabels } from '../i18n/ui-search.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const out = document.querySelector<HTMLElement>('[data-search-page-results]')!;
  const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
  const labels = JSON.parse(form.dataset.labels!) as SearchLabels;
  const loaded = fetchIndex(form.dataset.index!);
  const run = async () => {
    const q = input.value;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q.trim()) {
      out.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = labels.loading;
    let idx: LoadedIndex;
    // Only fetching and reading the index can fail (network, a stale file); say so on the page.
    try {
      idx = await loaded;
    } catch {
      status.textContent = labels.error;
      return;
    }
    // Unpacking the index is one long task; let the browser breathe before querying and rendering.
    await new Promise((done) => setTimeout(done, 0));
    if (q !== input.value) return;
    const results = search(idx, q, { limit: 50 });
    renderResults(out, results, labels, form.dataset.base!, form.dataset.lang!, 'sp', false);
    status.textContent = results.length ? `${results.length} ${labels.results}` : labels.none;
  };
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  void run();
}
