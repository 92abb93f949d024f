// Lists content past its review date and content without an owner (exit 0: a report, not a gate).
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { freshnessReport } from '../src/lib/content/freshness.ts';
import { buildDate } from '../src/lib/build-date.ts';

const today = buildDate();
const { content, problems } = checkContent(readContentFiles(process.cwd()));
for (const p of problems) console.error(`error: ${formatProblem(p)}`);
const report = freshnessReport(content, today);
const section = (title: string, kinds: string[]) => {
  const rows = report.filter((r) => kinds.includes(r.kind));
  console.log(`\n${title} (${rows.length})`);
  for (const r of rows) console.log(`  ${r.file}: ${r.message}`);
};
console.log(`Content freshness report, ${today}`);
section('Past review date', ['overdue', 'never-reviewed']);
section('Without an owner', ['no-owner']);
