/**
 * `npm run bench`: builds a copy of the portal with 1,000 synthetic playbooks (en + ja) and a
 * 100-element framework, then measures build time, peak memory, output size, page weights, search
 * index size and query latency, batch health scoring, the model designer's weight fit and team
 * import, the batch page with 100,000 and 1,000,000-row CSVs in Chromium (rows per second, peak JS
 * heap), and compares them with budgets.json. `--only design` runs only the model-designer figures
 * (the fit in its worker, and the designer page with 100,000 rows against the built site in dist/);
 * `--only batch-stream` only the large-CSV figures (against the built site in dist/); `--only search`
 * only the search figures (index sizes, query latency, golden-set quality) on the same synthetic
 * content, without building the site (the index is the one the build writes).
 * Prints a table and writes bench-results/bench.json.
 * Exit 1 when a byte budget or the memory budget is over; timings are reported, never gates.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkContent, formatProblem, type ContentSet } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { pageWeight, type PageWeight } from './lib/page-weight.ts';
import {
  refsFromContent,
  syntheticAccountsCsv,
  syntheticAssessmentFiles,
  syntheticFramework,
  syntheticPlaybooks,
} from './lib/synthetic.ts';
import { buildDocuments } from '../src/lib/search/documents.ts';
import { buildIndex } from '../src/lib/search/index-build.ts';
import { buildSiteIndex } from '../src/lib/search/site-index.ts';
import { formatQuality, measure, QUALITY_FLOORS, readGolden, realIndexes } from './search-quality.ts';
import { childBuildEnv } from './lib/build-env.ts';
import { measureNode, outputSize } from './lib/build-measure.ts';

// `npm run bench -- --scale` and `-- --vs-starlight`: the build's scale curve and the Starlight comparison.
if (process.argv.some((a) => a.startsWith('--scale') || a === '--vs-starlight')) {
  const { runScaleBench } = await import('./bench-scale.ts');
  process.exit(await runScaleBench(process.argv.slice(2)));
}

const ROOT = process.cwd();
const PLAYBOOKS = 1000;
const FW_ID = 'bench-skills';
const LANGS = ['en', 'ja'] as const;
const keep = process.argv.includes('--keep');

const budgets = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8'));
const byteBudget = (k: string): number | undefined => budgets.bytes?.[k]?.max;
const timeBudget = (k: string): number | undefined => budgets.times?.[k]?.max;
const memoryBudget = (k: string): number | undefined => budgets.memory?.[k]?.max;
/**
 * Starlight's figures from the last `npm run bench -- --vs-starlight` on this machine
 * (bench-results/starlight.json), shown beside the build's own; none when it has not been run.
 */
const starlightRun = (() => {
  try {
    const r = JSON.parse(readFileSync(join(ROOT, 'bench-results', 'starlight.json'), 'utf8'));
    return {
      buildS: r.starlight.seconds.median,
      peakMB: r.starlight.peakMB.median,
      outputMB: r.starlight.outputMB,
      date: r.date,
    };
  } catch {
    return undefined;
  }
})();

interface Row {
  figure: string;
  value: number;
  unit: 'B' | 'ms' | 's' | 'MB' | 'files' | 'docs' | '%' | 'MRR' | 'rows/s';
  budget?: number;
  budgetKey?: string;
  kind: 'bytes' | 'time' | 'memory' | 'info';
  status: 'ok' | 'over' | '—';
  reference?: string;
}
const rows: Row[] = [];
function add(
  figure: string,
  value: number,
  unit: Row['unit'],
  kind: Row['kind'],
  budgetKey?: string,
  reference?: string,
) {
  const budget = budgetKey
    ? kind === 'bytes'
      ? byteBudget(budgetKey)
      : kind === 'memory'
        ? memoryBudget(budgetKey)
        : timeBudget(budgetKey)
    : undefined;
  const status: Row['status'] = budget === undefined ? '—' : value <= budget ? 'ok' : 'over';
  rows.push({ figure, value, unit, budget, budgetKey, kind, status, reference });
}
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const gz = (b: string | Buffer) => gzipSync(b, { level: 9 }).length;

