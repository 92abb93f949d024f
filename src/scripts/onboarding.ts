/** Onboarding page: checkboxes kept in localStorage, progress per section and overall. */
import { computeProgress, readProgress, serialise, storageKey } from '../lib/onboarding-progress.ts';
import { readKept } from './kept-notice.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-track]')) {
  const key = storageKey(root.dataset.track!);
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-item]')];
  const sections = [...root.querySelectorAll<HTMLElement>('section[data-section]')].map((s) => ({
    id: s.dataset.section!,
    items: [...s.querySelectorAll<HTMLInputElement>('input[data-item]')].map((b) => b.dataset.item!),
  }));
  // Unreadable progress is set aside (Download / Discard), never overwritten by the next tick.
  const { write, value: done } = readKept(key, readProgress, new Set<string>());
  const render = () => {
    const p = computeProgress(sections, done);
    const set = (id: string, d: number, tot: number) => {
      const label = root.querySelector(`[data-progress="${id}"]`);
      const bar = root.querySelector<HTMLProgressElement>(`[data-progress-bar="${id}"]`);
      if (label) label.textContent = `${d} / ${tot}`;
      if (bar) bar.value = d;
    };
    set('overall', p.done, p.total);
    for (const [id, s] of Object.entries(p.sections)) set(id, s.done, s.total);
  };
  for (const b of boxes) {
    b.checked = done.has(b.dataset.item!);
    b.addEventListener('change', () => {
      if (b.checked) done.add(b.dataset.item!); else done.delete(b.dataset.item!);
      write(serialise(done)); // storage full, blocked or its unreadable value not yet kept: progress lives in the page only
      render();
    });
  }
  render();
}
