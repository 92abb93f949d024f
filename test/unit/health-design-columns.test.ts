/**
 * The model designer's file by column: readDesignFile keeps every cell (read back from the codes it
 * gives the same cells as the parsed rows), reports progress in rows and cancels between chunks;
 * the column checks read a file by column exactly as a row-by-row reading does (a plain reference
 * written here: labels counted up to the distinct limit, first spelling, ties by first row); and the
 * designer's in-page reader hands over the file's columns or rejects with the cancel.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsv } from '../../src/lib/health/csv.ts';
import { BatchCancelled } from '../../src/lib/health/csv-stream.ts';
import { cellAt, columnOf, readDesignFile, tableBuffers } from '../../src/lib/health/design/file-columns.ts';
import {
  cellNumber,
  DISTINCT_LIMIT,
  dataIssues,
  duplicateIds,
  fold,
  guessRoles,
  profileColumns,
  readColumn,
  readOutcome,
} from '../../src/lib/health/design/columns.ts';
import { inPageClient } from '../../src/islands/health-design/runner.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve('test/fixtures/csv', name)));
const noWait = async () => {};

/** Rows with a mix of numbers, blanks, spellings of the same label and repeated ids. */
function craftedCsv(n: number): string {
  const lines = ['id,usage,plan,churned'];
  for (let i = 0; i < n; i++) {
    const usage = i % 7 === 0 ? '' : i % 11 === 0 ? 'n/a' : String((i * 37) % 100);
    const plan = ['Pro', ' pro ', 'ＰＲＯ', 'Basic', ''][i % 5];
    lines.push(`A${i % 90},${usage},${plan},${i % 3 === 0 ? 'yes' : 'no'}`);
  }
  return lines.join('\n');
}

/** profileColumns read row by row, as a reference. */
function profileByRows(headers: string[], rows: string[][]) {
  return headers.map((_, col) => {
    let present = 0;
    let numeric = 0;
    const counts = new Map<string, { label: string; count: number; first: number }>();
    rows.forEach((r, i) => {
      const raw = r[col] ?? '';
      if (raw.trim() === '') return;
      present++;
      if (cellNumber(raw) !== null) numeric++;
      const hit = counts.get(fold(raw));
      if (hit) hit.count++;
      else if (counts.size <= DISTINCT_LIMIT) counts.set(fold(raw), { label: raw.trim(), count: 1, first: i });
    });
    const top = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).slice(0, 12);
    return { present, numeric, distinct: counts.size, top: top.map(({ label, count }) => ({ label, count })) };
  });
}

