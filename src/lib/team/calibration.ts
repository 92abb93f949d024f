/**
 * Calibration: a member's self-assessment next to the manager's assessment of the same member.
 * Elements where the two differ by more than one level become 1:1 agenda items, with both levels and
 * both evidence notes. Pure; the Markdown export escapes every piece of user text.
 */
import type { Assessment } from '../../schemas/assessment.ts';
import { escapeMarkdown, fillTemplate, markdownQuote } from '../text/markdown.ts';
import {
  agendaHeader,
  agendaItemLevels,
  agendaNextSteps,
  type AgendaHeaderInput,
  type AgendaHeaderLabels,
} from '../review/agenda-markdown.ts';

/** Differences above this many levels go on the agenda. */
export const AGENDA_THRESHOLD = 1;

export interface CalibrationItem {
  element: string;
  self: number | null;
  manager: number | null;
  /** manager − self, or null when one side did not rate the element. */
  diff: number | null;
  selfEvidence?: string;
  managerEvidence?: string;
}

export interface Calibration {
  /** Every framework element, in framework order. */
  items: CalibrationItem[];
  /** |diff| > 1: largest difference first, then framework order. */
  agenda: CalibrationItem[];
  /** Elements rated by only one side. */
  oneSided: CalibrationItem[];
  /** Elements rated by both and equal. */
  agreed: number;
}

function rating(a: Assessment, id: string) {
  return Object.hasOwn(a.ratings, id) ? a.ratings[id] : undefined;
}

export function calibrate(
  self: Assessment,
  manager: Assessment,
  fw: { elements: readonly { id: string }[] },
): Calibration {
  const items: CalibrationItem[] = fw.elements.map((e) => {
    const s = rating(self, e.id);
    const m = rating(manager, e.id);
    const item: CalibrationItem = {
      element: e.id,
      self: s ? s.level : null,
      manager: m ? m.level : null,
      diff: s && m ? m.level - s.level : null,
    };
    if (s?.evidence?.trim()) item.selfEvidence = s.evidence;
    if (m?.evidence?.trim()) item.managerEvidence = m.evidence;
    return item;
  });
  const order = new Map(items.map((it, i) => [it.element, i]));
  const agenda = items
    .filter((it) => it.diff !== null && Math.abs(it.diff) > AGENDA_THRESHOLD)
    .sort((a, b) => Math.abs(b.diff!) - Math.abs(a.diff!) || order.get(a.element)! - order.get(b.element)!);
  return {
    items,
    agenda,
    oneSided: items.filter((it) => (it.self === null) !== (it.manager === null)),
    agreed: items.filter((it) => it.diff === 0).length,
  };
}

/** Labels of the header (title "1:1 agenda", date, framework, "Self-assessment", "Manager's assessment") and: */
export interface AgendaLabels extends AgendaHeaderLabels {
  /** Heading of the list of differences. */
  items: string;
  /** Shown when nothing differs by more than one level. */
  none: string;
  /** e.g. "Level {n}" */
  level: string;
  /** Level 0 */
  notYet: string;
  /** e.g. "Evidence ({who})" */
  evidence: string;
  /** Shown when a side wrote no evidence. */
  noEvidence: string;
  /** e.g. "Difference: {n} levels" */
  difference: string;
  /** Heading of the closing section. */
  nextSteps: string;
}

export interface AgendaInput extends AgendaHeaderInput {
  /** Agenda items with localised element names. */
  items: (CalibrationItem & { elementName: string })[];
  labels: AgendaLabels;
}

/** The 1:1 agenda as Markdown. Every user-supplied text (names, evidence) is escaped. */
export function agendaMarkdown(input: AgendaInput): string {
  const L = input.labels;
  const lv = (n: number | null) =>
    n === null ? '–' : n > 0 ? escapeMarkdown(fillTemplate(L.level, { n })) : escapeMarkdown(L.notYet);
  const out: string[] = [];
  out.push(...agendaHeader(L, input));
  out.push('', `## ${escapeMarkdown(L.items)}`, '');
  if (!input.items.length) out.push(escapeMarkdown(L.none), '');
  input.items.forEach((it, i) => {
    out.push(...agendaItemLevels(L, i + 1, it, lv), '');
    for (const [who, text] of [
      [L.self, it.selfEvidence],
      [L.manager, it.managerEvidence],
    ] as const) {
      out.push(`**${escapeMarkdown(fillTemplate(L.evidence, { who }))}:**`, '');
      out.push(text?.trim() ? markdownQuote(text) : escapeMarkdown(L.noEvidence), '');
    }
  });
  out.push(...agendaNextSteps(L.nextSteps));
  return out.join('\n');
}
