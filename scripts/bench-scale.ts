/**
 * The build as content grows, and beside Starlight on the same content.
 *
 *   npm run bench -- --scale                 builds 1,000, 5,000 and 10,000 synthetic playbooks (each in
 *                                            English and Japanese) and reports time, peak memory, output
 *                                            size and pages, with the growth factor between steps
 *   npm run bench -- --scale=1000,2000       other steps
 *   npm run bench -- --vs-starlight          builds the same synthetic playbooks with Starlight (installed
 *                                            from the npm registry into a temporary directory) and Bansō,
 *                                            and prints both side by side, per page too
 *   --runs=N                                 builds each step N times and reports min / median / max
 *                                            (Starlight and Bansō take turns run by run)
 *
 * Writes bench-results/scale.json and/or bench-results/starlight.json. Timings are reported, never gates.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkContent } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { refsFromContent, syntheticPlaybooks } from './lib/synthetic.ts';
import { childBuildEnv } from './lib/build-env.ts';
import { measureNode, outputSize, type MeasuredRun } from './lib/build-measure.ts';

const ROOT = process.cwd();
const STARLIGHT_VERSION = '0.42.4';
const log = (s: string) => process.stderr.write(`[bench-scale] ${s}\n`);

interface Step {
  playbooks: number;
  pages: number;
  outputMB: number;
  runs: MeasuredRun[];
}
interface Summary {
  min: number;
  median: number;
  max: number;
}
const summary = (xs: number[]): Summary => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const fmtS = (x: Summary, digits = 1) =>
  `${x.median.toFixed(digits)} (${x.min.toFixed(digits)}–${x.max.toFixed(digits)})`;

/** Synthetic playbooks for a content set (the benchmark's generator), English and Japanese. */
function synthetic(count: number) {
  const base = checkContent(readContentFiles(ROOT)).content;
  return syntheticPlaybooks(refsFromContent(base), { count });
}

