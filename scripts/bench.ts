/**
 * `npm run bench` (issue 8): builds a copy of the portal with 1,000 synthetic playbooks (en + ja) and a
 * 100-element framework, then measures build time, peak memory, output size, page weights, search
 * index size and query latency, batch health scoring and team import, and compares them with
 * budgets.json. Prints a table and writes bench-results/bench.json.
 * Exit 1 when a byte budget is over (bytes are deterministic); timings are reported, never gates.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { pageWeight, type PageWeight } from '../src/lib/bench/page-weight.ts';
import { refsFromContent, syntheticAccountsCsv, syntheticAssessmentFiles, syntheticFramework, syntheticPlaybooks } from '../src/lib/bench/synthetic.ts';
import { buildDocuments } from '../src/lib/search/documents.ts';
import { buildIndex } from '../src/lib/search/index-build.ts';
import { runBatch } from '../src/lib/health/worker-protocol.ts';
import { importBatch } from '../src/lib/team/import-batch.ts';
import { buildTeam } from '../src/lib/team/members.ts';
import { frameworkHash } from '../src/lib/assessment/framework-hash.ts';

const ROOT = process.cwd();
const PLAYBOOKS = 1000;
const FW_ID = 'bench-skills';
const LANGS = ['en', 'ja'] as const;
const keep = process.argv.includes('--keep');

const budgets = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8'));
const byteBudget = (k: string): number | undefined => budgets.bytes?.[k]?.max;
const timeBudget = (k: string): number | undefined => budgets.times?.[k]?.max;
const ref = budgets.reference?.starlight1000Docs ?? { buildS: 27.5, peakMemoryGB: 1.0, outputMB: 257, jsPerPageKBGzip: 32 };

interface Row {
  figure: string;
  value: number;
  unit: 'B' | 'ms' | 's' | 'MB' | 'files' | 'docs';
  budget?: number;
  budgetKey?: string;
  kind: 'bytes' | 'time' | 'info';
  status: 'ok' | 'over' | '—';
  reference?: string;
}
const rows: Row[] = [];
function add(figure: string, value: number, unit: Row['unit'], kind: Row['kind'], budgetKey?: string, reference?: string) {
  const budget = budgetKey ? (kind === 'bytes' ? byteBudget(budgetKey) : timeBudget(budgetKey)) : undefined;
  const status: Row['status'] = budget === undefined ? '—' : value <= budget ? 'ok' : 'over';
  rows.push({ figure, value, unit, budget, budgetKey, kind, status, reference });
}
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const gz = (b: string | Buffer) => gzipSync(b, { level: 9 }).length;

/* a. A copy of the project with synthetic content -------------------------------------------- */
const work = mkdtempSync(join(tmpdir(), 'banso-bench-'));
log(`copy of the project: ${work}`);
for (const p of ['src', 'public', 'content']) cpSync(join(ROOT, p), join(work, p), { recursive: true });
for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'budgets.json']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(work, f));
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

