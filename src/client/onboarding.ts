/**
 * Onboarding track page: ticked items and the start date kept in localStorage, progress per phase and
 * overall, the current phase opened and this week's items listed first.
 */
import {
  computeProgress,
  readState,
  schedule,
  serialiseState,
  storageKey,
  trackDay,
  type TrackState,
} from '../lib/onboarding-progress.ts';
import { readKept } from './kept-notice.ts';
import { localToday } from './local-date.ts';

const fill = (tpl: string, v: Record<string, string | number>) =>
  tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

for (const root of document.querySelectorAll<HTMLElement>('[data-track]')) {
  const d = root.dataset;
  const key = storageKey(d.track!);
  const meta = JSON.parse(d.sections!) as { id: string; dueDay: number; name: string }[];
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-item]')];
  const phases = [...root.querySelectorAll<HTMLDetailsElement>('details[data-section]')];
  const sections = phases.map((s, i) => ({
    id: s.dataset.section!,
    dueDay: meta[i].dueDay,
    items: [...s.querySelectorAll<HTMLInputElement>('input[data-item]')].map((b) => b.dataset.item!),
  }));
  const startInput = root.querySelector<HTMLInputElement>('[data-start]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-start-clear]')!;
  const dayLine = root.querySelector<HTMLElement>('[data-day-line]')!;
  const week = root.querySelector<HTMLElement>('[data-this-week]')!;
  // Unreadable progress is set aside (Download / Discard), never overwritten by the next tick or date.
  const kept = readKept<TrackState, string>(key, readState, { done: new Set() });
  const state: TrackState = kept.value;
  const store = () => kept.write(serialiseState(state)); // storage full, blocked or unreadable value not yet kept: lives in the page only

  const list = (name: string, ids: string[]) => {
    const ul = week.querySelector(`[data-list="${name}"]`)!;
    ul.replaceChildren(
      ...ids.map((id) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#item-${id}`;
        a.textContent = root.querySelector(`#ttl-${id}`)!.textContent;
        a.addEventListener('click', () => {
          const p = root.querySelector(`#item-${id}`)?.closest('details');
          if (p) p.open = true;
        });
        li.append(a);
        return li;
      }),
    );
  };

  const render = (openCurrent: boolean) => {
    const p = computeProgress(sections, state.done);
    const set = (id: string, n: number, tot: number) => {
      const label = root.querySelector(`[data-progress="${id}"]`);
      const bar = root.querySelector<HTMLProgressElement>(`[data-progress-bar="${id}"]`);
      if (label) label.textContent = `${n} / ${tot}`;
      if (bar) bar.value = n;
    };
    set('overall', p.done, p.total);
    for (const [id, s] of Object.entries(p.sections)) set(id, s.done, s.total);
    startInput.value = state.start ?? '';
    clear.hidden = !state.start;
    week.hidden = !state.start;
    for (const li of root.querySelectorAll('li.week')) li.classList.remove('week');
    for (const el of root.querySelectorAll<HTMLElement>('[data-due]')) el.textContent = '';
    if (!state.start) {
      dayLine.textContent = '';
      return;
    }
    const today = localToday();
    const day = trackDay(state.start, today);
    const s = schedule(sections, day, state.done);
    const cur = meta.find((m) => m.id === s.current)!;
    dayLine.textContent =
      day < 1 ? fill(d.tBefore!, { date: state.start }) : fill(d.tDay!, { day, total: d.lastDay!, phase: cur.name });
    list('week', s.thisWeek);
    list('next', s.next);
    week.querySelector<HTMLElement>('[data-week-none]')!.hidden = s.thisWeek.length > 0;
    for (const id of s.thisWeek) root.querySelector(`#item-${id}`)?.classList.add('week');
    for (const el of root.querySelectorAll<HTMLElement>('[data-due]'))
      el.textContent = fill(d.tDue!, { n: s.due[el.dataset.due!] });
    for (const ph of phases) {
      ph.classList.toggle('current', ph.dataset.section === s.current);
      if (openCurrent) ph.open = ph.dataset.section === s.current;
    }
  };

  for (const b of boxes) {
    b.checked = state.done.has(b.dataset.item!);
    b.addEventListener('change', () => {
      if (b.checked) state.done.add(b.dataset.item!);
      else state.done.delete(b.dataset.item!);
      store();
      render(false);
    });
  }
  startInput.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startInput.value)) return;
    state.start = startInput.value;
    store();
    render(true);
    dayLine.textContent =
      fill(d.tSaved!, { date: state.start, day: Math.max(1, trackDay(state.start, localToday())) }) +
      ' ' +
      dayLine.textContent;
  });
  clear.addEventListener('click', () => {
    delete state.start;
    store();
    render(false);
    dayLine.textContent = d.tCleared!;
    startInput.focus();
  });
  addEventListener('beforeprint', () => {
    for (const ph of phases) ph.open = true;
  });
  render(true);
}
