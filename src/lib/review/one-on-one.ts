/**
 * The 1:1 between a member and their manager: every element with the self and the manager level and
 * both notes, the elements where the two differ by more than one level first; and the agenda as
 * Markdown (the growth-plan and calibration agendas are its models). Pure; every piece of user text in
 * the Markdown is escaped.
 */
import type { Assessment, AssessmentGoal } from '../../schemas/assessment.ts';
import { escapeMarkdown, fillTemplate, markdownQuote } from '../text/markdown.ts';
import {
  agendaHeader,
  agendaItemLevels,
  agendaNextSteps,
  type AgendaHeaderInput,
  type AgendaHeaderLabels,
} from './agenda-markdown.ts';
import { AGENDA_THRESHOLD } from '../team/calibration.ts';
import { levelIn } from './records.ts';

export interface OneOnOneItem {
  element: string;
  self: number | null;
  manager: number | null;
  /** manager − self; null when one side did not rate it. */
  diff: number | null;
  /** |diff| > AGENDA_THRESHOLD: talk about it first. */
  discuss: boolean;
  selfEvidence?: string;
  managerComment?: string;
  lastAgreed: number | null;
  expected: number | null;
}

/** Every element: the ones to discuss first (largest difference first), then the rest in framework order. */
export function oneOnOneItems(
  fw: { elements: readonly { id: string }[] },
  self: Assessment,
  manager: Assessment,
  extra: { lastAgreed?: Record<string, number> | null; expected?: Record<string, number> } = {},
): OneOnOneItem[] {
  const items = fw.elements.map((e, index) => {
    const s = levelIn(self, e.id);
    const m = levelIn(manager, e.id);
    const diff = s !== null && m !== null ? m - s : null;
    const item: OneOnOneItem & { index: number } = {
      element: e.id,
      self: s,
      manager: m,
      diff,
      discuss: diff !== null && Math.abs(diff) > AGENDA_THRESHOLD,
      lastAgreed: extra.lastAgreed && Object.hasOwn(extra.lastAgreed, e.id) ? extra.lastAgreed[e.id] : null,
      expected: extra.expected && Object.hasOwn(extra.expected, e.id) ? extra.expected[e.id] : null,
      index,
    };
    const se = self.ratings[e.id]?.evidence?.trim();
    const mc = manager.ratings[e.id]?.evidence?.trim();
    if (se && Object.hasOwn(self.ratings, e.id)) item.selfEvidence = self.ratings[e.id].evidence;
    if (mc && Object.hasOwn(manager.ratings, e.id)) item.managerComment = manager.ratings[e.id].evidence;
    return item;
  });
  items.sort(
    (a, b) =>
      Number(b.discuss) - Number(a.discuss) ||
      (a.discuss ? Math.abs(b.diff!) - Math.abs(a.diff!) : 0) ||
      a.index - b.index,
  );
  return items.map(({ index: _index, ...rest }) => rest);
}

/** Agreed levels proposed where the two already agree (same level): the rest is for the conversation. */
export function proposedLevels(items: readonly OneOnOneItem[]): Record<string, number> {
  return Object.fromEntries(items.filter((i) => i.diff === 0).map((i) => [i.element, i.self!]));
}

export interface OneOnOneLabels extends AgendaHeaderLabels {
  lastAgreed: string;
  agreed: string;
  discuss: string;
  others: string;
  none: string;
  /** "Level {n}" */
  level: string;
  notYet: string;
  notRated: string;
  selfEvidence: string;
  managerComment: string;
  noNote: string;
  /** "Difference: {n} levels" */
  difference: string;
  goals: string;
  /** "Level {level} by {due}" */
  goalLine: string;
  /** "Level {level}" (no due date) */
  goalLevel: string;
  trains: string;
  nextReview: string;
  nextSteps: string;
}

