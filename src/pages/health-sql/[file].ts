/** Every health model as SQL for each warehouse dialect: /health-sql/<model>.<dialect>.sql (linked from the model pages). */
import type { APIRoute } from 'astro';
import { siteContent } from '~/data/site.ts';
import { healthModelSql, sqlFileName, SQL_DIALECTS, SQL_TABLE } from '~/lib/health/sql.ts';

export async function getStaticPaths() {
  const c = await siteContent();
  return [...c.healthModels.entries()].flatMap(([id, m]) =>
    SQL_DIALECTS.map((dialect) => ({
      params: { file: sqlFileName(id, dialect) },
      props: { sql: healthModelSql(m.data, { dialect, table: SQL_TABLE }) },
    })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { sql: string }).sql, { headers: { 'content-type': 'application/sql; charset=utf-8' } });
