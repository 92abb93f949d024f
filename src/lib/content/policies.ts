/**
 * Policies stated once (content/policies/*.yaml) and referenced everywhere as `{{policy:KEY}}`.
 * Pure: indexes the policies, finds unknown references (with file and field path) and replaces the
 * references with the policy's text in the language of the text that holds them.
 */
import { policyRefRegExp, policyText, type Policy } from '../../schemas/policy.ts';
import type { ContentSet, Entry, ContentProblem } from './check.ts';
import { joinJapaneseLines } from './japanese.ts';

export type Lang = 'en' | 'ja';
export interface IndexedPolicy {
  policy: Policy;
  file: string;
  path: string;
}
export type PolicyIndex = Map<string, IndexedPolicy>;

/** Every policy by key, with the file and field that defines it. Duplicate keys are reported. */
export function indexPolicies(c: Pick<ContentSet, 'policies'>, problems?: ContentProblem[]): PolicyIndex {
  const out: PolicyIndex = new Map();
  for (const g of c.policies.values()) {
    g.data.policies.forEach((p, i) => {
      const prev = out.get(p.key);
      if (prev) problems?.push({ file: g.file, path: `policies[${i}].key`, message: `duplicate policy key "${p.key}": ${prev.file} (${prev.path}) already defines it` });
      else out.set(p.key, { policy: p, file: g.file, path: `policies[${i}]` });
    });
  }
  return out;
}

/** Keys referenced in a text, in order (with repeats). */
export function policyRefs(text: string): string[] {
  return [...text.matchAll(policyRefRegExp())].map((m) => m[1]);
}

/** Text before a reference that puts it at the start of a sentence, a line, a list item or an HTML element. */
const SENTENCE_START = /(?:^|[.!?]\s+|\n\s*(?:[-*+]\s+|\d+\.\s+)?|>\s*|^["“(]|\s["“(])$/;

/** Replaces every known reference with the policy's text; unknown references are left as written. */
export function resolvePolicyRefs(text: string, lang: Lang, index: PolicyIndex, escape: (s: string) => string = (s) => s): string {
  if (!text.includes('{{')) return text;
  return text.replace(policyRefRegExp(), (whole, key: string, offset: number) => {
    const p = index.get(key);
    if (!p) return whole;
    const t = policyText(p.policy, lang);
    // English policy texts are sentence fragments: capitalised where they open a sentence or an element.
    const opens = lang === 'en' && SENTENCE_START.test(text.slice(Math.max(0, offset - 80), offset));
    return escape(opens ? t.charAt(0).toUpperCase() + t.slice(1) : t);
  });
}

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => HTML_ESC[ch]);

/** Rendered HTML of a Markdown body: references become the (escaped) policy text; Japanese lines join. */
export function resolveBodyHtml(html: string, lang: Lang, index: PolicyIndex): string {
  const out = resolvePolicyRefs(html, lang, index, escapeHtml);
  return lang === 'ja' ? joinJapaneseLines(out) : out;
}

/** Calls `visit` for every string in a value, with its field path and the language it is written in. */
export function walkStrings(value: unknown, lang: Lang, visit: (s: string, path: string, lang: Lang) => void, path = ''): void {
  if (typeof value === 'string') visit(value, path || '(file)', lang);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, lang, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const childLang: Lang = isLocalised(value) && (k === 'en' || k === 'ja') ? k : lang;
      walkStrings(v, childLang, visit, path ? `${path}.${k}` : k);
    }
  }
}

/** Maps every string of a value (same rules as walkStrings); returns a copy. */
export function mapStrings<T>(value: T, lang: Lang, fn: (s: string, lang: Lang) => string): T {
  if (typeof value === 'string') return fn(value, lang) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, lang, fn)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const childLang: Lang = isLocalised(value) && (k === 'en' || k === 'ja') ? k : lang;
      out[k] = mapStrings(v, childLang, fn);
    }
    return out as T;
  }
  return value;
}

/** A localised value: { en: text | list, ja?: text | list } (LText, LList, glossary aliases). */
function isLocalised(v: object): boolean {
  const o = v as Record<string, unknown>;
  const ok = (x: unknown) => x === undefined || typeof x === 'string' || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
  return ('en' in o || 'ja' in o) && ok(o.en) && ok(o.ja);
}

/** The texts of the content that may hold references, with the language each is written in. */
function* textSources(c: ContentSet): Generator<{ entry: Entry<unknown>; lang: Lang }> {
  for (const e of c.playbooks.values()) yield { entry: e, lang: 'en' };
  for (const [locale, byId] of c.playbookTranslations) for (const e of byId.values()) yield { entry: e, lang: locale === 'ja' ? 'ja' : 'en' };
  for (const key of ['frameworks', 'roles', 'journeys', 'onboarding', 'glossary', 'healthModels', 'team'] as const)
    for (const e of c[key].values()) yield { entry: e, lang: 'en' };
}

