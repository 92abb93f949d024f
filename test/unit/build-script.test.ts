/** scripts/build.ts: the heap limit it gives `astro build`, and the retry when V8 runs out of it. */
import { describe, expect, it } from 'vitest';
import { buildWithLimit, heapLimitMB, type RunResult } from '../../scripts/build.ts';

const MB = 2 ** 20;

function fakeRunner(results: RunResult[]) {
  const calls: string[][] = [];
  const runner = async (args: string[]) => {
    calls.push(args);
    return results[calls.length - 1];
  };
  return { calls, runner };
}

describe('heapLimitMB', () => {
  it('is never under 512 MB and grows with the content', () => {
    expect(heapLimitMB(0)).toBe(512);
    expect(heapLimitMB(2 * MB)).toBe(512);
    // The benchmark's 9.5 MB of content needs 200–256 MB of live heap: the limit leaves twice that.
    expect(heapLimitMB(9.5 * MB)).toBeGreaterThanOrEqual(512);
    expect(heapLimitMB(40 * MB)).toBe(64 + 48 * 40);
    expect(heapLimitMB(41 * MB)).toBeGreaterThan(heapLimitMB(40 * MB));
  });
});

describe('buildWithLimit', () => {
  it('runs once with the limit and passes the exit code through', async () => {
    const f = fakeRunner([{ code: 0, signal: null }]);
    expect(await buildWithLimit(f.runner, { contentBytes: 0 })).toBe(0);
    expect(f.calls).toEqual([['--max-old-space-size=512']]);
    const g = fakeRunner([{ code: 3, signal: null }]);
    expect(await buildWithLimit(g.runner, { contentBytes: 0 })).toBe(3);
    expect(g.calls).toHaveLength(1);
  });

  it('builds again without the limit when V8 aborts for want of heap, and says so', async () => {
    const warnings: string[] = [];
    const f = fakeRunner([
      { code: null, signal: 'SIGABRT' },
      { code: 0, signal: null },
    ]);
    expect(await buildWithLimit(f.runner, { contentBytes: 0, warn: (s) => warnings.push(s) })).toBe(0);
    expect(f.calls).toEqual([['--max-old-space-size=512'], []]);
    expect(warnings.join('')).toMatch(/ran out of its 512 MB heap/);
  });

  it('leaves the heap alone when NODE_OPTIONS sets a limit, and does not retry', async () => {
    const f = fakeRunner([{ code: null, signal: 'SIGABRT' }]);
    expect(await buildWithLimit(f.runner, { contentBytes: 0, nodeOptions: '--max-old-space-size=4096' })).toBe(1);
    expect(f.calls).toEqual([[]]);
  });
});
