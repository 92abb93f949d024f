/**
 * The SQL dialects a health model can be exported to, their names, the table the query reads and the
 * file name. Kept apart from sql.ts so a page can list them without loading the query writer.
 */
export const SQL_DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Display names of the dialects. */
export const SQL_DIALECT_NAMES: Record<SqlDialect, string> = {
  duckdb: 'DuckDB',
  postgres: 'PostgreSQL',
  bigquery: 'BigQuery',
  snowflake: 'Snowflake',
};

/** The table the exported queries read (rename it in the query if yours differs). */
export const SQL_TABLE = 'account_measures';

/** File name of a model's SQL export: "<model>.<dialect>.sql". */
export const sqlFileName = (modelId: string, dialect: SqlDialect): string => `${modelId}.${dialect}.sql`;
