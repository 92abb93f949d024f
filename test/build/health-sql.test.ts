/** The built site offers every health model as SQL for each dialect, linked from the model pages in both languages. */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SQL_DIALECTS, sqlFileName } from '../../src/lib/health/sql.ts';
import { distDir } from '../helpers/dist.ts';
import { loadModel } from '../helpers/health-fixtures.ts';

const dist = distDir();
const models = readdirSync('content/healthModels')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('health model SQL downloads', () => {
  it('every model page links its SQL file for each dialect, and the files exist', () => {
    for (const id of models)
      for (const prefix of ['', 'ja/']) {
        const page = readFileSync(`${dist}/${prefix}health/${id}/index.html`, 'utf8');
        for (const d of SQL_DIALECTS) {
          const file = sqlFileName(id, d);
          const href = page.match(new RegExp(`href="([^"]*/health-sql/${file.replace(/\./g, '\\.')})"`))?.[1];
          expect(href, `${prefix}health/${id}/ links ${file}`).toBeDefined();
          expect(page).toContain(`download="${file}"`);
          expect(existsSync(`${dist}/health-sql/${file}`)).toBe(true);
        }
      }
  });

  it('the DuckDB file as built runs over a table named account_measures', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      for (const id of models) {
        const model = loadModel(id);
        const type = (input: string) =>
          input === 'boolean' ? 'BOOLEAN' : input === 'sentiment' ? 'VARCHAR' : 'DOUBLE';
        await con.run('DROP TABLE IF EXISTS account_measures');
        await con.run(
          `CREATE TABLE account_measures (account_id VARCHAR, ${model.measures.map((m) => `"${m.id}" ${type(m.input)}`).join(', ')})`,
        );
        await con.run(`INSERT INTO account_measures (account_id) VALUES ('empty')`);
        const reader = await con.runAndReadAll(readFileSync(`${dist}/health-sql/${sqlFileName(id, 'duckdb')}`, 'utf8'));
        expect(reader.getRowObjectsJS()).toEqual([
          {
            account_id: 'empty',
            score: null,
            band: null,
            band_index: null,
            raw_band: null,
            coverage: 0,
            overrides_applied: '',
            status: 'insufficient-data',
          },
        ]);
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
