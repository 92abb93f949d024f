/** The search page: the full ranked list for ?q=…, the same ranking as the header box, updated as you type. */
import { appendHits, fetchIndex, renderResults } from './search-ui.ts';
import { search } from '../lib/search/rank.ts';
import { warmQuery } from '../lib/search/plan.ts';
import type { LoadedIndex } from '../lib/search/load.ts';
import type { SearchLabels } from '../i18n/ui-search.ts';

/** Hits drawn in the first task (a phone's screen and more; global.css lays them out at once), then per task. */
const FIRST_HITS = 8;
const HITS_PER_TASK = 8;
const nextTask = () => new Promise((done) => setTimeout(done, 0));

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const out = document.querySelector<HTMLElement>('[data-search-page-results]')!;
  const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
  const labels = JSON.parse(form.dataset.labels!) as SearchLabels;
  const loaded = fetchIndex(form.dataset.index!);
  // A newer run (typing, submitting) stops an older one between its tasks.
  let runs = 0;
  const run = async () => {
    const id = ++runs;
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
    // Unpacking the index, preparing the first query, querying and drawing are each a task of their
    // own, and the list is drawn a few hits per task, so none of them holds a phone's main thread long.
    await nextTask();
    if (id !== runs || q !== input.value) return;
    warmQuery(idx);
    await nextTask();
    if (id !== runs || q !== input.value) return;
    const results = search(idx, q, { limit: 50 });
    await nextTask();
    if (id !== runs) return;
    const hits = { labels, base: form.dataset.base!, lang: form.dataset.lang!, idPrefix: 'sp', asOptions: false };
    const list = renderResults(out, results.slice(0, FIRST_HITS), hits);
    status.textContent = results.length ? `${results.length} ${labels.results}` : labels.none;
    for (let i = FIRST_HITS; i < results.length; i += HITS_PER_TASK) {
      await nextTask();
      if (id !== runs) return;
      appendHits(list, results.slice(i, i + HITS_PER_TASK), hits);
    }
  };
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  void run();
}