/* Model designer: "suggest weights" (5-fold CV) on 100,000 rows × 12 measures in the designer's Web Worker in Chromium.
   `npm run bench -- --only design` runs this part alone; `--design-runs N` times N fits (default 5) and
   reports min / median / max wall time with the browser's CPU time over each fit, to tell load from cost. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const designRuns = process.argv.includes('--design-runs')
  ? Math.max(1, Number(process.argv[process.argv.indexOf('--design-runs') + 1]) || 1)
  : 5;

/**
 * CPU time (user + system, ms) of every thread of every process descended from this one (the
 * browser's), keyed by thread id, with the thread's name ("DedicatedWorker…" is the fit), from
 * /proc; null elsewhere. Read while the worker is alive: a thread that has ended is not listed.
 */
function childThreadsCpu(): Map<number, { name: string; ms: number }> | null {
  const stat = (path: string) => {
    const s = readFileSync(path, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return {
      name: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')),
      ppid: Number(f[1]),
      ms: (Number(f[11]) + Number(f[12])) * 10,
    }; // USER_HZ = 100
  };
  try {
    const procs = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((pid) => {
        try {
          return [{ pid: Number(pid), ...stat(`/proc/${pid}/stat`) }];
        } catch {
          return [];
        }
      });
    const mine = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs)
        if (!mine.has(p.pid) && mine.has(p.ppid)) {
          mine.add(p.pid);
          grew = true;
        }
    }
    mine.delete(process.pid);
    const out = new Map<number, { name: string; ms: number }>();
    for (const pid of mine) {
      try {
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          try {
            const t = stat(`/proc/${pid}/task/${tid}/stat`);
            out.set(Number(tid), { name: t.name, ms: t.ms });
          } catch {
            /* ended */
          }
        }
      } catch {
        /* ended */
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** CPU used between two readings, per thread name (threads that started in between count in full). */
function cpuBetween(
  a: Map<number, { name: string; ms: number }>,
  b: Map<number, { name: string; ms: number }>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tid, t] of b) {
    const ms = t.ms - (a.get(tid)?.ms ?? 0);
    if (ms > 0) out.set(t.name, (out.get(t.name) ?? 0) + ms);
  }
  return out;
}

