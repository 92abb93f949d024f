// Validates every content file and cross-reference; prints one line per problem. Exit 1 on problems.
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { COLLECTIONS, COLLECTION_IDS } from '../src/lib/content/collections.ts';

const { content, problems } = checkContent(readContentFiles(process.cwd()));
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem(s).`);
  process.exit(1);
}
// Entries of every collection but translations (counted with the entry they translate).
const n = COLLECTION_IDS.filter((id) => COLLECTIONS[id].format !== 'md-translations').reduce(
  (sum, id) => sum + content[id].size,
  0,
);
console.log(`Content OK: ${n} entries.`);