const fwFile = syntheticFramework({ id: FW_ID, elements: 100 });
const withFw = checkContent([...readContentFiles(work), fwFile]);
const generated = [fwFile, ...syntheticPlaybooks(refsFromContent(withFw.content), { count: PLAYBOOKS })];
for (const f of generated) {
  mkdirSync(dirname(join(work, f.path)), { recursive: true });
  writeFileSync(join(work, f.path), f.text);
}
const checked = checkContent(readContentFiles(work));
if (checked.problems.length) {
  console.error(`Synthetic content has ${checked.problems.length} problem(s):\n${checked.problems.slice(0, 30).map(formatProblem).join('\n')}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const content = checked.content;
log(`content: ${content.playbooks.size} playbooks, ${content.playbookTranslations.get('ja')?.size ?? 0} ja translations, ${[...content.frameworks.values()].reduce((n, f) => n + f.data.elements.length, 0)} elements; 0 problems`);

/* b. Build: wall time, peak memory, output size ----------------------------------------------- */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV']) delete env[k];
  return env;
}

/** Sum of VmRSS over a process tree, via /proc (fallback when /usr/bin/time is missing). */
function treeRssKb(root: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(d));
    } catch { /* gone */ }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch { /* gone */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function build(): Promise<{ seconds: number; peakMB: number; how: string; code: number; tail: string }> {
  // The same command as `npm run build` (scripts/build.ts, which starts `astro build` with its allocator settings).
  const buildScript = join(ROOT, 'scripts', 'build.ts');
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const args = useTime ? ['-v', process.execPath, buildScript] : [buildScript];
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: work, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  let pollPeak = 0;
  const timer = useTime ? undefined : setInterval(() => child.pid && (pollPeak = Math.max(pollPeak, treeRssKb(child.pid))), 100);
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? 1)));
  const seconds = (performance.now() - t0) / 1000;
  if (timer) clearInterval(timer);
  let peakKb = pollPeak;
  if (useTime) peakKb = Number(/Maximum resident set size \(kbytes\):\s*(\d+)/.exec(err)?.[1] ?? 0);
  const tail = (out + err).split('\n').slice(-40).join('\n');
  return { seconds, peakMB: peakKb / 1024, how: useTime ? '/usr/bin/time -v (largest process)' : '/proc VmRSS of the process tree, sampled', code, tail };
}

log('building (astro build) …');
const b = await build();
if (b.code !== 0) {
  console.error(`astro build failed (exit ${b.code}):\n${b.tail}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const dist = join(work, 'dist');
let outBytes = 0;
let outFiles = 0;
let htmlFiles = 0;
(function walk(d: string) {
  for (const n of readdirSync(d)) {
    const f = join(d, n);
    const s = statSync(f);
    if (s.isDirectory()) walk(f);
    else {
      outBytes += s.size;
      outFiles++;
      if (n.endsWith('.html')) htmlFiles++;
    }
  }
})(dist);
log(`built in ${b.seconds.toFixed(1)} s, peak ${b.peakMB.toFixed(0)} MB (${b.how}), ${outFiles} files, ${(outBytes / 1e6).toFixed(1)} MB`);
add('build: wall time', Number(b.seconds.toFixed(1)), 's', 'time', 'build1000DocsS', `${ref.buildS} s`);
add('build: peak memory', Math.round(b.peakMB), 'MB', 'time', 'buildPeakMemoryMB', `${Math.round(ref.peakMemoryGB * 1024)} MB`);
add('build: output size', Number((outBytes / 1e6).toFixed(1)), 'MB', 'info', undefined, `${ref.outputMB} MB`);
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
    add(`${label}: initial JS`, w.initialJs, 'B', 'bytes', p.jsBudget, `${ref.jsPerPageKBGzip * 1024} B`);
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
  const name = existsSync(indexDir) ? readdirSync(indexDir).find((n) => n.startsWith(`search-${lang}.`) && n.endsWith('.json')) : undefined;
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
for (const lang of LANGS) {
  const docs = buildDocuments(content, lang).filter((d) => d.id.startsWith('playbook:synthetic-'));
  const json = JSON.stringify(buildIndex(docs, lang));
  add(`search: index of ${docs.length} synthetic docs ${lang}, raw`, Buffer.byteLength(json), 'B', 'info');
  add(`search: index of ${docs.length} synthetic docs ${lang}, gzip`, gz(json), 'B', 'bytes', docs.length === PLAYBOOKS ? 'searchIndexPerLanguage1000Docs' : undefined);
}
// Query latency is measured in a process of its own holding only the index (scripts/bench-query.ts).
const searchTimings: Record<string, { median: number; p95: number; queries: number; docs: number }> = {};
for (const lang of LANGS) {
  const text = builtIndex[lang] ?? JSON.stringify(buildIndex(buildDocuments(content, lang), lang));
  const file = join(work, `bench-index-${lang}.json`);
  writeFileSync(file, text);
  const out = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-query.ts'), file, String(lang === 'en' ? 11 : 22)], { encoding: 'utf8' });
  if (out.status !== 0) {
    console.error(`query latency run failed for ${lang}:\n${out.stderr}`);
    process.exit(1);
  }
  const t = JSON.parse(out.stdout) as { median: number; p95: number; queries: number; hits: number };
  const docs = (JSON.parse(text) as { docs: unknown[] }).docs.length;
  searchTimings[lang] = { median: t.median, p95: t.p95, queries: t.queries, docs };
  add(`search: query median ${lang} (${t.queries} queries, ${docs} docs)`, Number(t.median.toFixed(3)), 'ms', 'time', 'searchQueryMedianMs1000Docs');
  add(`search: query p95 ${lang}`, Number(t.p95.toFixed(3)), 'ms', 'info');
  log(`search ${lang}: ${t.hits}/${t.queries} queries with results`);
}

/* e. Batch health scoring of 10,000 rows ---------------------------------------------------------- */
{
  const model = content.healthModels.get('high-touch-health')?.data ?? [...content.healthModels.values()][0].data;
  const csv = syntheticAccountsCsv(10_000);
  await runBatch({ model, text: syntheticAccountsCsv(200, 99) }); // warm up
  const t0 = performance.now();
  const out = await runBatch({ model, text: csv });
  const ms = performance.now() - t0;
  if (out.scored.length !== 10_000) log(`batch: only ${out.scored.length} of 10,000 rows scored (${out.bad.length} bad)`);
  add(`health: batch score 10,000 rows (parse+score+backtest${out.backtest ? '' : ', NO backtest'})`, Math.round(ms), 'ms', 'time', 'batchScore10kRowsMs');
}

/* e2. The same batch in Chromium (the page runs it in a Web Worker; this times the code in the browser's engine) */
try {
  const { build } = await import('esbuild');
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  const bundle = await build({
    stdin: { contents: "import { runBatch } from './src/lib/health/worker-protocol.ts'; (globalThis as any).__runBatch = runBatch;", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true, format: 'iife', write: false, platform: 'browser', minify: true, logLevel: 'silent',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const model = content.healthModels.get('high-touch-health')?.data ?? [...content.healthModels.values()][0].data;
    const csv = syntheticAccountsCsv(10_000);
    const ms = await page.evaluate(async ({ model, csv, warm }) => {
      const run = (globalThis as unknown as { __runBatch: (i: unknown) => Promise<{ scored: unknown[] }> }).__runBatch;
      await run({ model, text: warm });
      const t0 = performance.now();
      const out = await run({ model, text: csv });
      if (out.scored.length !== 10_000) throw new Error(`only ${out.scored.length} rows scored`);
      return performance.now() - t0;
    }, { model, csv, warm: syntheticAccountsCsv(200, 99) });
    add('health: batch score 10,000 rows in Chromium (parse+score+backtest)', Math.round(ms), 'ms', 'time', 'batchScore10kRowsMs');
  } finally {
    await browser.close();
  }
} catch (e) {
  log(`batch in Chromium: not measured (${(e as Error).message.split('\n')[0]})`);
}

/* f. Team import of 200 assessment files ------------------------------------------------------------ */
{
  const fwEntry = content.frameworks.get('cs-skills') ?? [...content.frameworks.values()][0];
  const fw = fwEntry.data;
  const info = { id: fwEntry.id, version: fw.version, hash: frameworkHash(fw), levels: fw.levels, elements: fw.elements };
  const files = syntheticAssessmentFiles({ id: fwEntry.id, version: fw.version, levels: fw.levels, elements: fw.elements }, [...content.roles.keys()], 200);
  const sources = files.map((f) => ({ name: f.name, origin: 'file' as const, text: f.text, size: Buffer.byteLength(f.text) }));
  importBatch([], sources.slice(0, 10), [info]); // warm up
  const t0 = performance.now();
  const res = importBatch([], sources, [info], new Date('2026-11-30T00:00:00Z'));
  const team = buildTeam(res.entries, [info]);
  const ms = performance.now() - t0;
  if (res.added !== 200) log(`team import: ${res.added} of 200 added; ${res.report.filter((r) => r.status === 'error').length} errors`);
  add(`team: import 200 assessment files (importBatch + buildTeam, ${team.length} group)`, Math.round(ms), 'ms', 'time', 'teamImport200Ms');
}

/* g. Report ------------------------------------------------------------------------------------------- */
const fmt = (v: number | undefined, unit: string) => (v === undefined ? '—' : `${v.toLocaleString('en-US')} ${unit}`);
const table = rows.map((r) => [r.figure, fmt(r.value, r.unit), r.budget === undefined ? '—' : fmt(r.budget, r.unit), r.status, r.reference ?? '']);
const head = ['figure', 'value', 'budget', 'ok/over', 'Starlight reference'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of table) console.log(line(r));

const overBytes = rows.filter((r) => r.kind === 'bytes' && r.status === 'over');
const overTimes = rows.filter((r) => r.kind === 'time' && r.status === 'over');
const result = {
  date: new Date().toISOString(),
  node: process.version,
  setup: { playbooks: PLAYBOOKS, languages: [...LANGS], frameworkElements: 100, htmlPages: htmlFiles },
  build: { seconds: b.seconds, peakMemoryMB: b.peakMB, memoryMeasuredWith: b.how, outputBytes: outBytes, outputFiles: outFiles },
  pages: pageRows.map((p) => ({ type: p.type, lang: p.lang, path: p.path, ...(p.weight ? { initialJs: p.weight.initialJs, lazyJs: p.weight.lazyJs, html: p.weight.html, css: p.weight.css, initialFiles: p.weight.initialFiles, lazyFiles: p.weight.lazyFiles } : { missing: true }) })),
  search: searchTimings,
  rows,
  reference: ref,
  overBudget: { bytes: overBytes.map((r) => r.figure), times: overTimes.map((r) => r.figure) },
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'bench.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`\nWrote bench-results/bench.json. ${overBytes.length} byte budget(s) over, ${overTimes.length} timing(s) over (timings are reported, never gates).`);

if (keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(overBytes.length ? 1 : 0);