async function benchDesign(): Promise<void> {
  try {
    const { build } = await import('esbuild');
    const { launchBrowser } = await import('../test/helpers/browser.ts');
    const opts = {
      bundle: true,
      write: false,
      platform: 'browser' as const,
      minify: true,
      logLevel: 'silent' as const,
    };
    const worker = await build({
      ...opts,
      entryPoints: [join(ROOT, 'src/workers/health-design.worker.ts')],
      format: 'iife',
    });
    const page = await build({ ...opts, entryPoints: [join(ROOT, 'scripts/bench-design-page.ts')], format: 'iife' });
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.setContent('<!doctype html><title>bench</title>');
      await tab.addScriptTag({ content: page.outputFiles![0].text });
      const workerCode = worker.outputFiles![0].text;
      type Bench = {
        prepare: (n: number) => void;
        stop: () => void;
        load: (url: string) => Promise<void>;
        run: () => Promise<{ ms: number; auc: number | null; measures: number; rows: number; progress: number }>;
      };
      const prepare = (n: number) =>
        tab.evaluate((n) => (globalThis as unknown as { __benchDesign: Bench }).__benchDesign.prepare(n), n);
      const load = () =>
        tab.evaluate(async (code) => {
          const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
          await (globalThis as unknown as { __benchDesign: Bench }).__benchDesign.load(url);
        }, workerCode);
      const go = () => tab.evaluate(() => (globalThis as unknown as { __benchDesign: Bench }).__benchDesign.run());
      await prepare(5_000);
      await load();
      await go(); // warm up
      await prepare(100_000);
      const walls: number[] = [];
      const cpus: number[] = [];
      const workerCpus: number[] = [];
      let last: Awaited<ReturnType<typeof go>> | null = null;
      for (let i = 0; i < designRuns; i++) {
        await load();
        const c0 = childThreadsCpu();
        last = await go();
        const c1 = childThreadsCpu();
        await tab.evaluate(() => (globalThis as unknown as { __benchDesign: Bench }).__benchDesign.stop());
        walls.push(last.ms);
        const used = c0 && c1 ? cpuBetween(c0, c1) : null;
        const worker = used
          ? [...used].filter(([name]) => name.startsWith('DedicatedWorker')).reduce((a, [, ms]) => a + ms, 0)
          : 0;
        if (used) {
          cpus.push([...used.values()].reduce((a, b) => a + b, 0));
          workerCpus.push(worker);
        }
        const top = used
          ? [...used]
              .sort((x, y) => y[1] - x[1])
              .slice(0, 4)
              .map(([name, ms]) => `${name} ${ms}`)
              .join(', ')
          : 'not read';
        log(
          `design run ${i + 1}/${designRuns}: ${Math.round(last.ms)} ms wall; CPU ms: worker thread ${worker}, all browser threads ${used ? cpus[cpus.length - 1] : '?'} (${top}); ${last.progress} progress messages`,
        );
      }
      const stats = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
      };
      const w = stats(walls);
      const r = last!;
      log(
        `design: ${r.rows} rows × ${r.measures} measures, out-of-sample AUC ${r.auc?.toFixed(3)}; wall min/median/max ${Math.round(w.min)} / ${Math.round(w.median)} / ${Math.round(w.max)} ms over ${designRuns} runs`,
      );
      if (cpus.length) {
        const c = stats(cpus);
        const wc = stats(workerCpus);
        log(
          `design: CPU per fit, worker thread min/median/max ${wc.min} / ${wc.median} / ${wc.max} ms; all browser threads ${c.min} / ${c.median} / ${c.max} ms (these include the page's own work and garbage collection)`,
        );
      }
      add(
        `health design: suggest weights, 5-fold CV, ${r.rows.toLocaleString('en-US')} rows × ${r.measures} measures in a Web Worker in Chromium (median of ${designRuns})`,
        Math.round(w.median),
        'ms',
        'time',
        'designSuggestWeights100kMs',
      );
    } finally {
      await browser.close();
    }
  } catch (e) {
    log(`design in Chromium: not measured (${(e as Error).message.split('\n')[0]})`);
  }
}

/* The designer page itself with 100,000 rows × 12 measures (built site): load, build, fit, and the
   longest main-thread task while loading and while building + fitting (median of 3 runs). */
async function benchDesignPage(dist: string): Promise<void> {
  try {
    const { benchDesignLoad } = await import('./bench-design-load.ts');
    const runs = await benchDesignLoad(dist, 3, 100_000, log);
    const median = (k: keyof (typeof runs)[number]) =>
      [...runs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor((runs.length - 1) / 2)];
    add(
      `health design page: 100,000 rows × 12 measures, file read + columns profiled (median of ${runs.length})`,
      median('loadMs'),
      'ms',
      'info',
    );
    add(`health design page: 100,000 rows, suggest weights (click → result)`, median('fitMs'), 'ms', 'info');
    add(`health design page: longest main-thread task while the file loads`, median('longestLoadTaskMs'), 'ms', 'info');
    add(
      `health design page: longest main-thread task while building and fitting`,
      median('longestFitTaskMs'),
      'ms',
      'info',
    );
  } catch (e) {
    log(`design page in Chromium: not measured (${(e as Error).message.split('\n')[0]})`);
  }
}
// Query latency is measured in a process of its own holding only the index (scripts/bench-query.ts),
// five runs per language: min / median / max of the runs' medians and 95th percentiles, in wall time and
// in the process's CPU time per query (the machine may be busy with other work: CPU time is the cost).
const RUNS = 5;
const searchTimings: Record<
  string,
  { median: number[]; p95: number[]; cpuMedian: number[]; cpuP95: number[]; queries: number; docs: number }
