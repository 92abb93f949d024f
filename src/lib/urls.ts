/** URL building for both locales under a configurable base path. Pure: base is passed in. */
import type { Locale } from '../i18n/locales.ts';

function trimSlashes(s: string): string {
  return s.replace(/^\/+|\/+$/g, '');
}

/** Join base + locale prefix + path, always ending in "/" unless the path has a query or hash or file extension. */
export function localePath(lang: Locale, path: string, base = '/'): string {
  const b = trimSlashes(base);
  const [p, rest = ''] = splitSuffix(path);
  const parts = [b, lang === 'ja' ? 'ja' : '', trimSlashes(p)].filter(Boolean);
  const joined = `/${parts.join('/')}`;
  const isFile = /\.[a-z0-9]+$/i.test(joined);
  return (isFile || joined.endsWith('/') ? joined : `${joined}/`) + rest;
}

function splitSuffix(path: string): [string, string] {
  const i = path.search(/[?#]/);
  return i === -1 ? [path, ''] : [path.slice(0, i), path.slice(i)];
}

/** The locale of a pathname (under base) and the path inside it, e.g. "/base/ja/playbooks/x/" → ja, "playbooks/x/". */
export function parseLocalePath(pathname: string, base = '/'): { lang: Locale; path: string } {
  let p = pathname;
  const b = `/${trimSlashes(base)}`;
  if (b !== '/' && (p === b || p.startsWith(`${b}/`))) p = p.slice(b.length);
  p = trimSlashes(p);
  if (p === 'ja' || p.startsWith('ja/')) return { lang: 'ja', path: p.slice(2).replace(/^\//, '') };
  return { lang: 'en', path: p };
}

/** The same page in another locale. */
export function switchLocale(pathname: string, to: Locale, base = '/'): string {
  const { path } = parseLocalePath(pathname, base);
  return localePath(to, path, base);
}