describe('the designer reads a file by column', () => {
  it('keeps every cell: the codes give back the parsed rows, distinct cells in the order of their first row', async () => {
    const bytes = fixture('design-accounts-sjis.csv');
    const parsed = parseCsv(decodeBytes(bytes).text);
    const progress: [number, number][] = [];
    const file = await readDesignFile(bytes, (d, t) => progress.push([d, t]), noWait);
    expect(file.encoding).toBe('shift_jis');
    expect(file.headers).toEqual(parsed.headers);
    expect(file.table.rowCount).toBe(parsed.rows.length);
    expect(file.parseErrors).toEqual(parsed.errors);
    file.table.columns.forEach((c, col) => {
      expect(c.codes).toBeInstanceOf(Int32Array);
      expect(new Set(c.cells).size).toBe(c.cells.length);
      parsed.rows.forEach((r, i) => expect(cellAt(c, i)).toBe(r[col] ?? ''));
      let next = 0;
      for (const code of c.codes) {
        expect(code).toBeLessThanOrEqual(next);
        if (code === next) next++;
      }
    });
    expect(progress[0]).toEqual([0, parsed.rows.length]);
    expect(progress.at(-1)).toEqual([parsed.rows.length, parsed.rows.length]);
    expect(tableBuffers(file.table)).toHaveLength(parsed.headers.length);
  });

  it('reports progress per chunk of rows and stops when cancelled between chunks', async () => {
    const bytes = new TextEncoder().encode(craftedCsv(12_000));
    const done: number[] = [];
    const file = await readDesignFile(bytes, (d) => done.push(d), noWait);
    expect(done).toEqual([0, 5000, 10_000, 12_000]);
    expect(file.table.rowCount).toBe(12_000);
    let chunks = 0;
    const stop = async () => {
      if (++chunks === 2) throw new BatchCancelled();
    };
    await expect(readDesignFile(bytes, () => {}, stop)).rejects.toBeInstanceOf(BatchCancelled);
  });

  it('profiles, reads outcomes and columns, finds duplicate ids and data issues as a row-by-row reading does', async () => {
    const text = craftedCsv(600);
    const { headers, rows } = parseCsv(text);
    const { table } = await readDesignFile(new TextEncoder().encode(text), () => {}, noWait);
    const profiles = profileColumns(headers, table);
    expect(profiles.map(({ present, numeric, distinct, top }) => ({ present, numeric, distinct, top }))).toEqual(
      profileByRows(headers, rows),
    );
    expect(profiles).toEqual(profileColumns(headers, rows));
    const outcome = readOutcome(table, 3, ['yes']);
    expect([...outcome]).toEqual(rows.map((r) => (r[3] === 'yes' ? 1 : 0)));
    expect(readColumn(table, 1, 'numeric')).toEqual(readColumn(rows, 1, 'numeric'));
    expect(readColumn(table, 2, 'categorical')).toEqual(readColumn(rows, 2, 'categorical'));
    const numeric = readColumn(table, 1, 'numeric');
    expect(numeric.kind === 'numeric' && numeric.invalid).toEqual(rows.flatMap((r, i) => (r[1] === 'n/a' ? [i] : [])));
    const plan = readColumn(table, 2, 'categorical');
    expect(plan.kind === 'categorical' && plan.labels).toEqual(['Pro', 'Basic']);
    expect(duplicateIds(table, 0)).toEqual({ count: 510, examples: ['A0', 'A1', 'A2', 'A3', 'A4'] });
    const roles = guessRoles(profiles, table.rowCount);
    expect(roles).toEqual({ outcome: 3, account: null, churnLabels: ['yes'] });
    const measures = [
      { col: 1, kind: 'numeric' as const },
      { col: 2, kind: 'categorical' as const },
    ];
    const issues = dataIssues(headers, table, profiles, { ...roles, account: 0, measures });
    expect(issues).toEqual(
      dataIssues(headers, rows, profileColumns(headers, rows), { ...roles, account: 0, measures }),
    );
    expect(issues.map((i) => i.code)).toContain('duplicate-ids');
  });

  it('counts labels up to the distinct limit, as a row-by-row reading does', async () => {
    const lines = ['code'];
    for (let i = 0; i < 1000; i++) lines.push(`c${i % 250}`);
    const text = lines.join('\n');
    const { headers, rows } = parseCsv(text);
    const { table } = await readDesignFile(new TextEncoder().encode(text), () => {}, noWait);
    const [p] = profileColumns(headers, table);
    expect(p.distinct).toBe(DISTINCT_LIMIT + 1);
    expect({ present: p.present, numeric: p.numeric, distinct: p.distinct, top: p.top }).toEqual(
      profileByRows(headers, rows)[0],
    );
  });

  it('a column past the last header reads as empty', async () => {
    const { table } = await readDesignFile(new TextEncoder().encode('a\n1\n2'), () => {}, noWait);
    expect(cellAt(columnOf(table, 3), 1)).toBe('');
  });
});

describe("the designer's reader on the page", () => {
  it('keeps the file and hands over its headers, row count and profiles, with progress', async () => {
    const done: number[] = [];
    const file = await inPageClient().read(
      new TextEncoder().encode(craftedCsv(60)),
      (d) => done.push(d),
      new AbortController().signal,
    );
    expect(file.headers).toEqual(['id', 'usage', 'plan', 'churned']);
    expect(file.rowCount).toBe(60);
    expect(file.profiles.map((p) => p.header)).toEqual(file.headers);
    expect('table' in file).toBe(false);
    expect(done.at(-1)).toBe(60);
  });

  it('rejects with the batch cancel when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      inPageClient().read(new TextEncoder().encode(craftedCsv(60)), () => {}, ac.signal),
    ).rejects.toBeInstanceOf(BatchCancelled);
  });
});