> = {};
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) =>
  `${Math.min(...xs).toFixed(2)} / ${mid(xs).toFixed(2)} / ${Math.max(...xs).toFixed(2)} ms`;
function benchSearchLatency(indexText: (lang: (typeof LANGS)[number]) => string, dir: string): void {
  for (const lang of LANGS) {
    const text = indexText(lang);
    const file = join(dir, `bench-index-${lang}.json`);
    writeFileSync(file, text);
    const docs = (JSON.parse(text) as { docs: unknown[] }).docs.length;
    type Run = { median: number; p95: number; cpuMedian: number; cpuP95: number; queries: number; hits: number };
    const runs: Run[] = [];
    for (let k = 0; k < RUNS; k++) {
      const out = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'bench-query.ts'), file, String(lang === 'en' ? 11 : 22)],
        { encoding: 'utf8' },
      );
      if (out.status !== 0) {
        console.error(`query latency run failed for ${lang}:\n${out.stderr}`);
        process.exit(1);
      }
      runs.push(JSON.parse(out.stdout));
    }
    const of = (k: keyof Run) => runs.map((r) => r[k]);
    searchTimings[lang] = {
      median: of('median'),
      p95: of('p95'),
      cpuMedian: of('cpuMedian'),
      cpuP95: of('cpuP95'),
      queries: runs[0].queries,
      docs,
    };
    add(
      `search: query median ${lang} (${runs[0].queries} queries, ${docs} docs; median of ${RUNS} runs)`,
      Number(mid(of('median')).toFixed(3)),
      'ms',
      'time',
      'searchQueryMedianMs1000Docs',
    );
    add(
      `search: query p95 ${lang} (median of ${RUNS} runs)`,
      Number(mid(of('p95')).toFixed(3)),
      'ms',
      'time',
      'searchQueryP95Ms1000Docs',
    );
    add(
      `search: query CPU time median ${lang} (median of ${RUNS} runs)`,
      Number(mid(of('cpuMedian')).toFixed(3)),
      'ms',
      'info',
    );
    add(
      `search: query CPU time p95 ${lang} (median of ${RUNS} runs)`,
      Number(mid(of('cpuP95')).toFixed(3)),
      'ms',
      'info',
    );
    log(
      `search ${lang}: ${runs[0].hits}/${runs[0].queries} queries with results; wall: median min/median/max ${spread(of('median'))}, p95 ${spread(of('p95'))}; CPU: median ${spread(of('cpuMedian'))}, p95 ${spread(of('cpuP95'))}`,
    );
  }
}

/* Search quality over the golden set (real content, as npm test asserts it). */
function benchSearchQuality(): void {
  const golden = readGolden(ROOT);
  const indexes = realIndexes(ROOT);
  for (const lang of LANGS) {
    const q = measure(
      golden.filter((g) => g.lang === lang),
      indexes,
    );
    log(formatQuality(`golden ${lang}`, q));
  }
  const q = measure(golden, indexes);
  log(formatQuality('golden all', q));
  add(`search quality: top-1 (${q.queries} golden queries)`, Number((q.top1 * 100).toFixed(1)), '%', 'info');
  add(`search quality: top-3 (floor ${QUALITY_FLOORS.top3 * 100} %)`, Number((q.top3 * 100).toFixed(1)), '%', 'info');
  add(`search quality: MRR (floor ${QUALITY_FLOORS.mrr})`, Number(q.mrr.toFixed(3)), 'MRR', 'info');
}

/** Index size of the synthetic playbooks alone, per language (the 1,000-document budget). */
function benchSyntheticIndexSize(content: ContentSet): void {
  for (const lang of LANGS) {
    const docs = buildDocuments(content, lang).filter((d) => d.id.startsWith('playbook:synthetic-'));
    const json = JSON.stringify(buildIndex(docs, lang));
    add(`search: index of ${docs.length} synthetic docs ${lang}, raw`, Buffer.byteLength(json), 'B', 'info');
    add(
      `search: index of ${docs.length} synthetic docs ${lang}, gzip`,
      gz(json),
      'B',
      'bytes',
      docs.length === PLAYBOOKS ? 'searchIndexPerLanguage1000Docs' : undefined,
    );
  }
}

