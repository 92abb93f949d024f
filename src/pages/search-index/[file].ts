/** Writes the search indexes as static files with a content hash in the name (cache forever). */
import type { APIRoute } from 'astro';
import { searchIndexes } from '~/data/search.ts';

export async function getStaticPaths() {
  const idx = await searchIndexes();
  return Object.values(idx).map((x) => ({ params: { file: x.file }, props: { json: x.json } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
