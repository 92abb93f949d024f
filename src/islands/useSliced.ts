/**
 * Runs a stepped computation (a generator that pauses between steps) in short tasks after render, so a
 * search of a few thousand re-scorings never holds the main thread for long. Returns the last finished
 * result with the input it was computed for, or null before the first one; a new input cancels the
 * run in progress.
 */
import { startTransition, useEffect, useState } from 'react';

/** How long one task may run steps before giving the thread back (ms). */
const SLICE_MS = 8;

export function useSliced<I, T>(input: I, run: (input: I) => Generator<unknown, T>): { input: I; value: T } | null {
  const [done, setDone] = useState<{ input: I; value: T } | null>(null);
  useEffect(() => {
    const steps = run(input);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      let r = steps.next();
      while (!r.done && performance.now() < until) r = steps.next();
      // As a transition: the render that shows the result is split into short tasks too.
      if (r.done) startTransition(() => setDone({ input, value: r.value }));
      else timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [input]);
  return done;
}
