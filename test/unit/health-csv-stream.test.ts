import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { decodeBytes, detectDelimiter, parseCsv } from '../../src/lib/health/csv.ts';
import { detectEncoding, streamCsv, BatchCancelled } from '../../src/lib/health/csv-stream.ts';
import { BATCH_CSV_FIXTURES, csvFixture } from '../helpers/health-fixtures.ts';

const FIXTURES = [...BATCH_CSV_FIXTURES, 'design-accounts-sjis.csv'];

async function streamed(bytes: Uint8Array<ArrayBuffer>, chunkBytes: number, sniffChars: number) {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const starts: number[] = [];
  const errors: unknown[] = [];
  const sum = await streamCsv(
    new Blob([bytes]),
    {
      onRecord: (cells, line, _i, start) => {
        rows.push(cells);
        rowNumbers.push(line);
        starts.push(start);
      },
      onError: (e) => errors.push(e),
    },
    { chunkBytes, sniffChars },
  );
  return { sum, rows, rowNumbers, starts, errors };
}

/** The one-shot parse, without the field-count problems (the streaming caller adds those). */
function oneShot(bytes: Uint8Array) {
  const d = decodeBytes(bytes);
  const p = parseCsv(d.text);
  return { encoding: d.encoding, ...p, errors: p.errors.filter((e) => e.code !== 'field-count') };
}

/** Each record's text re-read from its byte offset, decoded and parsed on its own. */
function recordAt(bytes: Uint8Array, encoding: string, starts: number[], i: number): string[] {
  const end = i + 1 < starts.length ? starts[i + 1] : bytes.length;
  const text = new TextDecoder(encoding === 'shift_jis' ? 'shift_jis' : 'utf-8').decode(bytes.subarray(starts[i], end));
  return Papa.parse<string[]>(text, { delimiter: detectDelimiter(text) }).data[0];
}

const tricky = [
  'id,name,note,score',
  'a1,"Müller, ""Ltd""","line one\nline two",10',
  'a2,株式会社テスト,"改行\r\nあり",20',
  '',
  'a3,😀 emoji,"",30',
  'a4,"unterminated',
].join('\r\n');

describe('streamCsv: the same records as parseCsv, whatever the chunk size', () => {
  it('on every CSV fixture, in 7-byte chunks and in one chunk', async () => {
    for (const name of FIXTURES) {
      const bytes = csvFixture(name);
      const want = oneShot(bytes);
      for (const chunk of [7, 1 << 20]) {
        const got = await streamed(bytes, chunk, 1);
        expect(got.sum.encoding, name).toBe(want.encoding);
        expect(got.sum.headers, name).toEqual(want.headers);
        expect(got.rows, name).toEqual(want.rows);
        expect(got.rowNumbers, name).toEqual(want.rowNumbers);
        expect(got.errors, name).toEqual(want.errors);
        expect(got.sum.rowCount).toBe(want.rows.length);
        expect(got.sum.exactOffsets).toBe(true);
        got.rows.forEach((cells, i) =>
          expect(recordAt(bytes, got.sum.encoding, got.starts, i), `${name} record ${i}`).toEqual(cells),
        );
      }
    }
  });

  it('chunk boundaries anywhere: inside quoted fields, CRLF pairs and multi-byte characters (UTF-8 and Shift_JIS)', async () => {
    const utf8 = new TextEncoder().encode(tricky);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    const sjis = csvFixture('accounts-sjis.csv');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(utf8, bom, sjis),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 200 }),
        async (bytes, chunk, sniff) => {
          const want = oneShot(bytes);
          const got = await streamed(bytes as Uint8Array<ArrayBuffer>, chunk, sniff);
          expect(got.rows).toEqual(want.rows);
          expect(got.rowNumbers).toEqual(want.rowNumbers);
          expect(got.errors).toEqual(want.errors);
          expect(got.sum.headers).toEqual(want.headers);
          got.rows.forEach((cells, i) => expect(recordAt(bytes, got.sum.encoding, got.starts, i)).toEqual(cells));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports progress per chunk and stops when cancelled', async () => {
    const text = `id,score\n${Array.from({ length: 2000 }, (_, i) => `a${i},${i % 100}`).join('\n')}`;
    const progress: [number, number, number][] = [];
    const sum = await streamCsv(
      new Blob([text]),
      { onRecord: () => {}, onChunk: (b, t, r) => void progress.push([b, t, r]) },
      { chunkBytes: 4096, sniffChars: 10 },
    );
    expect(sum.rowCount).toBe(2000);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([text.length, text.length, 2000]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);

    const ac = new AbortController();
    let seen = 0;
    const run = streamCsv(
      new Blob([text]),
      { onRecord: () => void seen++, onChunk: () => ac.abort() },
      { chunkBytes: 4096, sniffChars: 10, signal: ac.signal },
    );
    await expect(run).rejects.toBeInstanceOf(BatchCancelled);
    expect(seen).toBeLessThan(2000);
  });

  it('detects the encoding as decodeBytes does, reading in slices', async () => {
    for (const name of FIXTURES)
      expect(await detectEncoding(new Blob([csvFixture(name)]), 5), name).toBe(decodeBytes(csvFixture(name)).encoding);
  });

  it('marks byte offsets as uncertain after bytes that are not valid Shift_JIS', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('id,v\na,1\n'),
      0x82,
      0xa0,
      0xff,
      0x0a,
      0x62,
      0x2c,
      0x32,
      0x0a,
    ]);
    const got = await streamed(bytes, 3, 1);
    expect(got.sum.encoding).toBe('shift_jis');
    expect(got.sum.exactOffsets).toBe(false);
    expect(got.rows).toEqual(oneShot(bytes).rows);
  });
});