/** Every text of the content with its file, field and language: YAML strings and Markdown bodies (not the policies themselves). */
export function* contentTexts(c: ContentSet): Generator<{ file: string; path: string; text: string; lang: Lang }> {
  for (const { entry, lang } of textSources(c)) {
    const found: { file: string; path: string; text: string; lang: Lang }[] = [];
    walkStrings(entry.data, lang, (s, path, l) => found.push({ file: entry.file, path, text: s, lang: l }));
    yield* found;
    if (entry.body) yield { file: entry.file, path: '(body)', text: entry.body, lang };
  }
}

/** Reports every reference to a policy that does not exist, naming the file, the field and the key. */
export function checkPolicyRefs(c: ContentSet, index: PolicyIndex, problems: ContentProblem[]): void {
  const known = [...index.keys()].sort().join(', ') || 'none';
  const check = (file: string, path: string, s: string) => {
    for (const key of policyRefs(s))
      if (!index.has(key)) problems.push({ file, path, message: `unknown policy "${key}" in {{policy:${key}}}; known policies: ${known}` });
  };
  for (const { entry } of textSources(c)) {
    walkStrings(entry.data, 'en', (s, path) => check(entry.file, path, s));
    if (entry.body) check(entry.file, '(body)', entry.body);
  }
  // Policies may not refer to policies (one level only: a policy's text is what pages show).
  for (const g of c.policies.values()) walkStrings(g.data, 'en', (s, path) => { if (policyRefs(s).length) problems.push({ file: g.file, path, message: 'a policy cannot refer to another policy' }); });
}

/** Steps that name a policy (`policy: KEY`) must have the day the policy sets. */
export function checkPolicySteps(c: ContentSet, index: PolicyIndex, problems: ContentProblem[]): void {
  for (const p of c.playbooks.values()) {
    p.data.steps.forEach((s, i) => {
      if (!s.policy) return;
      const ip = index.get(s.policy);
      if (!ip) { problems.push({ file: p.file, path: `steps[${i}].policy`, message: `unknown policy "${s.policy}"; known policies: ${[...index.keys()].sort().join(', ') || 'none'}` }); return; }
      if (ip.policy.day === undefined) problems.push({ file: p.file, path: `steps[${i}].policy`, message: `policy "${s.policy}" (${ip.file}) sets no day; only policies with a day can time a step` });
      else if (ip.policy.day !== s.day) problems.push({ file: p.file, path: `steps[${i}].day`, message: `is ${s.day} but policy "${s.policy}" (${ip.file}) sets day ${ip.policy.day}: make them agree` });
    });
  }
}

/** The policy whose value every health model's `trendAlert` must equal (the models state it in their texts by reference). */
export const TREND_ALERT_POLICY = 'trend-alert';

/** Health models raise a trend alert at the change the trend-alert policy sets. */
export function checkPolicyModels(c: ContentSet, index: PolicyIndex, problems: ContentProblem[]): void {
  const ip = index.get(TREND_ALERT_POLICY);
  const points = ip?.policy.values.points;
  if (typeof points !== 'number') return;
  for (const m of c.healthModels.values())
    if (m.data.trendAlert !== points) problems.push({ file: m.file, path: 'trendAlert', message: `is ${m.data.trendAlert} but policy "${TREND_ALERT_POLICY}" (${ip!.file}) sets ${points} points: make them agree` });
}

/**
 * The content with every reference replaced by the policy's text in the language of the text that
 * holds it, and Japanese line wraps joined (YAML folding must not leave spaces between Japanese).
 */
/** One entry's data as pages show it: references resolved in each text's language, Japanese wraps joined. */
export function resolveData<T>(data: T, lang: Lang, index: PolicyIndex): T {
  return mapStrings(data, lang, (s, l) => {
    const r = resolvePolicyRefs(s, l, index);
    return l === 'ja' ? joinJapaneseLines(r) : r;
  });
}

export function resolveContent(c: ContentSet): ContentSet {
  const index = indexPolicies(c);
  const fix = (s: string, lang: Lang) => {
    const r = resolvePolicyRefs(s, lang, index);
    return lang === 'ja' ? joinJapaneseLines(r) : r;
  };
  const mapEntries = <T>(m: Map<string, Entry<T>>, lang: Lang): Map<string, Entry<T>> =>
    new Map([...m].map(([id, e]) => [id, { ...e, data: mapStrings(e.data, lang, fix), body: e.body === undefined ? undefined : resolvePolicyRefs(e.body, lang, index) }]));
  return {
    ...c,
    playbooks: mapEntries(c.playbooks, 'en'),
    playbookTranslations: new Map([...c.playbookTranslations].map(([loc, m]) => [loc, mapEntries(m, loc === 'ja' ? 'ja' : 'en')])),
    frameworks: mapEntries(c.frameworks, 'en'),
    roles: mapEntries(c.roles, 'en'),
    journeys: mapEntries(c.journeys, 'en'),
    onboarding: mapEntries(c.onboarding, 'en'),
    glossary: mapEntries(c.glossary, 'en'),
    healthModels: mapEntries(c.healthModels, 'en'),
    team: mapEntries(c.team, 'en'),
    policies: new Map([...c.policies].map(([id, e]) => [id, { ...e, data: mapStrings(e.data, 'en', (s, lang) => (lang === 'ja' ? joinJapaneseLines(s) : s)) }])),
  };
}
