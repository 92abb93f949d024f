/**
 * Deterministic synthetic content for the benchmark (`npm run bench`) and its tests: schema-valid
 * playbooks (English + Japanese translation files) that reference real roles, framework elements and
 * journey stages; a large two-language framework; assessment files; a health-score CSV of accounts.
 * Pure: every generator returns text (SourceFile[] or strings) from a seed, the caller writes it.
 */
import { stringify } from 'yaml';
import type { ContentSet, SourceFile } from '../../src/lib/content/check.ts';
import { frameworkHash } from '../../src/lib/assessment/framework-hash.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import type { Assessment } from '../../src/schemas/assessment.ts';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../../src/schemas/assessment-constants.ts';
import { PLAYBOOK_TYPES, TRIGGER_KINDS } from '../../src/schemas/playbook.ts';
import { LAYERS, PHASES, TOUCHES } from '../../src/schemas/patterns.ts';

/** The seeded PRNG of the benchmark and tests: the project's one (src/lib/random.ts). */
export { seededRandom as prng } from '../../src/lib/random.ts';
import { seededRandom as prng } from '../../src/lib/random.ts';

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const pickSome = <T>(r: Rand, a: readonly T[], n: number): T[] => {
  const pool = [...a];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
};
const pad = (i: number, w = 4) => String(i).padStart(w, '0');

/* ---------------------------------------------------------------------------------------------
 * Vocabulary: parallel English / Japanese slot values, so one random choice gives both languages.
 * ------------------------------------------------------------------------------------------- */

type Pair = readonly [en: string, ja: string];
const SLOTS: Record<string, readonly Pair[]> = {
  m: [
    ['licence utilisation', 'ライセンス利用率'],
    ['weekly active users', '週次アクティブユーザー数'],
    ['NPS', 'NPS'],
    ['CSAT', '顧客満足度'],
    ['health score', 'ヘルススコア'],
    ['feature adoption', '機能の活用度'],
    ['login rate', 'ログイン率'],
    ['ticket volume', '問い合わせ件数'],
    ['time to value', 'タイムトゥバリュー'],
    ['net revenue retention', '売上継続率'],
    ['training completion', 'トレーニング完了率'],
    ['data import status', 'データ取り込み状況'],
  ],
  s: [
    ['executive sponsor', 'エグゼクティブスポンサー'],
    ['project lead', 'プロジェクト責任者'],
    ['champion', 'チャンピオン'],
    ['HR administrator', '人事担当者'],
    ['finance contact', '経理担当者'],
    ['IT owner', '情報システム担当者'],
    ['procurement lead', '購買担当者'],
  ],
  e: [
    ['kickoff', 'キックオフ'],
    ['quarterly business review', '四半期ビジネスレビュー'],
    ['executive business review', '経営層レビュー'],
    ['renewal call', '更新面談'],
    ['health check', 'ヘルスチェック'],
    ['training session', 'トレーニング'],
    ['workshop', 'ワークショップ'],
  ],
  o: [
    ['success plan', 'サクセスプラン'],
    ['first-value milestone', 'ファーストバリューのマイルストーン'],
    ['renewal forecast', '更新見込み'],
    ['expansion proposal', '追加提案'],
    ['adoption goal', '活用目標'],
    ['mutual action plan', '共同アクションプラン'],
  ],
  g: [
    ['enterprise', 'エンタープライズ'],
    ['mid-market', 'ミッドマーケット'],
    ['small business', '中小企業'],
    ['public sector', '公共'],
    ['healthcare', '医療'],
    ['manufacturing', '製造業'],
  ],
  b: [
    ['red', 'レッド'],
    ['yellow', 'イエロー'],
    ['green', 'グリーン'],
  ],
  k: [
    ['churn', '解約'],
    ['expansion', 'エクスパンション'],
    ['adoption', '定着'],
    ['renewal', '契約更新'],
    ['advocacy', 'アドボカシー'],
  ],
  c: [
    ['week', '毎週'],
    ['month', '毎月'],
    ['quarter', '四半期'],
  ],
};

