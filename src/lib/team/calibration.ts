/**
 * Calibration: a member's self-assessment next to the manager's assessment of the same member.
 * Elements where the two differ by more than one level become 1:1 agenda items, with both levels and
 * both evidence notes. Pure; the Markdown export escapes every piece of user text.
 */
import type { Assessment } from '../../schemas/assessment.ts';
import { escapeMarkdown, fillTemplate, markdownQuote } from '../text/markdown.ts';

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
  return Object.prototype.hasOwnProperty.call(a.ratings, id) ? a.ratings[id] : undefined;
}

export function calibrate(self: Assessment, manager: Assessment, fw: { elements: readonly { id: string }[] }): Calibration {
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

export interface AgendaLabels {
  /** e.g. "1:1 agenda" */
  title: string;
  date: string;
  framework: string;
  /** e.g. "Self-assessment" */
  self: string;
  /** e.g. "Manager's assessment" */
  manager: string;
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

export interface AgendaInput {
  name: string;
  /** YYYY-MM-DD */
  date: string;
  frameworkName: string;
  /** updatedAt dates (YYYY-MM-DD) of the two files. */
  selfDate: string;
  managerDate: string;
  assessor?: string;
  /** Agenda items with localised element names. */
  items: (CalibrationItem & { elementName: string })[];
  labels: AgendaLabels;
}

/** The 1:1 agenda as Markdown. Every user-supplied text (names, evidence) is escaped. */
export function agendaMarkdown(input: AgendaInput): string {
  const L = input.labels;
  const lv = (n: number | null) => (n === null ? '–' : n > 0 ? escapeMarkdown(fillTemplate(L.level, { n })) : escapeMarkdown(L.notYet));
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(L.title)}: ${escapeMarkdown(input.name)}`, '');
  out.push(`- **${escapeMarkdown(L.date)}:** ${escapeMarkdown(input.date)}`);
  out.push(`- **${escapeMarkdown(L.framework)}:** ${escapeMarkdown(input.frameworkName)}`);
  out.push(`- **${escapeMarkdown(L.self)}:** ${escapeMarkdown(input.selfDate)}`);
  out.push(`- **${escapeMarkdown(L.manager)}:** ${escapeMarkdown(input.managerDate)}${input.assessor?.trim() ? ` (${escapeMarkdown(input.assessor.trim())})` : ''}`);
  out.push('', `## ${escapeMarkdown(L.items)}`, '');
  if (!input.items.length) out.push(escapeMarkdown(L.none), '');
  input.items.forEach((it, i) => {
    out.push(`### ${i + 1}. ${escapeMarkdown(it.elementName)}`, '');
    out.push(`- **${escapeMarkdown(L.self)}:** ${lv(it.self)}`);
    out.push(`- **${escapeMarkdown(L.manager)}:** ${lv(it.manager)}`);
    if (it.diff !== null) out.push(`- ${escapeMarkdown(fillTemplate(L.difference, { n: it.diff > 0 ? `+${it.diff}` : String(it.diff) }))}`);
    out.push('');
    for (const [who, text] of [[L.self, it.selfEvidence], [L.manager, it.managerEvidence]] as const) {
      out.push(`**${escapeMarkdown(fillTemplate(L.evidence, { who }))}:**`, '');
      out.push(text?.trim() ? markdownQuote(text) : escapeMarkdown(L.noEvidence), '');
    }
  });
  out.push(`## ${escapeMarkdown(L.nextSteps)}`, '', '- [ ] ', '- [ ] ', '- [ ] ', '');
  return out.join('\n');
}
