/**
 * Policies stated once: finds content that writes a policy's number out instead of referring to the
 * policy with `{{policy:KEY}}`. A sentence restates a policy when it holds one of the policy's numeric
 * values with the value's unit (e.g. "120 days", 「120日」, "2 business days", "50 or more") and one
 * of the policy's topic words (the policy's `topics`). Pure: the caller passes the checked content.
 */
import { policyRefRegExp } from '../../schemas/policy.ts';
import type { ContentSet, ContentProblem } from './check.ts';
import { contentTexts, type Lang, type PolicyIndex } from './policies.ts';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The number as written: digits not inside a longer number, or (English, up to twelve) the word. */
function num(n: number, lang: Lang): string {
  const digits = `(?<![\\d.,])${String(n).replace('.', '\\.')}(?![\\d]|[.,]\\d)`;
  return lang === 'en' && Number.isInteger(n) && n >= 0 && n < WORDS.length ? `(?:${digits}|\\b${WORDS[n]}\\b)` : digits;
}

/**
 * How a value is written with its unit, by the value's name (the policy schema's convention:
 * `…Percent`, `days` and `…Days`, `businessDays`, `day`, `weeks`, `score`, `points`). A name this does not
 * know yields no pattern, and `policiesWithoutPatterns` reports it so the scanner is extended.
 */
export function valuePatterns(name: string, n: number, lang: Lang): RegExp[] {
  const N = num(n, lang);
  const re = (s: string) => new RegExp(s, 'iu');
  // A range ("60–90 days", 「60〜90日」) states both of its ends.
  const R = '(?:\\s*[-–~〜～]\\s*\\d+)?';
  if (/percent$/i.test(name)) return [re(`${N}\\s*(?:%|％|percent\\b)`)];
  if (name === 'businessDays') return lang === 'en' ? [re(`${N}${R}[\\s-]business[\\s-]days?`)] : [re(`${N}${R}営業日`)];
  if (name === 'days' || /Days$/.test(name)) return lang === 'en' ? [re(`${N}${R}[\\s-](?:calendar[\\s-]|business[\\s-])?days?\\b`)] : [re(`${N}${R}(?:営業)?日(?!目)`)];
  if (name === 'day') return lang === 'en' ? [re(`\\bday[\\s-]${N}`), re(`${N}[\\s-]days?\\b`)] : [re(`${N}日(?:目|後)`)];
  // Weeks in a row ("two consecutive weekly scores", 「2週連続」), not any span of weeks.
  if (name === 'weeks') return lang === 'en' ? [re(`${N}[\\s-]consecutive[\\s-]weeks?`), re(`${N}[\\s-]consecutive[\\s-]weekly`), re(`${N}[\\s-]weeks?\\s+in\\s+a\\s+row`), re(`${N}\\s+weekly\\s+(?:scores|updates)`)] : [re(`${N}(?:週|回)連続`)];
  if (name === 'score') return lang === 'en' ? [re(`(?:≥|>=)\\s*${N}`), re(`${N}\\s+(?:points?\\s+)?or\\s+(?:more|above|higher)`), re(`at\\s+least\\s+${N}`)] : [re(`(?:≥|>=)\\s*${N}`), re(`${N}(?:点|ポイント)?以上`)];
  if (name === 'points') return lang === 'en' ? [re(`${N}[\\s-]points?`)] : [re(`${N}(?:点|ポイント)`)];
  return [];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A topic word: a whole English word or phrase (any case); Japanese anywhere in the sentence. */
const topicPattern = (w: string, lang: Lang): RegExp =>
  lang === 'en' ? new RegExp(`(?<![\\p{L}\\d])${escapeRe(w)}(?![\\p{L}\\d])`, 'iu') : new RegExp(escapeRe(w), 'iu');

/** Sentences of a text (Markdown or YAML string) in its language. */
function sentences(text: string, lang: Lang): string[] {
  const t = text.replace(policyRefRegExp(), ' ');
  return (lang === 'ja' ? t.split(/[。！？\n]+/) : t.split(/(?<=[.!?;:])\s+|\n+/)).filter((s) => s.trim());
}

export interface Restatement {
  file: string;
  path: string;
  key: string;
  sentence: string;
}

/** One allowed restatement: the file, the policy and a piece of the sentence, with the reason. */
export interface AllowedRestatement {
  file: string;
  key: string;
  contains: string;
  why: string;
}

/** Every sentence of the content that states a numeric policy value near the policy's topic. */
export function findRestatedPolicies(c: ContentSet, index: PolicyIndex, allowed: readonly AllowedRestatement[] = []): Restatement[] {
  const out: Restatement[] = [];
  const rules = [...index.values()].flatMap(({ policy }) => {
    if (!policy.topics) return [];
    const numeric = Object.entries(policy.values).filter((v): v is [string, number] => typeof v[1] === 'number');
    return [{ key: policy.key, topics: policy.topics, numeric }];
  });
  for (const { file, path, text, lang } of contentTexts(c)) {
    for (const sentence of sentences(text, lang)) {
      for (const r of rules) {
        if (!r.topics[lang].some((w) => topicPattern(w, lang).test(sentence))) continue;
        if (!r.numeric.some(([name, n]) => valuePatterns(name, n, lang).some((p) => p.test(sentence)))) continue;
        if (allowed.some((a) => a.file === file && a.key === r.key && sentence.includes(a.contains))) continue;
        out.push({ file, path, key: r.key, sentence: sentence.trim() });
      }
    }
  }
  return out;
}

/** Numeric policies the scanner cannot check: no topic words, or a value name without a unit pattern. */
export function policiesWithoutPatterns(index: PolicyIndex): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const { policy, file, path } of index.values()) {
    const numeric = Object.entries(policy.values).filter(([, v]) => typeof v === 'number');
    if (!numeric.length) continue;
    if (!policy.topics) out.push({ file, path, message: `policy "${policy.key}" has numbers but no topics: add the words of its topic in English and Japanese` });
    for (const [name, v] of numeric)
      if (!valuePatterns(name, v as number, 'en').length) out.push({ file, path: `${path}.values.${name}`, message: `no unit is known for the value name "${name}": use a known name or extend valuePatterns` });
  }
  return out;
}
