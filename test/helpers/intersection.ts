/**
 * A stand-in IntersectionObserver for component tests (happy-dom's never reports anything): records
 * the observed elements; `showAll()` reports them all as in view, as scrolling to them would.
 */
import { vi } from 'vitest';

type Callback = (entries: { target: Element; isIntersecting: boolean }[]) => void;

export function fakeIntersection() {
  const observers = new Set<{ cb: Callback; targets: Set<Element> }>();
  class FakeObserver {
    private readonly entry: { cb: Callback; targets: Set<Element> };
    constructor(cb: Callback) {
      this.entry = { cb, targets: new Set() };
      observers.add(this.entry);
    }
    observe(el: Element) { this.entry.targets.add(el); }
    unobserve(el: Element) { this.entry.targets.delete(el); }
    disconnect() { observers.delete(this.entry); }
    takeRecords() { return []; }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return {
    /** How many elements are watched now. */
    watched: () => [...observers].reduce((n, o) => n + o.targets.size, 0),
    showAll: () => {
      for (const o of [...observers]) o.cb([...o.targets].map((target) => ({ target, isIntersecting: true })));
    },
  };
}
