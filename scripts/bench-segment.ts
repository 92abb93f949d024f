/**
 * Japanese word segmentation speed: lunr-languages' TinySegmenter against the project's compiled
 * segmenter (src/lib/search/segmenter.ts), on all the Japanese runs of content/ repeated 50 times,
 * the way the index builder calls it. Checks the two agree, then times each several times,
 * alternating, and prints the medians (CPU ms of this process) and the speed-up as JSON.
 * Usage: node scripts/bench-segment.ts [runs (default 7)] [repeat (default 50)]
 */
import { compileSegmenter, newTinySegmenter } from '../src/lib/search/segmenter.ts';
import { contentJapanese } from './lib/ja-content.ts';

const runs = Number(process.argv[2] ?? 7);
const repeat = Number(process.argv[3] ?? 50);

const library = newTinySegmenter();
const compiled = compileSegmenter(library);

const texts = contentJapanese().runs;
const chars = texts.reduce((n, t) => n + t.length, 0);
for (const t of texts)
  if (JSON.stringify(library.segment(t)) !== JSON.stringify(compiled(t))) throw new Error(`differs: ${t}`);

/** CPU time (ms) of segmenting every text `repeat` times: what load from other processes does not inflate. */
function time(segment: (s: string) => string[]): number {
  const c0 = process.cpuUsage();
  let pieces = 0;
  for (let r = 0; r < repeat; r++) for (const t of texts) pieces += segment(t).length;
  const c = process.cpuUsage(c0);
  if (pieces === 0) throw new Error('nothing segmented');
  return (c.user + c.system) / 1000;
}

const old: number[] = [];
const now: number[] = [];
time((s) => library.segment(s)); // warm up both
time(compiled);
for (let i = 0; i < runs; i++) {
  old.push(time((s) => library.segment(s)));
  now.push(time(compiled));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    texts: texts.length,
    chars,
    repeat,
    runs,
    libraryMs: round(median(old)),
    compiledMs: round(median(now)),
    speedUp: round(median(old) / median(now)),
    libraryAllMs: old.map(round),
    compiledAllMs: now.map(round),
  }),
);
