/**
 * Latest wins: at most one request of a kind in flight; a request made meanwhile waits, and a newer
 * one replaces it (so changes made while the worker is busy never pile up), and only the answer to
 * the latest request is delivered (a stale answer is dropped). Pure.
 */
export class LatestOnly<Q, A> {
  private readonly send: (q: Q) => Promise<A>;
  private seq = 0;
  private inFlight = false;
  private waiting: { q: Q; seq: number; deliver: (a: A) => void; fail: (e: unknown) => void } | null = null;

  constructor(send: (q: Q) => Promise<A>) {
    this.send = send;
  }

  /** Asks `q`; `deliver` runs with its answer unless a newer request was made before it came. */
  request(q: Q, deliver: (a: A) => void, fail: (e: unknown) => void = () => {}): void {
    this.waiting = { q, seq: ++this.seq, deliver, fail };
    if (!this.inFlight) this.next();
  }

  /** Drops the waiting request and any answer still to come. */
  reset(): void {
    this.seq++;
    this.waiting = null;
  }

  /** Whether a request is sent or waiting. */
  get busy(): boolean {
    return this.inFlight || this.waiting !== null;
  }

  private next(): void {
    const w = this.waiting;
    if (!w) return;
    this.waiting = null;
    this.inFlight = true;
    const done = () => {
      this.inFlight = false;
      this.next();
    };
    this.send(w.q).then(
      (a) => {
        if (w.seq === this.seq) w.deliver(a);
        done();
      },
      (e) => {
        if (w.seq === this.seq) w.fail(e);
        done();
      },
    );
  }
}