/** A copy of the project with `count` synthetic playbooks added to its content. */
function banso(count: number): string {
  const work = mkdtempSync(join(tmpdir(), `banso-scale-${count}-`));
  for (const p of ['src', 'public', 'content', 'scripts']) cpSync(join(ROOT, p), join(work, p), { recursive: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
    if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(work, f));
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  for (const f of synthetic(count)) {
    mkdirSync(dirname(join(work, f.path)), { recursive: true });
    writeFileSync(join(work, f.path), f.text);
  }
  return work;
}

interface Build {
  name: string;
  count: number;
  dir: string;
  args: string[];
  /** More to remove before each run than dist/. */
  clean: string[];
}

/** One build of `b` from a clean output, logged. */
async function buildOnce(
  b: Build,
  i: number,
  runs: number,
): Promise<{ run: MeasuredRun; size: ReturnType<typeof outputSize> }> {
  for (const p of ['dist', ...b.clean]) rmSync(join(b.dir, p), { recursive: true, force: true });
  log(`${b.name}, ${b.count} playbooks, run ${i + 1}/${runs} …`);
  const r = await measureNode(b.args, b.dir, childBuildEnv());
  if (r.code !== 0) throw new Error(`${b.name} build of ${b.count} playbooks failed:\n${r.tail}`);
  const size = outputSize(join(b.dir, 'dist'));
  log(`  ${r.seconds.toFixed(1)} s, peak ${r.peakMB.toFixed(0)} MB, ${size.html} pages`);
  return { run: r, size };
}

/**
 * Builds each of `builds` `runs` times, taking turns (A, B, A, B…) so that a change in the machine's
 * load falls on both alike; removes their directories at the end.
 */
async function measureInTurns(builds: Build[], runs: number): Promise<Step[]> {
  try {
    const steps: Step[] = builds.map((b) => ({ playbooks: b.count, pages: 0, outputMB: 0, runs: [] }));
    for (let i = 0; i < runs; i++)
      for (const [k, b] of builds.entries()) {
        const { run, size } = await buildOnce(b, i, runs);
        steps[k].runs.push(run);
        steps[k].pages = size.html;
        steps[k].outputMB = size.bytes / 1e6;
      }
    return steps;
  } finally {
    for (const b of builds) rmSync(b.dir, { recursive: true, force: true });
  }
}

function bansoBuild(count: number): Build {
  const work = banso(count);
  return {
    name: 'Bansō',
    count,
    dir: work,
    args: [join(work, 'scripts', 'build.ts')],
    clean: [join('node_modules', '.astro')],
  };
}

/** A Starlight site in a temporary directory with the same synthetic playbooks as docs pages, both languages. */
function starlightSite(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `starlight-${count}-`));
  const astroVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8'))
    .version as string;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'starlight-bench',
        private: true,
        type: 'module',
        dependencies: { astro: astroVersion, '@astrojs/starlight': STARLIGHT_VERSION },
      },
      null,
      2,
    ),
  );
  log(`installing Starlight ${STARLIGHT_VERSION} with astro ${astroVersion} in ${dir} …`);
  const inst = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (inst.status !== 0) throw new Error(`npm install of Starlight failed:\n${inst.stderr}`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      'export default defineConfig({ integrations: [starlight({ title: "Bench", defaultLocale: "root",',
      '  locales: { root: { label: "English", lang: "en" }, ja: { label: "日本語", lang: "ja" } } })] });',
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  // The same words as Bansō's playbook pages: title, summary, steps and body.
  for (const f of synthetic(count)) {
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(f.text);
    if (!m) continue;
    const fm = parseYaml(m[1]) as { title: string; summary?: string; steps?: { title: string; detail?: string }[] };
    const lang = f.path.includes('/ja/') ? 'ja/' : '';
    const id = f.path.replace(/^.*\//, '').replace(/\.md$/, '');
    const steps = (fm.steps ?? [])
      .map((s, i) => `${i + 1}. **${s.title}**${s.detail ? ` — ${s.detail}` : ''}`)
      .join('\n');
    const text = `---\ntitle: ${JSON.stringify(fm.title)}\ndescription: ${JSON.stringify(fm.summary ?? '')}\n---\n\n${steps}\n\n${m[2]}`;
    const out = join(dir, 'src', 'content', 'docs', lang, 'playbooks', `${id}.md`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  }
  writeFileSync(join(dir, 'src', 'content', 'docs', 'index.md'), '---\ntitle: Bench\n---\n\nBench.\n');
  return dir;
}

function starlightBuild(count: number): Build {
  const dir = starlightSite(count);
  // Starlight with its defaults, through the same Node as Bansō's build.
  return {
    name: 'Starlight',
    count,
    dir,
    args: [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    clean: [],
  };
}

const describe = (s: Step) => {
  const t = summary(s.runs.map((r) => r.seconds));
  const m = summary(s.runs.map((r) => r.peakMB));
  return {
    playbooks: s.playbooks,
    pages: s.pages,
    outputMB: Number(s.outputMB.toFixed(1)),
    seconds: t,
    peakMB: m,
    msPerPage: (t.median * 1000) / s.pages,
  };
};

export async function runScaleBench(argv: string[]): Promise<number> {
  const runs = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
  const scaleArg = argv.find((a) => a.startsWith('--scale'));
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });

  if (scaleArg) {
    const counts = scaleArg.includes('=') ? scaleArg.slice(8).split(',').map(Number) : [1000, 5000, 10000];
    const steps: ReturnType<typeof describe>[] = [];
    for (const n of counts) steps.push(describe((await measureInTurns([bansoBuild(n)], runs))[0]));
    console.log(
      'playbooks | pages  | build s (min–max)  | ms/page | peak MB (min–max) | output MB | time ×   | memory ×',
    );
    console.log(
      '----------|--------|--------------------|---------|-------------------|-----------|----------|---------',
    );
    steps.forEach((s, i) => {
      const prev = steps[i - 1];
      const growth = prev
        ? `${(s.seconds.median / prev.seconds.median).toFixed(2)} for ${(s.pages / prev.pages).toFixed(2)}× pages`
        : '—';
      const mem = prev ? (s.peakMB.median / prev.peakMB.median).toFixed(2) : '—';
      console.log(
        `${String(s.playbooks).padStart(9)} | ${String(s.pages).padStart(6)} | ${fmtS(s.seconds).padStart(18)} | ${s.msPerPage.toFixed(1).padStart(7)} | ${fmtS(s.peakMB, 0).padStart(17)} | ${s.outputMB.toFixed(1).padStart(9)} | ${growth.padEnd(8)} | ${mem}`,
      );
    });
    writeFileSync(
      join(ROOT, 'bench-results', 'scale.json'),
      `${JSON.stringify({ date: new Date().toISOString(), runs, steps }, null, 2)}\n`,
    );
    console.log(
      '\nWrote bench-results/scale.json. Time should grow at most in proportion to pages; memory should not.',
    );
  }

  if (argv.includes('--vs-starlight')) {
    const n = Number(argv.find((a) => a.startsWith('--playbooks='))?.slice(12) ?? 1000);
    // Starlight and Bansō take turns, so both see the same machine.
    const [slStep, bsStep] = await measureInTurns([starlightBuild(n), bansoBuild(n)], runs);
    const sl = describe(slStep);
    const bs = describe(bsStep);
    console.log(`\n${n} synthetic playbooks, English and Japanese (median, min–max of ${runs} run(s))`);
    console.log('site              | pages  | build s            | ms/page | peak MB           | output MB');
    console.log('------------------|--------|--------------------|---------|-------------------|----------');
    for (const [name, s] of [
      [`Starlight ${STARLIGHT_VERSION}`, sl],
      ['Bansō', bs],
    ] as const)
      console.log(
        `${name.padEnd(17)} | ${String(s.pages).padStart(6)} | ${fmtS(s.seconds).padStart(18)} | ${s.msPerPage.toFixed(1).padStart(7)} | ${fmtS(s.peakMB, 0).padStart(17)} | ${s.outputMB.toFixed(1).padStart(9)}`,
      );
    const ratio = bs.msPerPage / sl.msPerPage;
    const memoryRatio = bs.peakMB.median / sl.peakMB.median;
    const budgets = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8')).ratios ?? {};
    const verdict = (x: number, key: string) => {
      const max = budgets[key]?.max as number | undefined;
      return max === undefined ? '' : ` (budget ${(max * 100).toFixed(0)} %: ${x <= max ? 'ok' : 'over'})`;
    };
    console.log(
      `\nBansō's time per page is ${(ratio * 100).toFixed(0)} % of Starlight's${verdict(ratio, 'buildTimePerPageVsStarlight')}; peak memory ${(memoryRatio * 100).toFixed(0)} %${verdict(memoryRatio, 'buildPeakMemoryVsStarlight')}.`,
    );
    writeFileSync(
      join(ROOT, 'bench-results', 'starlight.json'),
      `${JSON.stringify(
        { date: new Date().toISOString(), runs, starlight: sl, banso: bs, timePerPageRatio: ratio, memoryRatio },
        null,
        2,
      )}\n`,
    );
  }
  return 0;
}
