import type { AssessmentKind } from '../../schemas/assessment.ts';
import { writeCsv } from '../text/csv-write.ts';
import { escapeMarkdown } from '../text/markdown.ts';
import type { ElementStats, HeatRow } from './aggregate.ts';
import type { Coverage } from './coverage.ts';

export interface SummaryLabels {
  title: string;
  date: string;
  framework: string;
  members: string;
  name: string;
  kind: string;
  role: string;
  targetRole: string;
  updated: string;
  gaps: string;
  element: string;
  median: string;
  min: string;
  max: string;
  rated: string;
  /** Heading of the per-element statistics. */
  stats: string;
  /** Heading of the coverage section and its three lists. */
  coverage: string;
  organisationGaps: string;
  singleCovered: string;
  uncovered: string;
  none: string;
  /** Explains the "▼" marker in the Markdown table, e.g. "▼ below the target role's expectation". */
  gapMarker: string;
}

export interface SummaryInput {
  frameworkName: string;
  frameworkVersion: string;
  /** YYYY-MM-DD */
  date: string;
  elements: readonly { id: string; name: string }[];
  rows: readonly HeatRow[];
  /** Display name of a row (handles unnamed files). */
  memberName: (row: HeatRow) => string;
  roleName: (id: string | undefined) => string;
  kindName: (kind: AssessmentKind) => string;
  stats?: readonly ElementStats[];
  coverage?: Coverage;
  labels: SummaryLabels;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One row per member: name, kind, role, target role, updated date, one level per element, gap count. */
export function teamCsv(input: SummaryInput): string {
  const L = input.labels;
  const header = [L.name, L.kind, L.role, L.targetRole, L.updated, ...input.elements.map((e) => e.name), L.gaps];
  const rows = input.rows.map((r) => [
    input.memberName(r),
    input.kindName(r.kind),
    r.role ? input.roleName(r.role) : '',
    r.targetRole ? input.roleName(r.targetRole) : '',
    r.updatedAt.slice(0, 10),
    ...r.cells.map((c) => c.level),
    r.gapCount,
  ]);
  return writeCsv([header, ...rows]);
}

/** Markdown table cell: escaped, never empty. */
const cell = (s: string) => escapeMarkdown(s) || ' ';

export function teamMarkdown(input: SummaryInput): string {
  const L = input.labels;
  const name = (id: string) => input.elements.find((e) => e.id === id)?.name ?? id;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(L.title)}`, '');
  out.push(`- **${escapeMarkdown(L.date)}:** ${escapeMarkdown(input.date)}`);
  out.push(
    `- **${escapeMarkdown(L.framework)}:** ${escapeMarkdown(input.frameworkName)} (${escapeMarkdown(input.frameworkVersion)})`,
  );
  out.push(`- **${escapeMarkdown(L.members)}:** ${input.rows.length}`, '');

  const head = [L.name, L.kind, L.role, L.targetRole, ...input.elements.map((e) => e.name), L.gaps].map(cell);
  out.push(`| ${head.join(' | ')} |`);
  out.push(`|${head.map((_, i) => (i >= 4 ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of input.rows) {
    const cells = [
      cell(input.memberName(r)),
      cell(input.kindName(r.kind)),
      cell(r.role ? input.roleName(r.role) : ''),
      cell(r.targetRole ? input.roleName(r.targetRole) : ''),
      ...r.cells.map((c) => (c.level === null ? '–' : `${c.level}${c.gap > 0 ? ` ▼${c.expected}` : ''}`)),
      String(r.gapCount),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', escapeMarkdown(L.gapMarker), '');

  if (input.stats) {
    out.push(`## ${escapeMarkdown(L.stats)}`, '');
    out.push(
      `| ${[L.element, L.median, L.min, L.max, L.rated].map(cell).join(' | ')} |`,
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const s of input.stats)
      out.push(
        `| ${cell(name(s.element))} | ${num(s.median) || '–'} | ${num(s.min) || '–'} | ${num(s.max) || '–'} | ${s.rated} |`,
      );
    out.push('');
  }

  if (input.coverage) {
    const c = input.coverage;
    const rowName = new Map(input.rows.map((r) => [r.key, input.memberName(r)]));
    const list = (heading: string, items: string[]) => {
      out.push(`### ${escapeMarkdown(heading)}`, '');
      if (!items.length) out.push(escapeMarkdown(L.none), '');
      else out.push(...items.map((t) => `- ${t}`), '');
    };
    out.push(`## ${escapeMarkdown(L.coverage)}`, '');
    list(
      L.organisationGaps,
      c.organisationGaps.map((e) => escapeMarkdown(name(e))),
    );
    list(
      L.singleCovered,
      c.singleCovered.map(
        (s) => `${escapeMarkdown(name(s.element))}: ${escapeMarkdown(rowName.get(s.member) ?? s.member)}`,
      ),
    );
    list(
      L.uncovered,
      c.uncovered.map((e) => escapeMarkdown(name(e))),
    );
  }
  return out.join('\n');
}