function printRows(): void {
  for (const r of rows)
    console.log(
      `${r.figure}: ${r.value.toLocaleString('en-US')} ${r.unit} (budget ${r.budget ?? '—'} ${r.unit}, ${r.status})`,
    );
}

/* The batch page with 100k and 1M-row CSVs, streamed through its Web Worker, in Chromium. */
async function benchStream(dist: string): Promise<void> {
  try {
    const { benchBatchStream } = await import('./bench-batch-stream.ts');
    for (const r of await benchBatchStream(dist, undefined, log)) {
      const n = r.rows.toLocaleString('en-US');
      add(
        `health batch page: ${n} rows (${r.fileMB} MB) read + scored + backtested, rows per second (read ${r.readS} s, score ${r.scoreS} s)`,
        r.rowsPerS,
        'rows/s',
        'info',
      );
      add(
        `health batch page: ${n} rows, peak JS heap of page + worker (page ${r.peakPageHeapMB} MB, worker ${r.peakWorkerHeapMB} MB)`,
        r.peakHeapMB,
        'MB',
        r.rows === 1_000_000 ? 'memory' : 'info',
        r.rows === 1_000_000 ? 'batchStream1MPeakHeapMB' : undefined,
      );
      add(`health batch page: ${n} rows, longest main-thread task`, r.longestTaskMs, 'ms', 'info');
    }
  } catch (e) {
    log(`batch stream in Chromium: not measured (${(e as Error).message.split('\n')[0]})`);
    add(
      'health batch page: 1,000,000 rows, peak JS heap (not measured)',
      Number.NaN,
      'MB',
      'memory',
      'batchStream1MPeakHeapMB',
    );
  }
}
if (only === 'design' || only === 'batch-stream') {
  if (only === 'design') {
    await benchDesign();
    await benchDesignPage((await import('../test/helpers/dist.ts')).distDir());
  } else await benchStream((await import('../test/helpers/dist.ts')).distDir());
  printRows();
  process.exit(rows.some((r) => r.kind === 'memory' && r.status !== 'ok') ? 1 : 0);
}

/** The synthetic files: a 100-element framework and 1,000 playbooks (en + ja), beside the content of `root`. */
function syntheticFiles(root: string) {
  const fwFile = syntheticFramework({ id: FW_ID, elements: 100 });
  const withFw = checkContent([...readContentFiles(root), fwFile]);
  return [fwFile, ...syntheticPlaybooks(refsFromContent(withFw.content), { count: PLAYBOOKS })];
}

if (only === 'search') {
  const checked = checkContent([...readContentFiles(ROOT), ...syntheticFiles(ROOT)]);
  if (checked.problems.length) throw new Error(`synthetic content has ${checked.problems.length} problem(s)`);
  const dir = mkdtempSync(join(tmpdir(), 'banso-bench-search-'));
  benchSyntheticIndexSize(checked.content);
  benchSearchLatency((lang) => JSON.stringify(buildSiteIndex(checked.content, lang)), dir);
  benchSearchQuality();
  rmSync(dir, { recursive: true, force: true });
  printRows();
  process.exit(0);
}

/* a. A copy of the project with synthetic content -------------------------------------------- */
const work = mkdtempSync(join(tmpdir(), 'banso-bench-'));
log(`copy of the project: ${work}`);
for (const p of ['src', 'public', 'content']) cpSync(join(ROOT, p), join(work, p), { recursive: true });
for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'budgets.json'])
  if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(work, f));
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

