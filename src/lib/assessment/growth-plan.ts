/**
 * A growth plan as Markdown: the agenda for a 1:1 between a person and their manager. All text comes
 * in already localised (and `labels` carries the headings), so the same renderer serves English and
 * Japanese. Every piece of text is escaped: a name like `*bold* [x](y)` or `<script>` stays literal.
 */
import type { Readiness } from './readiness.ts';
import { escapeMarkdown, fillTemplate, markdownQuote } from '../text/markdown.ts';
import { wholePercent } from '../text/number.ts';

export interface PlanLink {
  title: string;
  url: string;
}

export interface GrowthPlanGap {
  /** Localised element name. */
  element: string;
  current: number;
  expected: number;
  /** Descriptor of the current level (absent at level 0). */
  currentDescriptor?: string;
  /** Descriptor of the next level up. */
  nextDescriptor?: string;
  /** What to show at the next level. */
  signals?: string[];
  /** The person's own evidence for the current rating. */
  evidence?: string;
  playbooks?: PlanLink[];
  onboarding?: PlanLink[];
}

export interface GrowthPlanLabels {
  /** Document title, e.g. "Growth plan" / "成長プラン". */
  title: string;
  date: string;
  framework: string;
  targetRole: string;
  readiness: string;
  bestMatch: string;
  /** e.g. "{met} met, {nearMiss} one level short, {missing} further away, of {total}" */
  readinessSummary: string;
  gaps: string;
  /** Shown when there are no gaps. */
  noGaps: string;
  /** e.g. "Level {n}" / "レベル{n}" */
  level: string;
  /** Level 0, e.g. "Not yet" / "未到達" */
  notYet: string;
  current: string;
  next: string;
  signals: string;
  evidence: string;
  playbooks: string;
  onboarding: string;
  /** Heading of the closing section with empty action items, e.g. "Agreed next steps". */
  nextSteps: string;
}

export interface GrowthPlanInput {
  name: string;
  /** YYYY-MM-DD */
  date: string;
  frameworkName: string;
  targetRoleName?: string;
  readiness?: Readiness;
  bestMatch?: { name: string; score: number } | null;
  gaps: GrowthPlanGap[];
  labels: GrowthPlanLabels;
}

/** Only site-relative, fragment and http(s) links are written as links. */
function safeUrl(url: string): string | null {
  const u = String(url ?? '').trim();
  if (!/^(\/|\.{1,2}\/|#|https?:\/\/)/i.test(u) || /^\/\//.test(u)) return null;
  return u.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function link(l: PlanLink): string {
  const url = safeUrl(l.url);
  const title = escapeMarkdown(l.title) || escapeMarkdown(l.url);
  return url ? `[${title}](${url})` : title;
}

const percent = (score: number) => `${wholePercent(score)}%`;

export function growthPlanMarkdown(input: GrowthPlanInput): string {
  const L = input.labels;
  const lv = (n: number) => (n > 0 ? escapeMarkdown(fillTemplate(L.level, { n })) : escapeMarkdown(L.notYet));
  const out: string[] = [];

  out.push(`# ${escapeMarkdown(L.title)}: ${escapeMarkdown(input.name)}`, '');
  out.push(`- **${escapeMarkdown(L.date)}:** ${escapeMarkdown(input.date)}`);
  out.push(`- **${escapeMarkdown(L.framework)}:** ${escapeMarkdown(input.frameworkName)}`);
  if (input.targetRoleName) out.push(`- **${escapeMarkdown(L.targetRole)}:** ${escapeMarkdown(input.targetRoleName)}`);
  if (input.readiness) {
    const r = input.readiness;
    const summary = fillTemplate(L.readinessSummary, {
      met: r.met,
      nearMiss: r.nearMiss,
      missing: r.missing,
      total: r.total,
    });
    out.push(`- **${escapeMarkdown(L.readiness)}:** ${percent(r.score)} (${escapeMarkdown(summary)})`);
  }
  if (input.bestMatch)
    out.push(
      `- **${escapeMarkdown(L.bestMatch)}:** ${escapeMarkdown(input.bestMatch.name)} (${percent(input.bestMatch.score)})`,
    );
  out.push('', `## ${escapeMarkdown(L.gaps)}`, '');

  if (!input.gaps.length) out.push(escapeMarkdown(L.noGaps), '');
  input.gaps.forEach((g, i) => {
    out.push(`### ${i + 1}. ${escapeMarkdown(g.element)}: ${lv(g.current)} → ${lv(g.expected)}`, '');
    if (g.currentDescriptor)
      out.push(`**${escapeMarkdown(L.current)} (${lv(g.current)}):** ${escapeMarkdown(g.currentDescriptor)}`, '');
    if (g.nextDescriptor)
      out.push(`**${escapeMarkdown(L.next)} (${lv(g.current + 1)}):** ${escapeMarkdown(g.nextDescriptor)}`, '');
    const list = (heading: string, items: string[]) => {
      if (!items.length) return;
      out.push(`**${escapeMarkdown(heading)}:**`, '', ...items.map((t) => `- ${t}`), '');
    };
    list(L.signals, (g.signals ?? []).map(escapeMarkdown).filter(Boolean));
    if (g.evidence?.trim()) out.push(`**${escapeMarkdown(L.evidence)}:**`, '', markdownQuote(g.evidence), '');
    list(L.playbooks, (g.playbooks ?? []).map(link).filter(Boolean));
    list(L.onboarding, (g.onboarding ?? []).map(link).filter(Boolean));
  });

  out.push(`## ${escapeMarkdown(L.nextSteps)}`, '', '- [ ] ', '- [ ] ', '- [ ] ', '');
  return out.join('\n');
}
