// Japanese style check: textlint (.textlintrc.yml: ja-technical-writing, JTF style, prh with
// content/terms.yml) over the Japanese content as pages show it. One line per problem:
//   content/<file>: <field path>[:line:column]: <message> (<rule>)
// Exit 1 on any problem. `--fix` is not offered: fix the source file the message names.

import { createLinter, loadTextlintrc } from 'textlint';
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { japaneseTexts } from '../src/lib/content/ja-texts.ts';

const files = readContentFiles(process.cwd());
const { content, problems } = checkContent(files);
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error('Fix the content problems above first (npm run content:check).');
  process.exit(1);
}
const texts = japaneseTexts(content, new Map(files.map((f) => [f.path, f.text])));
const linter = createLinter({ descriptor: await loadTextlintrc({ configFilePath: '.textlintrc.yml' }) });
let count = 0;
for (const t of texts) {
  // A label or list item (no 。 in it) is not a sentence: it is checked as if it ended one, so the
  // period rule (ja-no-mixed-period) applies only to prose, which must end its sentences with 。.
  const text = t.kind === 'text' && !t.text.includes('。') && !/[？]$/.test(t.text) ? `${t.text}。` : t.text;
  const result = await linter.lintText(text, t.kind === 'markdown' ? `${t.file}.md` : `${t.file}.txt`);
  for (const m of result.messages) {
    count++;
    const where = t.kind === 'markdown' ? `${t.path}:${t.firstLine + m.line - 1}:${m.column}` : `${t.path}:${m.column}`;
    const quote = t.kind === 'text' ? ` — “${t.text.slice(Math.max(0, m.index - 12), m.index + 12)}”` : '';
    console.log(`${t.file}: ${where}: ${m.message.split('\n')[0]} (${m.ruleId})${quote}`);
  }
}
console.log(
  count
    ? `\n${count} Japanese style problem(s) in ${texts.length} texts.`
    : `Japanese style OK: ${texts.length} texts checked.`,
);
process.exit(count ? 1 : 0);
