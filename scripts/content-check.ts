// Validates every content file and cross-reference; prints one line per problem. Exit 1 on problems.
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';

const { content, problems } = checkContent(readContentFiles(process.cwd()));
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem(s).`);
  process.exit(1);
}
const n = content.frameworks.size + content.roles.size + content.playbooks.size + content.journeys.size + content.onboarding.size + content.glossary.size + content.healthModels.size;
console.log(`Content OK: ${n} entries.`);