/** Sentence templates: [English, Japanese], slots written {x}; {n} is a number. */
const SENTENCES: readonly Pair[] = [
  [
    'When {m} drops below {n} % for two weeks, book a call with the {s}.',
    '{m}が2週間続けて{n}%を下回ったら、{s}との打ち合わせを設定します。',
  ],
  [
    'Agree the {o} with the {s} and record it in the CRM before the {e}.',
    '{e}の前に{s}と{o}を合意し、CRMに登録します。',
  ],
  [
    'Review {m} every {c} and flag accounts in the {b} band.',
    '{c}ごとに{m}を確認し、{b}のアカウントにフラグを立てます。',
  ],
  [
    'Prepare the {e} deck with usage, {m} and open support tickets.',
    '利用状況、{m}、未解決の問い合わせをまとめた{e}の資料を準備します。',
  ],
  [
    'Escalate if the {s} has not replied within {n} business days.',
    '{s}から{n}営業日以内に返信がない場合はエスカレーションします。',
  ],
  [
    'Share the recap and the next steps with the {s} within one business day.',
    '1営業日以内に議事録と次のアクションを{s}に共有します。',
  ],
  [
    'Customers who reach first value within {n} days renew more often.',
    '{n}日以内にファーストバリューに到達した顧客ほど、契約更新率が高い傾向があります。',
  ],
  [
    'Adapt the template to the {g} segment and the touch model.',
    'テンプレートを{g}のセグメントとタッチモデルに合わせて調整します。',
  ],
  [
    'A falling {m} is an early {k} signal; confirm it with the {s} before acting.',
    '{m}の低下は{k}の早期シグナルです。対応の前に{s}に確認します。',
  ],
  ['Invite the {s} to the {e} and agree who owns each action.', '{s}を{e}に招待し、各アクションの担当者を決めます。'],
];
const TITLES: readonly Pair[] = [
  ['{m} review for {g} accounts', '{g}向け{m}のレビュー'],
  ['{m} below target', '{m}が目標未達'],
  ['{e} with the {s}', '{s}との{e}'],
  ['Recover {m} in {g}', '{g}の{m}改善'],
  ['{o} for the {s}', '{s}向けの{o}'],
];

/** Fill one template pair with the same choices in both languages. */
function fill(r: Rand, t: Pair): Pair {
  const choices: (Pair | string)[] = [];
  const en = t[0].replace(/\{(\w)\}/g, (_, k: string) => {
    const c = k === 'n' ? String(int(r, 2, 90)) : pick(r, SLOTS[k]);
    choices.push(c);
    return typeof c === 'string' ? c : c[0];
  });
  // Japanese templates use the same slots in the same order except where word order differs: refill by key.
  const byKey = new Map<string, (Pair | string)[]>();
  let i = 0;
  t[0].replace(/\{(\w)\}/g, (_, k: string) => {
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(choices[i++]);
    return '';
  });
  const used = new Map<string, number>();
  const ja = t[1].replace(/\{(\w)\}/g, (_, k: string) => {
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    const list = byKey.get(k) ?? [];
    const c = list[Math.min(n, list.length - 1)] ?? (k === 'n' ? '10' : SLOTS[k][0]);
    return typeof c === 'string' ? c : c[1];
  });
  return [en, ja];
}
const sentences = (r: Rand, n: number): Pair => {
  const parts = Array.from({ length: n }, () => fill(r, pick(r, SENTENCES)));
  return [parts.map((p) => p[0]).join(' '), parts.map((p) => p[1]).join('')];
};

/* ---------------------------------------------------------------------------------------------
 * References into the real content
 * ------------------------------------------------------------------------------------------- */

export interface SyntheticRefs {
  roles: string[];
  elements: { framework: string; element: string; maxLevel: number }[];
  stages: { journey: string; stage: string }[];
}

/** Ids the synthetic playbooks may reference, taken from checked content. */
export function refsFromContent(c: ContentSet): SyntheticRefs {
  return {
    roles: [...c.roles.keys()].sort(),
    elements: [...c.frameworks.values()].flatMap((f) =>
      f.data.elements.map((e) => ({ framework: f.id, element: e.id, maxLevel: f.data.levels.length })),
    ),
    stages: [...c.journeys.values()].flatMap((j) => j.data.stages.map((s) => ({ journey: j.id, stage: s.id }))),
  };
}

