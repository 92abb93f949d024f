/**
 * Loaded by kept-notice.ts only when there is something to keep or list: sets an unreadable value aside
 * through KeptStorage and lists the kept copies with Download and Discard in the page's
 * [data-kept-notice] box (words from components/KeptNotice.astro).
 */
import { downloadText } from '../islands/browser.ts';
import { KeptStorage, setAsideFileName } from '../lib/storage/kept-storage.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const download = (name: string, text: string): void => downloadText(name, text, 'application/json');

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/**
 * Set an unreadable value found under `key` aside (when `raw` is given) and list the kept copies of
 * `key`. Returns whether `key` is locked (the copy could not be made: writes must wait).
 */
export function show(key: string, raw: string | null): { locked: boolean } {
  const store = new KeptStorage(storage());
  let locked = false;
  if (raw !== null) locked = store.setAside(key, raw).locked;
  const box = document.querySelector<HTMLElement>('[data-kept-notice]');
  if (box) render(box, store, key, raw === null ? null : locked ? 'locked' : 'unreadable');
  return { locked };
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
    li.append(
      el(
        'span',
        k.at
          ? fill(d.item ?? '', { what, when: k.at.slice(0, 16).replace('T', ' '), size })
          : fill(d.itemLocked ?? '', { what, size }),
      ),
      ' ',
    );
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
      yes.addEventListener('click', () => {
        store.discard(k.id);
        render(box, store, key, null);
      });
      no.addEventListener('click', () => render(box, store, key, null));
      discard.replaceWith(yes, ' ', no);
      yes.focus();
    });
    li.append(dl, ' ', discard);
    ul.append(li);
  }
  box.append(ul);
}
