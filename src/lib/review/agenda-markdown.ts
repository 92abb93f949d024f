/**
 * The parts the two review agendas share (the 1:1 agenda of the review page and the calibration
 * agenda of the team page): the header with the files' dates, an item's levels and difference, and the
 * closing "next steps" list. Every text is escaped. Pure.
 */
import { escapeMarkdown, fillTemplate } from '../text/markdown.ts';

export interface AgendaHeaderLabels {
  title: string;
  date: string;
  framework: string;
  self: string;
  manager: string;
}

export interface AgendaHeaderInput {
  name: string;
  /** YYYY-MM-DD */
  date: string;
  frameworkName: string;
  /** updatedAt dates (YYYY-MM-DD) of the two files. */
  selfDate: string;
  managerDate: string;
  assessor?: string;
}

/** "# Title: name", then the date, framework and the two files' dates (the manager's with the assessor) as a list. */
export function agendaHeader(L: AgendaHeaderLabels, input: AgendaHeaderInput): string[] {
  const assessor = input.assessor?.trim();
  return [
    `# ${escapeMarkdown(L.title)}: ${escapeMarkdown(input.name)}`,
    '',
    `- **${escapeMarkdown(L.date)}:** ${escapeMarkdown(input.date)}`,
    `- **${escapeMarkdown(L.framework)}:** ${escapeMarkdown(input.frameworkName)}`,
    `- **${escapeMarkdown(L.self)}:** ${escapeMarkdown(input.selfDate)}`,
    `- **${escapeMarkdown(L.manager)}:** ${escapeMarkdown(input.managerDate)}${assessor ? ` (${escapeMarkdown(assessor)})` : ''}`,
  ];
}

/** An item's heading and the self and manager levels, with the difference when both are rated. `level` writes a level (escaped). */
export function agendaItemLevels(
  L: { self: string; manager: string; difference: string },
  n: number,
  item: { elementName: string; self: number | null; manager: number | null; diff: number | null },
  level: (n: number | null) => string,
): string[] {
  const out = [
    `### ${n}. ${escapeMarkdown(item.elementName)}`,
    '',
    `- **${escapeMarkdown(L.self)}:** ${level(item.self)}`,
    `- **${escapeMarkdown(L.manager)}:** ${level(item.manager)}`,
  ];
  if (item.diff !== null)
    out.push(
      `- ${escapeMarkdown(fillTemplate(L.difference, { n: item.diff > 0 ? `+${item.diff}` : String(item.diff) }))}`,
    );
  return out;
}

/** The closing section: a heading and three empty checkboxes. */
export const agendaNextSteps = (heading: string): string[] => [
  `## ${escapeMarkdown(heading)}`,
  '',
  '- [ ] ',
  '- [ ] ',
  '- [ ] ',
  '',
];
