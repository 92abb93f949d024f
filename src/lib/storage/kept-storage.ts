/**
 * The one way every part of the portal keeps data in the browser (localStorage, or anything with the
 * same methods; passed in, so this runs in tests and in Node). Pure logic over the storage given.
 *
 * Its promise: a value that cannot be read is never overwritten. When a reader finds a value it cannot
 * read, the raw text is first copied, byte for byte, to a set-aside key ("banso:unreadable:<key>@<time>")
 * and only then removed from its own key, so the next edit, import or tick can save freely. When the
 * copy cannot be made (storage full), the value stays where it is and the key is locked: writes to it
 * are refused until the person downloads the raw copy and discards it. Set-aside copies stay until the
 * person discards them (listSetAside lists them for a Download / Discard notice).
 *
 * Nothing here throws.
 */

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Needed to list set-aside copies (the Web Storage API has both). */
  key?(index: number): string | null;
  readonly length?: number;
}

export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' | 'locked' };

/** QuotaExceededError across browsers: by name (Chrome, Safari, Firefox) or legacy code (22, 1014). */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

import { SET_ASIDE_PREFIX } from './set-aside-prefix.ts';

export { SET_ASIDE_PREFIX };
/** At most this many set-aside copies of one key (then the value is locked in place instead). */
const MAX_COPIES_PER_KEY = 20;

/** An unreadable value kept for the person: where it came from, when, and its exact text. */
export interface SetAside {
  /** The storage key holding the copy (the original key itself when it is locked in place). */
  id: string;
  /** The key the value was found under. */
  key: string;
  /** When it was set aside (ISO), or '' when it is locked in place. */
  at: string;
  raw: string;
}

/** What storage holds under a key, unread. */
export type StoredEntry =
  | { status: 'empty' /** The storage could not be read at all (blocked, private mode). */; unavailable?: true }
  | { status: 'found'; raw: string };

/** Reads a stored text; `problems` say why it cannot be read (any shape: the caller words them). */
export type Parser<T, P> = (raw: string) => { ok: true; value: T } | { ok: false; problems: P[] };

export type KeptRead<T, P> =
  | Extract<StoredEntry, { status: 'empty' }>
  | { status: 'ok'; value: T }
  /** `kept` is the set-aside copy; `locked` when the copy could not be made and the value stays in place. */
  | { status: 'unreadable'; raw: string; problems: P[]; kept: SetAside; locked: boolean };

function backupBase(key: string): string {
  return `${SET_ASIDE_PREFIX}${key}@`;
}