export interface OneOnOneAgendaInput extends AgendaHeaderInput {
  lastAgreedDate?: string;
  items: (OneOnOneItem & { elementName: string })[];
  agreed: Record<string, number>;
  goals: Record<string, AssessmentGoal & { elementName: string; links?: { title: string; url: string }[] }>;
  nextReview?: string;
  labels: OneOnOneLabels;
}

function safeUrl(url: string): string | null {
  const u = String(url ?? '').trim();
  if (!/^(\/|https?:\/\/)/i.test(u) || /^\/\//.test(u)) return null;
  return u.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The 1:1 agenda as Markdown: header, the elements to discuss with both notes, the others, goals, next review. */
export function oneOnOneMarkdown(input: OneOnOneAgendaInput): string {
  const L = input.labels;
  const lv = (n: number | null) =>
    n === null
      ? escapeMarkdown(L.notRated)
      : n > 0
        ? escapeMarkdown(fillTemplate(L.level, { n }))
        : escapeMarkdown(L.notYet);
  const has = (id: string) => Object.hasOwn(input.agreed, id);
  const out: string[] = [];
  out.push(...agendaHeader(L, input));
  if (input.lastAgreedDate) out.push(`- **${escapeMarkdown(L.lastAgreed)}:** ${escapeMarkdown(input.lastAgreedDate)}`);
  if (input.nextReview) out.push(`- **${escapeMarkdown(L.nextReview)}:** ${escapeMarkdown(input.nextReview)}`);

  const discuss = input.items.filter((i) => i.discuss);
  out.push('', `## ${escapeMarkdown(L.discuss)}`, '');
  if (!discuss.length) out.push(escapeMarkdown(L.none), '');
  discuss.forEach((it, n) => {
    out.push(...agendaItemLevels(L, n + 1, it, lv));
    if (it.lastAgreed !== null) out.push(`- **${escapeMarkdown(L.lastAgreed)}:** ${lv(it.lastAgreed)}`);
    out.push(`- **${escapeMarkdown(L.agreed)}:** ${has(it.element) ? lv(input.agreed[it.element]) : '\\_\\_\\_'}`, '');
    for (const [who, text] of [
      [L.selfEvidence, it.selfEvidence],
      [L.managerComment, it.managerComment],
    ] as const) {
      out.push(`**${escapeMarkdown(who)}:**`, '', text?.trim() ? markdownQuote(text) : escapeMarkdown(L.noNote), '');
    }
  });

  const rest = input.items.filter((i) => !i.discuss);
  if (rest.length) {
    out.push(`## ${escapeMarkdown(L.others)}`, '');
    out.push(
      `| | ${escapeMarkdown(L.self)} | ${escapeMarkdown(L.manager)} | ${escapeMarkdown(L.agreed)} |`,
      '|---|---|---|---|',
    );
    for (const it of rest)
      out.push(
        `| ${escapeMarkdown(it.elementName)} | ${lv(it.self)} | ${lv(it.manager)} | ${has(it.element) ? lv(input.agreed[it.element]) : ''} |`,
      );
    out.push('');
  }

  const goals = Object.entries(input.goals);
  if (goals.length) {
    out.push(`## ${escapeMarkdown(L.goals)}`, '');
    for (const [, g] of goals) {
      const line = g.due
        ? fillTemplate(L.goalLine, { level: g.level, due: g.due })
        : fillTemplate(L.goalLevel, { level: g.level });
      out.push(`- **${escapeMarkdown(g.elementName)}:** ${escapeMarkdown(line)}`);
      const links = (g.links ?? []).map((l) => {
        const url = safeUrl(l.url);
        return url ? `[${escapeMarkdown(l.title)}](${url})` : escapeMarkdown(l.title);
      });
      if (links.length) out.push(`  - ${escapeMarkdown(L.trains)}: ${links.join(' · ')}`);
    }
    out.push('');
  }
  out.push(...agendaNextSteps(L.nextSteps));
  return out.join('\n');
}
