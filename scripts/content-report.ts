// Lists Japanese translation coverage per collection, content past its review date, content without
// an owner, and team ratings without evidence (exit 0: a report, not a gate).
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { freshnessReport } from '../src/lib/content/freshness.ts';
import { ratingsWithoutEvidence, translationCoverage } from '../src/lib/content/coverage.ts';
import { buildDate } from '../src/lib/build-date.ts';

const today = buildDate();
const { content, problems } = checkContent(readContentFiles(process.cwd()));
for (const p of problems) console.error(`error: ${formatProblem(p)}`);
console.log(`Content report, ${today}`);

const coverage = translationCoverage(content);
const all = coverage.reduce((a, r) => ({ n: a.n + r.entries, t: a.t + r.translated }), { n: 0, t: 0 });
console.log(
  `\nJapanese translation coverage (${all.n ? Math.floor((all.t / all.n) * 1000) / 10 : 100} % of ${all.n} entries)`,
);
for (const r of coverage) {
  console.log(`  ${r.collection.padEnd(13)} ${String(r.percent).padStart(5)} %  (${r.translated}/${r.entries})`);
  for (const m of r.missing) console.log(`      ${m.file}: ${m.path}`);
}

const report = freshnessReport(content, today);
const section = (title: string, kinds: string[]) => {
  const rows = report.filter((r) => kinds.includes(r.kind));
  console.log(`\n${title} (${rows.length})`);
  for (const r of rows) console.log(`  ${r.file}: ${r.message}`);
};
section('Past review date', ['overdue', 'never-reviewed']);
section('Without an owner', ['no-owner']);

const evidence = ratingsWithoutEvidence(content);
console.log(`\nTeam ratings without evidence, latest review (${evidence.length})`);
for (const e of evidence) console.log(`  ${e.file} (${e.date}): ${e.elements.join(', ')}`);
