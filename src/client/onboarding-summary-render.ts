/** "Your onboarding" box: day, progress and this week's items from what the track page keeps. */
import { parseState, schedule, storageKey, trackDay } from '../lib/onboarding-progress.ts';
import { localToday } from './local-date.ts';

export function render(box: HTMLElement): void {
  const d = box.dataset;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(storageKey(d.track!));
  } catch {
    /* storage blocked */
  }
  const st = parseState(raw);
  if (!st.start && !st.done.size) return;
  const plan = JSON.parse(d.plan!) as [number, string, [string, string][]][];
  const secs = plan.map(([dueDay, id, items]) => ({ id, dueDay, items: items.map((i) => i[0]) }));
  const titles = Object.fromEntries(plan.flatMap((s) => s[2]));
  const total = secs.reduce((n, s) => n + s.items.length, 0);
  const done = secs.reduce((n, s) => n + s.items.filter((i) => st.done.has(i)).length, 0);
  const s = schedule(secs, st.start ? trackDay(st.start, localToday()) : 1, st.done);
  const q = <T extends Element>(sel: string) => box.querySelector<T>(`[data-now${sel}]`)!;
  const fill = (tpl: string, v: Record<string, string | number>) =>
    tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
  q<HTMLElement>('-day').textContent = st.start
    ? fill(d.tDay!, { day: s.day, total: secs[secs.length - 1].dueDay, phase: s.current })
    : '';
  const bar = q<HTMLProgressElement>('-bar');
  bar.max = total;
  bar.value = done;
  q<HTMLElement>('-done').textContent = fill(d.tDone!, { done, total });
  q<HTMLElement>('-list').replaceChildren(
    ...[...s.thisWeek, ...s.next].slice(0, 4).map((id) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${d.href}#item-${id}`;
      a.textContent = titles[id];
      li.append(a);
      return li;
    }),
  );
  q<HTMLElement>('-empty').hidden = true;
  q<HTMLElement>('').hidden = false;
}