export interface SyntheticPlaybookOptions {
  count: number;
  seed?: number;
  /** File ids are `<prefix>-0001`… */
  prefix?: string;
}

/**
 * `count` playbooks: content/playbooks/en/<id>.md and content/playbooks/ja/<id>.md for each,
 * with lists of equal length in both files.
 */
export function syntheticPlaybooks(refs: SyntheticRefs, opts: SyntheticPlaybookOptions): SourceFile[] {
  if (!refs.roles.length) throw new Error('synthetic playbooks need at least one role');
  const r = prng(opts.seed ?? 8);
  const prefix = opts.prefix ?? 'synthetic';
  const files: SourceFile[] = [];
  for (let i = 1; i <= opts.count; i++) {
    const id = `${prefix}-${pad(i)}`;
    const title = fill(r, pick(r, TITLES));
    const summary = sentences(r, 2);
    const trigger = sentences(r, 1);
    const objective = sentences(r, 1);
    let day = int(r, -30, 0);
    const steps = Array.from({ length: int(r, 3, 7) }, () => {
      day += int(r, 0, 20);
      const st = fill(r, pick(r, TITLES));
      const detail = sentences(r, int(r, 1, 2));
      return { title: st, detail, owner: pick(r, refs.roles), day, when: `Day ${day}` };
    });
    const exit = Array.from({ length: int(r, 1, 3) }, () => sentences(r, 1));
    const metrics = Array.from({ length: int(r, 1, 3) }, () => fill(r, pick(r, TITLES)));
    const trains = pickSome(r, refs.elements, int(r, 1, 3)).map((e) => ({
      framework: e.framework,
      element: e.element,
      level: int(r, 1, e.maxLevel),
    }));
    const journeyStages = pickSome(r, refs.stages, int(r, 0, 2)).map((s) => ({ journey: s.journey, stage: s.stage }));
    const body = Array.from({ length: 3 }, () => sentences(r, int(r, 2, 4)));
    const headings: Pair[] = [
      ['Why it matters', 'なぜ重要か'],
      ['How to run it', '進め方'],
      ['Pitfalls', '注意点'],
    ];

    const en = {
      title: `${title[0]} (${i})`,
      summary: summary[0],
      type: pick(r, PLAYBOOK_TYPES),
      phase: pick(r, PHASES),
      layers: pickSome(r, LAYERS, int(r, 1, 2)),
      touch: pickSome(r, TOUCHES, int(r, 1, 2)),
      trigger: { kind: pick(r, TRIGGER_KINDS), automatic: r() < 0.5, description: trigger[0] },
      objective: objective[0],
      ownerRole: pick(r, refs.roles),
      steps: steps.map((s) => ({ title: s.title[0], owner: s.owner, when: s.when, day: s.day, detail: s.detail[0] })),
      exitCriteria: exit.map((x) => x[0]),
      metrics: metrics.map((x) => x[0]),
      trains,
      journeyStages,
      owner: 'CS Enablement',
      reviewed: '2026-11-01',
      reviewEvery: 365,
    };
    const ja = {
      title: `${title[1]}(${i})`,
      summary: summary[1],
      trigger: { description: trigger[1] },
      objective: objective[1],
      steps: steps.map((s) => ({ title: s.title[1], when: `${s.day}日目`, detail: s.detail[1] })),
      exitCriteria: exit.map((x) => x[1]),
      metrics: metrics.map((x) => x[1]),
      translated: '2026-11-01',
    };
    const md = (front: object, lang: 0 | 1) =>
      `---\n${stringify(front, { lineWidth: 0 })}---\n${body.map((b, k) => `## ${headings[k][lang]}\n\n${b[lang]}\n`).join('\n')}`;
    files.push({ path: `content/playbooks/en/${id}.md`, text: md(en, 0) });
    files.push({ path: `content/playbooks/ja/${id}.md`, text: md(ja, 1) });
  }
  return files;
}

/* ---------------------------------------------------------------------------------------------
 * Framework
 * ------------------------------------------------------------------------------------------- */

export interface SyntheticFrameworkOptions {
  id?: string;
  elements?: number;
  levels?: number;
  groups?: number;
  seed?: number;
}

