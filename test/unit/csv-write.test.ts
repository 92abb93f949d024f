/**
 * The one CSV writer (src/lib/text/csv-write.ts) and both exports that use it: opened again with
 * papaparse, every value comes back as written, and no cell can run as a spreadsheet formula.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, writeCsv } from '../../src/lib/text/csv-write.ts';
import { toScoredCsv } from '../../src/lib/health/csv.ts';
import { teamCsv, type SummaryInput } from '../../src/lib/team/export.ts';
import { TEAM_SUMMARY_LABELS } from '../helpers/team-labels.ts';

const open = (csv: string): string[][] => {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith('\r\n')).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: false });
  expect(r.errors).toEqual([]);
  return r.data.slice(0, -1); // the line after the last CRLF is empty
};
/** What a spreadsheet would try to run. */
const dangerous = (cell: string) => FORMULA_START.test(cell);
const HOSTILE = [
  '=1+1',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  '=HYPERLINK("http://evil","x")',
];

describe('writeCsv', () => {
  it('writes a BOM, CRLF line ends and quotes only where needed', () => {
    const csv = writeCsv([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      [' padded', 'two\nlines'],
      ['plain', 3],
    ]);
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n" padded","two\nlines"\r\nplain,3\r\n');
  });
  it('neutralises every formula start with an apostrophe and leaves numbers as numbers', () => {
    const rows = open(writeCsv([HOSTILE, ['-8', '+1.5', '1,234', '12%', '-0.5e3', '-', '+']]));
    expect(rows[0]).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(rows[1]).toEqual(['-8', '+1.5', '1,234', '12%', '-0.5e3', "'-", "'+"]);
  });
  it('round-trips any text: what comes back is the text, or the text with one leading apostrophe when it could run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (table) => {
          const width = Math.max(...table.map((r) => r.length));
          const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          // A row of one empty cell is written as an empty line, which a reader cannot tell from no row.
          fc.pre(rows.every((r) => r.some((c) => c !== '') || r.length > 1));
          const back = open(writeCsv(rows));
          expect(back).toEqual(rows.map((r) => r.map((c) => (dangerous(c) ? `'${c}` : c))));
          for (const r of back) for (const c of r) expect(dangerous(c)).toBe(false);
        },
      ),
    );
  });
});

describe('every CSV export is safe to open in a spreadsheet', () => {
  it("the scored health batch neutralises formulas in the person's own cells", () => {
    const table = {
      headers: ['account', 'notes', 'nps change'],
      rows: [
        ['=HYPERLINK("http://evil")', '@risk', '-8'],
        ['Acme', '+1 upsell', '+3'],
      ],
    };
    const out = toScoredCsv(table, {
      scored: [],
      bad: [
        { index: 0, reason: { code: 'invalid-number', params: {} } },
        { index: 1, reason: { code: 'invalid-number', params: {} } },
      ],
    });
    const rows = open(out);
    expect(rows[0]).toEqual(['account', 'notes', 'nps change', 'score', 'band', 'coverage (%)', 'status', 'warnings']);
    expect(rows[1].slice(0, 3)).toEqual([`'=HYPERLINK("http://evil")`, "'@risk", '-8']);
    expect(rows[2].slice(0, 3)).toEqual(['Acme', "'+1 upsell", '+3']);
  });
  it('the team summary does too, and keeps levels as numbers', () => {
    const input = {
      rows: [
        {
          kind: 'self',
          role: undefined,
          targetRole: undefined,
          updatedAt: '2026-09-20T00:00:00Z',
          cells: [{ level: 3 }, { level: null }],
          gapCount: 1,
        },
      ],
      elements: [{ name: '=cmd' }, { name: 'Health' }],
      memberName: () => "-2+3+cmd|' /C calc'!A0",
      roleName: (id: string) => id,
      kindName: () => 'Self',
      labels: TEAM_SUMMARY_LABELS,
    } as unknown as SummaryInput;
    const rows = open(teamCsv(input));
    expect(rows[0]).toEqual(['Member', 'Assessment', 'Role', 'Target role', 'Saved', "'=cmd", 'Health', 'Gaps']);
    expect(rows[1]).toEqual(["'-2+3+cmd|' /C calc'!A0", 'Self', '', '', '2026-09-20', '3', '', '1']);
  });
});
