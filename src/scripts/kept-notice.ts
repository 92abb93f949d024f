/**
 * Script-only pages (onboarding checklist, CS Ops plane): read a stored value through KeptStorage, so
 * a value that cannot be read is set aside and never overwritten, and list the kept copies with
 * Download and Discard in the page's [data-kept-notice] box (words from components/KeptNotice.astro).
 */
import { KeptStorage, setAsideFileName, type Parser } from '../lib/storage/kept-storage.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Read `key`; returns the value, or `fallback` when there is none or it could not be read. */
export function readKept<T, P>(key: string, parse: Parser<T, P>, fallback: T): { store: KeptStorage; value: T } {
  const store = new KeptStorage(storage());
  const r = store.read(key, parse);
  const box = document.querySelector<HTMLElement>('[data-kept-notice]');
  if (box) render(box, store, key, r.status === 'unreadable' ? (r.locked ? 'locked' : 'unreadable') : null);
  return { store, value: r.status === 'ok' ? r.value : fallback };
}

function render(box: HTMLElement, store: KeptStorage, key: string, status: 'locked' | 'unreadable' | null): void {
  const d = box.dataset;
  const kept = store.list(key);
  box.replaceChildren();
  box.hidden = !kept.length;
  if (!kept.length) return;
  box.className = 'kept-notice notice-box warn';
  if (status) {
    const p = el('p', d[status]);
    p.setAttribute('role', 'alert');
    box.append(p);
  }
  box.append(el('h2', d.title, 'kept-title'), el('p', d.help));
  const ul = el('ul');
  for (const k of kept) {
    const li = el('li');
    li.dataset.kept = k.id;
    const size = fill(d.size ?? '', { kb: String(Math.max(1, Math.round(k.raw.length / 1024))) });
    const what = d.what ?? key;
    li.append(el('span', k.at ? fill(d.item ?? '', { what, when: k.at.slice(0, 16).replace('T', ' '), size }) : fill(d.itemLocked ?? '', { what, size })), ' ');
    const dl = el('button', d.download);
    dl.type = 'button';
    dl.addEventListener('click', () => download(setAsideFileName(k), k.raw));
    const discard = el('button', d.discard);
    discard.type = 'button';
    discard.addEventListener('click', () => {
      const yes = el('button', d.confirm, 'danger');
      yes.type = 'button';
      const no = el('button', d.cancel);
      no.type = 'button';
      yes.addEventListener('click', () => { store.discard(k.id); render(box, store, key, null); });
      no.addEventListener('click', () => render(box, store, key, null));
      discard.replaceWith(yes, ' ', no);
      yes.focus();
    });
    li.append(dl, ' ', discard);
    ul.append(li);
  }
  box.append(ul);
}
