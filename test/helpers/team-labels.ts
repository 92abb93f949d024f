/** English labels of the team summary exports (Markdown and CSV), as the tests pass them. */
import type { SummaryInput } from '../../src/lib/team/export.ts';

export const TEAM_SUMMARY_LABELS: SummaryInput['labels'] = {
  title: 'Team summary',
  date: 'Date',
  framework: 'Framework',
  members: 'Members',
  name: 'Member',
  kind: 'Assessment',
  role: 'Role',
  targetRole: 'Target role',
  updated: 'Saved',
  gaps: 'Gaps',
  element: 'Element',
  median: 'Median',
  min: 'Minimum',
  max: 'Maximum',
  rated: 'Rated by',
  stats: 'Per element',
  coverage: 'Coverage',
  organisationGaps: 'Organisation-level gaps',
  singleCovered: 'One person only',
  uncovered: 'No one',
  none: 'None',
  gapMarker: '▼n: below target',
};
