/**
 * Script-only pages (onboarding checklist, CS Ops plane) read and write their stored value here, under
 * lib/storage/kept-storage.ts's promise: a value that cannot be read is never overwritten. Reading is
 * inline (these pages have a 4 KB budget); when the value is unreadable, or kept copies of it exist,
 * kept-notice-view.ts loads, sets the value aside and lists the copies with Download and Discard.
 * Until the copy is made, writes are held back.
 */
import type { Parser } from '../lib/storage/kept-storage.ts';
import { SET_ASIDE_PREFIX } from '../lib/storage/set-aside-prefix.ts';

export function readKept<T, P>(
  key: string,
  parse: Parser<T, P>,
  fallback: T,
): { value: T; write: (text: string) => void } {
  let raw: string | null = null;
  let hasCopies = false;
  try {
    raw = localStorage.getItem(key);
    for (let i = 0; i < localStorage.length; i++)
      if (localStorage.key(i)?.startsWith(`${SET_ASIDE_PREFIX}${key}@`)) hasCopies = true;
  } catch {
    /* storage blocked: the value lives in the page only */
  }
  let value = fallback;
  let unreadable = false;
  if (raw !== null) {
    let r: ReturnType<Parser<T, P>>;
    try {
      r = parse(raw);
    } catch {
      r = { ok: false, problems: [] };
    }
    if (r.ok) value = r.value;
    else unreadable = true;
  }
  let locked = unreadable;
  if (unreadable || hasCopies)
    void import('./kept-notice-view.ts').then((m) => ({ locked } = m.show(key, unreadable ? raw : null)));
  return {
    value,
    write: (text) => {
      if (locked) return;
      try {
        localStorage.setItem(key, text);
      } catch {
        /* storage full or blocked: kept in the page only */
      }
    },
  };
}