const generated = syntheticFiles(work);
for (const f of generated) {
  mkdirSync(dirname(join(work, f.path)), { recursive: true });
  writeFileSync(join(work, f.path), f.text);
}
const checked = checkContent(readContentFiles(work));
if (checked.problems.length) {
  console.error(
    `Synthetic content has ${checked.problems.length} problem(s):\n${checked.problems.slice(0, 30).map(formatProblem).join('\n')}`,
  );
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const content = checked.content;
log(
  `content: ${content.playbooks.size} playbooks, ${content.playbookTranslations.get('ja')?.size ?? 0} ja translations, ${[...content.frameworks.values()].reduce((n, f) => n + f.data.elements.length, 0)} elements; 0 problems`,
);

/* b. Build: wall time, peak memory, output size ----------------------------------------------- */
// The same command as `npm run build` (scripts/build.ts, which starts `astro build` with its allocator settings).
const build = () => measureNode([join(ROOT, 'scripts', 'build.ts')], work, childBuildEnv());

log('building (astro build) …');
const b = await build();
if (b.code !== 0) {
  console.error(`astro build failed (exit ${b.code}):\n${b.tail}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const dist = join(work, 'dist');
const { bytes: outBytes, files: outFiles, html: htmlFiles } = outputSize(dist);
log(
  `built in ${b.seconds.toFixed(1)} s, peak ${b.peakMB.toFixed(0)} MB (${b.how}), ${outFiles} files, ${(outBytes / 1e6).toFixed(1)} MB`,
);
const sl = (x: number | undefined, unit: string) =>
  starlightRun && x !== undefined ? `${x.toFixed(1)} ${unit}` : undefined;
add('build: wall time', Number(b.seconds.toFixed(1)), 's', 'time', 'build1000DocsS', sl(starlightRun?.buildS, 's'));
add('build: peak memory', Math.round(b.peakMB), 'MB', 'time', 'buildPeakMemoryMB', sl(starlightRun?.peakMB, 'MB'));
add(
  'build: output size',
  Number((outBytes / 1e6).toFixed(1)),
  'MB',
  'info',
  undefined,
  sl(starlightRun?.outputMB, 'MB'),
);
add('build: output files', outFiles, 'files', 'info');
add('build: HTML pages', htmlFiles, 'files', 'info');

/* c. Page weights per page type ----------------------------------------------------------------- */
const firstSynthetic = [...content.playbooks.keys()].filter((id) => id.startsWith('synthetic-')).sort()[0];
const firstElement = `skills/${FW_ID}/element-001/`;
const PAGES: { type: string; path: string; jsBudget?: string }[] = [
  { type: 'home', path: '', jsBudget: 'contentPageInitialJs' },
  { type: 'playbook', path: `playbooks/${firstSynthetic}/`, jsBudget: 'contentPageInitialJs' },
  { type: 'playbook library', path: 'playbooks/', jsBudget: 'interactivePageInitialJs' },
  { type: 'skill element', path: firstElement, jsBudget: 'contentPageInitialJs' },
  { type: 'role', path: 'roles/csm/', jsBudget: 'contentPageInitialJs' },
  { type: 'glossary', path: 'glossary/churn/', jsBudget: 'contentPageInitialJs' },
  { type: 'journey', path: 'journeys/high-touch-b2b/', jsBudget: 'contentPageInitialJs' },
  { type: 'self-assessment', path: 'assess/', jsBudget: 'assessPageJs' },
  { type: 'team', path: 'team/' },
  { type: 'health simulator', path: 'health/simulator/' },
  { type: 'search', path: 'search/' },
];
const pageRows: { type: string; lang: string; path: string; weight: PageWeight | null }[] = [];
for (const p of PAGES) {
  for (const lang of LANGS) {
    const path = (lang === 'en' ? '' : `${lang}/`) + p.path;
    const file = join(dist, path, 'index.html');
    if (!existsSync(file)) {
      pageRows.push({ type: p.type, lang, path: `/${path}`, weight: null });
      log(`no page /${path} (skipped)`);
      continue;
    }
    const w = pageWeight(dist, file);
    pageRows.push({ type: p.type, lang, path: `/${path}`, weight: w });
    const label = `${p.type} (${lang})`;
    add(`${label}: initial JS`, w.initialJs, 'B', 'bytes', p.jsBudget);
    add(`${label}: lazy JS`, w.lazyJs, 'B', 'info');
    add(`${label}: HTML`, w.html, 'B', 'info');
    add(`${label}: CSS`, w.css, 'B', 'info');
  }
}
// The first search query's code (loaded on intent from a content page), as test/build/budgets.test.ts weighs it.
for (const lang of LANGS) {
  const p = pageRows.find((r) => r.type === 'playbook' && r.lang === lang)?.weight;
  if (!p) continue;
  const files = p.lazyFiles.filter((f) => !/GrowthPlan|share-link|growth-plan/.test(f));
  const bytes = files.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
  add(`search: first-query JS (${lang})`, bytes, 'B', 'bytes', 'searchFirstQueryJs');
}

/* d. Search: index sizes and query latency ------------------------------------------------------ */
const indexDir = join(dist, 'search-index');
const builtIndex: Record<string, string> = {};
for (const lang of LANGS) {
  const name = existsSync(indexDir)
    ? readdirSync(indexDir).find((n) => n.startsWith(`search-${lang}.`) && n.endsWith('.json'))
    : undefined;
  if (!name) {
    log(`no built search index for ${lang}`);
    continue;
  }
  const text = readFileSync(join(indexDir, name), 'utf8');
  builtIndex[lang] = text;
  const docs = (JSON.parse(text) as { docs: unknown[] }).docs.length;
  add(`search: built index ${lang} (${docs} docs), raw`, Buffer.byteLength(text), 'B', 'info');
  add(`search: built index ${lang} (${docs} docs), gzip`, gz(text), 'B', 'info');
}
benchSyntheticIndexSize(content);
benchSearchLatency((lang) => builtIndex[lang] ?? JSON.stringify(buildSiteIndex(content, lang)), work);

/* d2. Search quality over the golden set (real content, as npm test asserts it) ----------------- */
benchSearchQuality();

/* e. Batch health scoring of 10,000 rows ---------------------------------------------------------- */
// Loaded here, not at the top, so `--only design` and `--only search` do not load the rest of the portal.
const { runBatch } = await import('../src/lib/health/worker-protocol.ts');
const { importBatch } = await import('../src/lib/team/import-batch.ts');
const { buildTeam } = await import('../src/lib/team/members.ts');
const { frameworkHash } = await import('../src/lib/assessment/framework-hash.ts');
{
  const model = content.healthModels.get('high-touch-health')?.data ?? [...content.healthModels.values()][0].data;
  const csv = syntheticAccountsCsv(10_000);
  await runBatch({ model, text: syntheticAccountsCsv(200, 99) }); // warm up
  const t0 = performance.now();
  const out = await runBatch({ model, text: csv });
  const ms = performance.now() - t0;
  if (out.scored.length !== 10_000)
    log(`batch: only ${out.scored.length} of 10,000 rows scored (${out.bad.length} bad)`);
  add(
    `health: batch score 10,000 rows (parse+score+backtest${out.backtest ? '' : ', NO backtest'})`,
    Math.round(ms),
    'ms',
    'time',
    'batchScore10kRowsMs',
  );
}

/* e2. The same batch in Chromium (the page runs it in a Web Worker; this times the code in the browser's engine) */
try {
  const { build } = await import('esbuild');
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  const bundle = await build({
    stdin: {
      contents:
        "import { runBatch } from './src/lib/health/worker-protocol.ts'; (globalThis as any).__runBatch = runBatch;",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const model = content.healthModels.get('high-touch-health')?.data ?? [...content.healthModels.values()][0].data;
    const csv = syntheticAccountsCsv(10_000);
    const ms = await page.evaluate(
      async ({ model, csv, warm }) => {
        const run = (globalThis as unknown as { __runBatch: (i: unknown) => Promise<{ scored: unknown[] }> })
          .__runBatch;
        await run({ model, text: warm });
        const t0 = performance.now();
        const out = await run({ model, text: csv });
        if (out.scored.length !== 10_000) throw new Error(`only ${out.scored.length} rows scored`);
        return performance.now() - t0;
      },
      { model, csv, warm: syntheticAccountsCsv(200, 99) },
    );
    add(
      'health: batch score 10,000 rows in Chromium (parse+score+backtest)',
      Math.round(ms),
      'ms',
      'time',
      'batchScore10kRowsMs',
    );
  } finally {
    await browser.close();
  }
} catch (e) {
  log(`batch in Chromium: not measured (${(e as Error).message.split('\n')[0]})`);
}

await benchDesign();
await benchStream(dist);
await benchDesignPage(dist);

/* f. Team import of 200 assessment files ------------------------------------------------------------ */
{
  const fwEntry = content.frameworks.get('cs-skills') ?? [...content.frameworks.values()][0];
  const fw = fwEntry.data;
  const info = {
    id: fwEntry.id,
    version: fw.version,
    hash: frameworkHash(fw),
    levels: fw.levels,
    elements: fw.elements,
  };
  const files = syntheticAssessmentFiles(
    { id: fwEntry.id, version: fw.version, levels: fw.levels, elements: fw.elements },
    [...content.roles.keys()],
    200,
  );
  const sources = files.map((f) => ({
    name: f.name,
    origin: 'file' as const,
    text: f.text,
    size: Buffer.byteLength(f.text),
  }));
  importBatch([], sources.slice(0, 10), [info]); // warm up
  const t0 = performance.now();
  const res = importBatch([], sources, [info], new Date('2026-11-30T00:00:00Z'));
  const team = buildTeam(res.entries, [info]);
  const ms = performance.now() - t0;
  if (res.added !== 200)
    log(`team import: ${res.added} of 200 added; ${res.report.filter((r) => r.status === 'error').length} errors`);
  add(
    `team: import 200 assessment files (importBatch + buildTeam, ${team.length} group)`,
    Math.round(ms),
    'ms',
    'time',
    'teamImport200Ms',
  );
}

/* g. Report ------------------------------------------------------------------------------------------- */
const fmt = (v: number | undefined, unit: string) => (v === undefined ? '—' : `${v.toLocaleString('en-US')} ${unit}`);
const table = rows.map((r) => [
  r.figure,
  fmt(r.value, r.unit),
  r.budget === undefined ? '—' : fmt(r.budget, r.unit),
  r.status,
  r.reference ?? '',
]);
const head = [
  'figure',
  'value',
  'budget',
  'ok/over',
  starlightRun ? `Starlight (--vs-starlight, ${starlightRun.date.slice(0, 10)})` : 'Starlight (run --vs-starlight)',
];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of table) console.log(line(r));

const overBytes = rows.filter((r) => (r.kind === 'bytes' || r.kind === 'memory') && r.status !== 'ok');
const overTimes = rows.filter((r) => r.kind === 'time' && r.status === 'over');
const result = {
  date: new Date().toISOString(),
  node: process.version,
  setup: { playbooks: PLAYBOOKS, languages: [...LANGS], frameworkElements: 100, htmlPages: htmlFiles },
  build: {
    seconds: b.seconds,
    peakMemoryMB: b.peakMB,
    memoryMeasuredWith: b.how,
    outputBytes: outBytes,
    outputFiles: outFiles,
  },
  pages: pageRows.map((p) => ({
    type: p.type,
    lang: p.lang,
    path: p.path,
    ...(p.weight
      ? {
          initialJs: p.weight.initialJs,
          lazyJs: p.weight.lazyJs,
          html: p.weight.html,
          css: p.weight.css,
          initialFiles: p.weight.initialFiles,
          lazyFiles: p.weight.lazyFiles,
        }
      : { missing: true }),
  })),
  search: searchTimings,
  rows,
  starlight: starlightRun ?? null,
  overBudget: { bytes: overBytes.map((r) => r.figure), times: overTimes.map((r) => r.figure) },
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `\nWrote bench-results/bench.json. ${overBytes.length} byte budget(s) over, ${overTimes.length} timing(s) over (timings are reported, never gates).`,
);

if (keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(overBytes.length ? 1 : 0);
