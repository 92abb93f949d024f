/** CS Ops plane: toggle the cells that are your position today, kept in localStorage. */
import { positionSpan, POSITION_KEY, readPosition, serialisePosition } from '../lib/plane.ts';
import { readKept } from './kept-notice.ts';

const root = document.querySelector<HTMLElement>('[data-plane]');
if (root) {
  // An unreadable position is set aside (Download / Discard), never overwritten by the next click.
  const { write, value: cells } = readKept(POSITION_KEY, readPosition, new Set<string>());
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
    summary.textContent = template
      .replace('{cells}', String(cells.size))
      .replace('{phases}', String(span.phases))
      .replace('{layers}', String(span.layers));
  };
  for (const b of buttons)
    b.addEventListener('click', () => {
      const id = b.dataset.cell!;
      if (cells.has(id)) cells.delete(id);
      else cells.add(id);
      write(serialisePosition(cells)); // storage full, blocked or its unreadable value not yet kept: kept in the page only
      render();
    });
  render();
}
