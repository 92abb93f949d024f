/**
 * `npm run build`: `astro build` with memory settings that keep a large build's peak down
 * (budgets.json, buildPeakMemoryMB; README, "Quality gates"). Arguments pass through:
 * `npm run build -- --verbose`. `npm run bench` measures the build through this same script.
 *
 * Most of a large build's resident memory is not live data: the bundler (Rolldown, native code with
 * mimalloc) keeps pages it freed, glibc keeps one arena per thread, and V8 lets garbage pile up while
 * its heap may still grow. None of that can be changed once the process runs, so Astro starts in a
 * child process with:
 *   MIMALLOC_PURGE_DELAY=0         mimalloc returns freed pages at once instead of after a delay;
 *   MIMALLOC_ARENA_EAGER_COMMIT=0  mimalloc commits arena memory as it is used, not all up front;
 *   MALLOC_ARENA_MAX=2             glibc keeps at most two malloc arenas instead of eight per core;
 *   --max-old-space-size           a V8 heap limit scaled to the content (heapLimitMB), so V8 collects
 *                                  garbage instead of growing. Should a build still run out of heap,
 *                                  it is run again without the limit, and says so.
 * Any of these set in the environment (or in NODE_OPTIONS) wins.
 * Measured with `npm run bench` (1,000 playbooks in two languages, 9.5 MB of content): peak about
 * 0.75 GB instead of 0.8–1.3 GB, build time unchanged.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0', MALLOC_ARENA_MAX: '2' };

/**
 * The V8 heap limit for a build of `contentBytes` of content: the live heap of the benchmark's
 * 9.5 MB build peaks between 200 and 256 MB, so 48 MB per MB of content (plus 64) leaves more than
 * twice that; never under 512 MB.
 */
export function heapLimitMB(contentBytes: number): number {
  return Math.max(512, Math.ceil(64 + (48 * contentBytes) / 2 ** 20));
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += bytesUnder(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

function run(nodeArgs: string[]): Promise<RunResult> {
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [...nodeArgs, astroBin, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...ALLOCATOR_ENV, ...process.env },
  });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      done({ code, signal });
    }),
  );
}

export type RunResult = { code: number | null; signal: NodeJS.Signals | null };

/**
 * Runs the build with the heap limit unless NODE_OPTIONS sets one; when V8 aborts for want of heap
 * (SIGABRT), runs it again without the limit. Returns the exit code to use.
 */
export async function buildWithLimit(
  runner: (nodeArgs: string[]) => Promise<RunResult>,
  opts: { nodeOptions?: string; contentBytes: number; warn?: (s: string) => void },
): Promise<number> {
  const heapSetByUser = /--max-old-space-size/.test(opts.nodeOptions ?? '');
  const limit = heapLimitMB(opts.contentBytes);
  let r = await runner(heapSetByUser ? [] : [`--max-old-space-size=${limit}`]);
  if (!heapSetByUser && r.signal === 'SIGABRT') {
    (opts.warn ?? console.warn)(
      `\nThe build ran out of its ${limit} MB heap (scripts/build.ts); building again without a limit.\n`,
    );
    r = await runner([]);
  }
  return r.code ?? 1;
}

if (import.meta.main) {
  let contentBytes = 0;
  try {
    contentBytes = bytesUnder('content');
  } catch {
    /* no content folder: Astro will say what is wrong */
  }
  process.exit(await buildWithLimit(run, { nodeOptions: process.env.NODE_OPTIONS, contentBytes }));
}