const LEVEL_NAMES: readonly Pair[] = [
  ['Follow', '手順に沿う'],
  ['Assist', '自走'],
  ['Apply', '応用'],
  ['Enable', '展開'],
  ['Shape', '変革'],
  ['Lead', '牽引'],
  ['Define', '定義'],
];

/** The data of a synthetic framework (element ids `element-001`…, groups `group-1`…). */
export function syntheticFrameworkData(opts: SyntheticFrameworkOptions = {}) {
  const r = prng(opts.seed ?? 100);
  const nLevels = opts.levels ?? 5;
  const nGroups = opts.groups ?? 5;
  const nEl = opts.elements ?? 100;
  const lt = (p: Pair) => ({ en: p[0], ja: p[1] });
  return {
    name: { en: 'Synthetic benchmark skills', ja: 'ベンチマーク用スキル' },
    version: '2026.1',
    order: 90,
    owner: 'CS Enablement',
    reviewed: '2026-11-01',
    reviewEvery: 365,
    source: { en: 'Generated for the performance benchmark.', ja: '性能計測のために生成したフレームワークです。' },
    description: lt(sentences(r, 2)),
    levels: Array.from({ length: nLevels }, (_, i) => ({
      level: i + 1,
      name: lt(LEVEL_NAMES[i % LEVEL_NAMES.length]),
      meaning: lt(sentences(r, 1)),
      scope: i < Math.ceil(nLevels / 2) ? 'individual' : 'organisation',
    })),
    groups: Array.from({ length: nGroups }, (_, g) => ({
      id: `group-${g + 1}`,
      name: { en: `Group ${g + 1}`, ja: `グループ${g + 1}` },
      tagline: lt(sentences(r, 1)),
    })),
    elements: Array.from({ length: nEl }, (_, e) => {
      const name = fill(r, pick(r, TITLES));
      return {
        id: `element-${pad(e + 1, 3)}`,
        group: `group-${(e % nGroups) + 1}`,
        name: { en: `${name[0]} ${e + 1}`, ja: `${name[1]} ${e + 1}` },
        summary: lt(sentences(r, 1)),
        levels: Array.from({ length: nLevels }, (_, l) => {
          const signals = Array.from({ length: int(r, 2, 3) }, () => sentences(r, 1));
          return {
            level: l + 1,
            descriptor: lt(sentences(r, 2)),
            signals: { en: signals.map((s) => s[0]), ja: signals.map((s) => s[1]) },
            example: lt(sentences(r, 1)),
          };
        }),
      };
    }),
  };
}

/** The framework as a content file: content/frameworks/<id>.yaml. */
export function syntheticFramework(opts: SyntheticFrameworkOptions = {}): SourceFile {
  const id = opts.id ?? 'bench-skills';
  return { path: `content/frameworks/${id}.yaml`, text: stringify(syntheticFrameworkData(opts), { lineWidth: 0 }) };
}

/* ---------------------------------------------------------------------------------------------
 * Assessment files
 * ------------------------------------------------------------------------------------------- */

export interface AssessableFramework {
  id: string;
  version: string;
  levels: readonly unknown[];
  elements: readonly { id: string; group: string }[];
}

const GIVEN: readonly string[] = [
  'Aoi',
  'Ken',
  'Yui',
  'Sota',
  'Hana',
  'Riku',
  'Mei',
  'Haruto',
  'Emma',
  'Liam',
  'Noah',
  'Olivia',
  'Mia',
  'Lucas',
];
const FAMILY: readonly string[] = [
  'Tanaka',
  'Suzuki',
  'Sato',
  'Takahashi',
  'Ito',
  'Watanabe',
  'Smith',
  'Jones',
  'Brown',
  'Garcia',
  'Miller',
  'Kobayashi',
];

/**
 * `count` assessment files (JSON text, as the self-assessment page exports them) against `fw`:
 * self and manager ratings, evidence on some elements, a few dated snapshots.
 */
