/**
 * `npm run build`: `astro build` with allocator settings that hand memory back to the system as soon
 * as it is freed (budgets.json, buildPeakMemoryMB; README, "Benchmark").
 *
 * Most of a large build's resident memory is not live data: the bundler (Rolldown, native code with
 * mimalloc) keeps the pages it freed for later, and glibc keeps one arena per thread. Neither can be
 * changed once the process runs, so this starts Astro in a child process with:
 *   MIMALLOC_PURGE_DELAY=0         mimalloc returns freed pages at once instead of after a delay;
 *   MIMALLOC_ARENA_EAGER_COMMIT=0  mimalloc commits arena memory as it is used, not all up front;
 *   MALLOC_ARENA_MAX=2             glibc keeps at most two malloc arenas instead of eight per core.
 * Measured with `npm run bench` (1,000 playbooks in two languages): peak 850–880 MB instead of
 * 1.1–1.3 GB, with the same build time. The V8 heap is left uncapped: its live data stays far below
 * its size, but a cap would turn a larger content set into an out-of-memory failure.
 * Either can be overridden from the environment. Arguments pass through: `npm run build -- --verbose`.
 * `npm run bench` measures the build through this same script.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const BUILD_ENV = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0', MALLOC_ARENA_MAX: '2' } as const;

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...BUILD_ENV, ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
