/**
 * Wall time and peak memory of a build command, for the benchmarks (scripts/bench.ts, scripts/bench-scale.ts).
 * Peak memory comes from `/usr/bin/time -v` (largest process) where it exists, else from sampling the
 * resident memory of the whole process tree through /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sum of VmRSS over a process tree, via /proc (fallback when /usr/bin/time is missing). */
export function treeRssKb(root: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(d));
    } catch {
      /* gone */
    }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface MeasuredRun {
  seconds: number;
  peakMB: number;
  how: string;
  code: number;
  tail: string;
}

/** Runs `node <args>` in `cwd` and measures it. */
export async function measureNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  let pollPeak = 0;
  const timer = useTime
    ? undefined
    : setInterval(() => child.pid && (pollPeak = Math.max(pollPeak, treeRssKb(child.pid))), 100);
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? 1)));
  const seconds = (performance.now() - t0) / 1000;
  if (timer) clearInterval(timer);
  let peakKb = pollPeak;
  if (useTime) peakKb = Number(/Maximum resident set size \(kbytes\):\s*(\d+)/.exec(err)?.[1] ?? 0);
  const tail = (out + err).split('\n').slice(-40).join('\n');
  return {
    seconds,
    peakMB: peakKb / 1024,
    how: useTime ? '/usr/bin/time -v (largest process)' : '/proc VmRSS of the process tree, sampled',
    code,
    tail,
  };
}

/** Files, bytes and HTML pages under a directory. */
export function outputSize(dir: string): { bytes: number; files: number; html: number } {
  const r = { bytes: 0, files: 0, html: 0 };
  (function walk(d: string) {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      const s = statSync(f);
      if (s.isDirectory()) walk(f);
      else {
        r.bytes += s.size;
        r.files++;
        if (n.endsWith('.html')) r.html++;
      }
    }
  })(dir);
  return r;
}
