/**
 * Query latency for `npm run bench`, run in a process of its own: like a browser tab, it holds only
 * the index, not the benchmark's synthetic content and build results (whose heap would slow every
 * query's garbage collection and measure the harness rather than the search).
 * Usage: node scripts/bench-query.ts <index.json> <seed>. Prints { median, p95, cpuMedian, cpuP95, queries,
 * hits } (ms; cpu*: the process's CPU time per query (getrusage; the per-thread figure counts in whole ticks), which load from other processes does not inflate).
 */
import { readFileSync } from 'node:fs';
import { loadIndex } from '../src/lib/search/load.ts';
import { search } from '../src/lib/search/rank.ts';
import { prng } from './lib/synthetic.ts';

/** Mixed English / Japanese queries: CS words, partial words, two-word phrases. */
export function benchQueries(n: number, seed: number): string[] {
  const r = prng(seed);
  const words = [
    'health score',
    'renewal',
    'onboard',
    'expan',
    'executive sponsor',
    'kickoff',
    'nps',
    'churn',
    'licence utilisation',
    'success plan',
    'QBR',
    'escalation',
    'CS Ops',
    'first value',
    'adoption',
    'champion',
    'training',
    'workshop',
    'ヘルススコア',
    '契約更新',
    'オンボーディング',
    '解約',
    '解約率',
    'エグゼクティブスポンサー',
    'キックオフ',
    'サクセスプラン',
    '四半期ビジネスレビュー',
    'エスカレーション',
    'ライセンス利用率',
    'チャンピオン',
    '定着',
    '中小企業',
    '経営層レビュー',
  ];
  return Array.from({ length: n }, (_, i) => {
    const a = words[Math.floor(r() * words.length)];
    if (i % 3 === 0) return `${a} ${words[Math.floor(r() * words.length)]}`;
    return a;
  });
}

/** Latency of the bench queries over one loaded index: wall time per query, and CPU time per query. */
export function timeQueries(file: string, seed: number) {
  const idx = loadIndex(readFileSync(file, 'utf8'));
  const qs = benchQueries(300, seed);
  for (const q of qs.slice(0, 30)) search(idx, q); // warm up
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    hits += search(idx, q).length > 0 ? 1 : 0;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * (xs.length - 1) + 0.5))];
  // CPU time is what the queries cost, whatever else runs on the machine; wall time adds the wait for a core.
  return {
    median: at(times, 0.5),
    p95: at(times, 0.95),
    cpuMedian: at(cpu, 0.5),
    cpuP95: at(cpu, 0.95),
    queries: qs.length,
    hits,
  };
}

if (import.meta.main) {
  const [file, seed] = process.argv.slice(2);
  console.log(JSON.stringify(timeQueries(file, Number(seed))));
}