export function syntheticAssessmentFiles(
  fw: AssessableFramework,
  roles: readonly string[],
  count: number,
  seed = 7,
): { name: string; text: string }[] {
  const r = prng(seed);
  const hash = frameworkHash(fw);
  const max = fw.levels.length;
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const person = `${pick(r, GIVEN)} ${pick(r, FAMILY)} ${Math.floor(i / 2) + 1}`;
    const kind = i % 2 === 0 ? 'self' : 'manager';
    const ratings: Assessment['ratings'] = {};
    for (const el of fw.elements) {
      const level = int(r, 0, max);
      ratings[el.id] = r() < 0.4 ? { level, evidence: sentences(r, 1)[0] } : { level };
    }
    const snapshots = Array.from({ length: int(r, 0, 3) }, (_, k) => ({
      date: `2026-${pad(k * 3 + 1, 2)}-15`,
      ratings: Object.fromEntries(fw.elements.map((el) => [el.id, int(r, 0, max)])),
    }));
    const a: Assessment = {
      format: ASSESSMENT_FORMAT,
      version: ASSESSMENT_VERSION,
      person: {
        name: person,
        role: roles.length ? pick(r, roles) : undefined,
        targetRole: roles.length ? pick(r, roles) : undefined,
      },
      kind,
      ...(kind === 'manager' ? { assessor: 'Team manager' } : {}),
      framework: { id: fw.id, version: fw.version, hash },
      ratings,
      snapshots,
      updatedAt: `2026-11-${pad(1 + (i % 28), 2)}T09:${pad(i % 60, 2)}:00.000Z`,
    };
    if (!a.person.role) delete a.person.role;
    if (!a.person.targetRole) delete a.person.targetRole;
    out.push({ name: `assessment-${pad(i + 1)}-${kind}.json`, text: serialiseAssessment(a) });
  }
  return out;
}

/* ---------------------------------------------------------------------------------------------
 * Accounts CSV (the high-touch health model's columns, as in test/fixtures/csv/accounts-utf8.csv)
 * ------------------------------------------------------------------------------------------- */

export const ACCOUNT_CSV_HEADERS = [
  'Account ID',
  'Licence utilisation',
  'active_users_trend',
  'Key features used',
  'CSM Sentiment',
  'Support tickets',
  'Payment issues',
  'Success plan',
  'Goals on track',
  'NPS',
  'CES',
  'Days since last meeting',
  'Executive sponsor',
  'Churned',
] as const;

/** `rows` accounts; healthier accounts renew more often, so a backtest has something to separate. */
export function syntheticAccountsCsv(rows: number, seed = 5): string {
  return [...syntheticAccountsCsvParts(rows, seed)].join('');
}

/** The same file as syntheticAccountsCsv in parts of `perPart` lines (a million rows need not be one string). */
export function* syntheticAccountsCsvParts(rows: number, seed = 5, perPart = 10_000): Generator<string> {
  const r = prng(seed);
  let lines: string[] = [ACCOUNT_CSV_HEADERS.join(',')];
  const maybe = (v: string, p = 0.15) => (r() < p ? '' : v);
  for (let i = 0; i < rows; i++) {
    const health = r(); // latent health 0..1
    const noisy = (lo: number, hi: number) =>
      Math.round(lo + (hi - lo) * Math.min(1, Math.max(0, health + (r() - 0.5) * 0.5)));
    const churned = r() < 0.6 - health * 0.55;
    lines.push(
      [
        `account-${pad(i + 1, 5)}`,
        String(noisy(0, 100)),
        maybe(String(noisy(-30, 30))),
        String(noisy(0, 6)),
        health > 0.6 ? 'green' : health > 0.3 ? pick(r, ['yellow', 'green']) : pick(r, ['red', 'yellow']),
        String(int(r, 0, 25)),
        maybe(r() < 0.1 ? 'yes' : 'no', 0.1),
        r() < health + 0.2 ? 'yes' : 'no',
        maybe(String(noisy(0, 100)), 0.3),
        maybe(String(noisy(0, 10)), 0.4),
        maybe((1 + 6 * health).toFixed(1), 0.5),
        String(int(r, 0, 150)),
        r() < health + 0.1 ? 'yes' : 'no',
        churned ? 'churned' : 'renewed',
      ].join(','),
    );
    if (lines.length >= perPart) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}
