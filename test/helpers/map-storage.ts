/** An in-memory Web Storage (with key() and length, so set-aside copies can be listed). */
import type { StorageLike } from '../../src/lib/storage/kept-storage.ts';

export class MapStorage implements StorageLike {
  data = new Map<string, string>();
  /** Set: setItem throws a quota error for keys that start with it. */
  fullFor: string | null = null;
  getItem(k: string) {
    return this.data.has(k) ? this.data.get(k)! : null;
  }
  setItem(k: string, v: string) {
    if (this.fullFor !== null && k.startsWith(this.fullFor))
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  get length() {
    return this.data.size;
  }
}
