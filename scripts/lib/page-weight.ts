/**
 * What JavaScript a built page loads: its <script> tags (inline and external) plus every module
 * they import statically, transitively. Dynamic import() chunks are listed separately: they load
 * only on intent (search focus, an export button…). Sizes are gzip bytes. Node only (reads dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** JS loaded by the page itself (inline + static module graph), gzip bytes. */
  initialJs: number;
  initialFiles: string[];
  /** Chunks reachable only through dynamic import(), with their own static graphs. */
  lazyFiles: string[];
  lazyJs: number;
  html: number;
  css: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g))
    out.push(m[1]);
  for (const m of code.matchAll(/export\s*\*?\s*(?:\{[^}]*\})?\s*from\s*["'`]([^"'`]+\.js)["'`]/g)) out.push(m[1]);
  return out;
}
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]);
}

export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const urlToFile = (src: string, from: string) =>
    resolve(
      src.startsWith('/') ? join(dist, src.replace(/^\/([^/]+\/)*?_astro\//, '_astro/')) : resolve(dirname(from), src),
    );
  const initial = new Set<string>();
  const lazyRoots = new Set<string>();
  let inline = 0;
  const walk = (f: string, into: Set<string>) => {
    const file = resolve(f);
    if (into.has(file) || !existsSync(file)) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    for (const s of staticImports(code)) walk(resolve(dirname(file), s), into);
    for (const d of dynamicImports(code)) lazyRoots.add(resolve(dirname(file), d));
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
    if (src) walk(urlToFile(src, htmlFile), initial);
    else {
      inline += gz(m[2]);
      for (const s of staticImports(m[2])) walk(urlToFile(s, htmlFile), initial);
      for (const d of dynamicImports(m[2])) lazyRoots.add(urlToFile(d, htmlFile));
    }
  }
  // Astro islands name their component and renderer URLs in attributes.
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const a of m[0].matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g))
      walk(urlToFile(a[1], htmlFile), initial);
  }
  const lazy = new Set<string>();
  for (const r of lazyRoots) if (!initial.has(r)) walk(r, lazy);
  for (const f of initial) lazy.delete(f);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce(
    (n, m) => n + gz(readFileSync(urlToFile(m[1], htmlFile))),
    0,
  );
  const sum = (s: Set<string>) => [...s].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return {
    initialJs: inline + sum(initial),
    initialFiles: [...initial].map((f) => relative(resolve(dist), f)),
    lazyFiles: [...lazy].map((f) => relative(resolve(dist), f)),
    lazyJs: sum(lazy),
    html: gz(html),
    css,
  };
}
