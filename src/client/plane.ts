/** CS Ops plane: toggle the cells that are your position today, kept in localStorage. */
import { parsePosition, positionSpan, POSITION_KEY, serialisePosition } from '../lib/plane.ts';

const root = document.querySelector<HTMLElement>('[data-plane]');
if (root) {
  let cells = new Set<string>();
  try { cells = parsePosition(localStorage.getItem(POSITION_KEY)); } catch { /* storage blocked */ }
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-cell]')];
  const summary = root.querySelector<HTMLElement>('[data-position-summary]')!;
  const template = summary.dataset.template!;
  const render = () => {
    for (const b of buttons) {
      const on = cells.has(b.dataset.cell!);
      b.setAttribute('aria-pressed', String(on));
      b.closest('td')?.classList.toggle('mine', on);
    }
    const span = positionSpan(cells);
    summary.textContent = template.replace('{cells}', String(cells.size)).replace('{phases}', String(span.phases)).replace('{layers}', String(span.layers));
  };
  for (const b of buttons)
    b.addEventListener('click', () => {
      const id = b.dataset.cell!;
      if (cells.has(id)) cells.delete(id); else cells.add(id);
      try { localStorage.setItem(POSITION_KEY, serialisePosition(cells)); } catch { /* storage full or blocked */ }
      render();
    });
  render();
}