/** Parse a set-aside id back into its key and time; null for ids that are not set-aside copies. */
export function parseSetAsideId(id: string): { key: string; at: string } | null {
  if (!id.startsWith(SET_ASIDE_PREFIX)) return null;
  const rest = id.slice(SET_ASIDE_PREFIX.length);
  const at = rest.lastIndexOf('@');
  if (at <= 0) return null;
  return { key: rest.slice(0, at), at: rest.slice(at + 1).replace(/#\d+$/, '') };
}

function allKeys(storage: StorageLike): string[] {
  const out: string[] = [];
  try {
    const n = storage.length ?? 0;
    if (typeof storage.key !== 'function') return out;
    for (let i = 0; i < n; i++) {
      const k = storage.key(i);
      if (k !== null) out.push(k);
    }
  } catch {
    /* storage blocked: nothing to list */
  }
  return out;
}

/**
 * Storage that never overwrites what it could not read. One instance per page (the lock lives in it).
 */
export class KeptStorage {
  private readonly locked = new Map<string, string>();

  readonly storage: StorageLike | null | undefined;

  constructor(storage: StorageLike | null | undefined) {
    this.storage = storage;
  }

  /** The raw value under `key`, unread. */
  raw(key: string): StoredEntry {
    let raw: unknown;
    try {
      if (!this.storage) return { status: 'empty', unavailable: true };
      raw = this.storage.getItem(key);
    } catch {
      return { status: 'empty', unavailable: true };
    }
    if (raw === null || raw === undefined) return { status: 'empty' };
    return { status: 'found', raw: String(raw) };
  }

  /**
   * Keep an unreadable `raw` found under `key`: copy it to a set-aside key, then clear `key`. When the
   * copy cannot be made, `key` is locked instead (writes refused until the value is discarded).
   */
  setAside(key: string, raw: string, now: Date = new Date()): { kept: SetAside; locked: boolean } {
    const s = this.storage;
    const lockInPlace = () => {
      this.locked.set(key, raw);
      return { kept: { id: key, key, at: '', raw }, locked: true };
    };
    if (!s) return lockInPlace();
    // The same text already set aside (e.g. read again in another tab): keep one copy.
    const existing = this.list(key).find((x) => x.key === key && x.raw === raw && x.id !== key);
    let id = existing?.id;
    if (!id) {
      const base = `${backupBase(key)}${now.toISOString()}`;
      const taken = new Set(allKeys(s));
      if ([...taken].filter((k) => k.startsWith(backupBase(key))).length >= MAX_COPIES_PER_KEY) return lockInPlace();
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
      try {
        s.setItem(id, raw);
        if (s.getItem(id) !== raw) throw new Error('copy differs');
      } catch {
        try {
          s.removeItem(id);
        } catch {
          /* nothing more to do */
        }
        return lockInPlace();
      }
    }
    try {
      if (s.getItem(key) === raw) s.removeItem(key);
    } catch {
      /* the copy exists; the original stays: harmless */
    }
    const at = parseSetAsideId(id)?.at ?? '';
    return { kept: { id, key, at, raw }, locked: false };
  }

  /** Read and parse `key`; an unreadable value is set aside (never left to be overwritten). */
  read<T, P>(key: string, parse: Parser<T, P>, now: Date = new Date()): KeptRead<T, P> {
    const entry = this.raw(key);
    if (entry.status === 'empty') return entry;
    let parsed: ReturnType<Parser<T, P>>;
    try {
      parsed = parse(entry.raw);
    } catch {
      parsed = { ok: false, problems: [] }; // a parser that throws still never loses the value
    }
    if (parsed.ok) return { status: 'ok', value: parsed.value };
    return { status: 'unreadable', raw: entry.raw, problems: parsed.problems, ...this.setAside(key, entry.raw, now) };
  }

  isLocked(key: string): boolean {
    return this.locked.has(key);
  }

  write(key: string, text: string): SaveResult {
    if (this.locked.has(key)) return { ok: false, reason: 'locked' };
    const s = this.storage;
    if (!s) return { ok: false, reason: 'unavailable' };
    try {
      s.setItem(key, text);
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: isQuotaError(e) ? 'quota' : 'unavailable' };
    }
  }

  /** Remove `key` (e.g. "Forget this team"). A locked key stays: its raw value has not been kept yet. */
  remove(key: string): boolean {
    if (this.locked.has(key) || !this.storage) return false;
    try {
      this.storage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  }

  /** Set-aside copies (and values locked in place) whose key starts with `keyPrefix`, oldest first. */
  list(keyPrefix: string): SetAside[] {
    const s = this.storage;
    const out: SetAside[] = [];
    for (const [key, raw] of this.locked) if (key.startsWith(keyPrefix)) out.push({ id: key, key, at: '', raw });
    if (!s) return out;
    for (const id of allKeys(s)) {
      const parsed = parseSetAsideId(id);
      if (!parsed?.key.startsWith(keyPrefix)) continue;
      let raw: string | null = null;
      try {
        raw = s.getItem(id);
      } catch {
        /* unreadable storage */
      }
      if (raw !== null) out.push({ id, key: parsed.key, at: parsed.at, raw });
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  }

  /** The person chose to discard a kept copy (or a value locked in place, which unlocks its key). */
  discard(id: string): boolean {
    const s = this.storage;
    if (this.locked.has(id)) {
      try {
        if (s && s.getItem(id) === this.locked.get(id)) s.removeItem(id);
      } catch {
        return false;
      }
      this.locked.delete(id);
      return true;
    }
    if (!s || !parseSetAsideId(id)) return false;
    try {
      s.removeItem(id);
      return true;
    } catch {
      return false;
    }
  }
}

/** A file name for downloading a kept copy: banso-unreadable-<key>-<time>.txt (the raw text, byte for byte). */
export function setAsideFileName(x: SetAside): string {
  const slug = `${x.key}${x.at ? `-${x.at}` : ''}`
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'banso'}-unreadable.json`;
}
