/**
 * The site built under the base path /banso/, once per test run: the first browser test file that
 * needs it builds it (about a minute), the next ones reuse it. Keyed by dist/'s build, so a new
 * `npm run build` gives a new based build too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEnv } from './build-env.ts';
import { distDir } from './dist.ts';

export const BASE = '/banso/';

export function basedBuild(): string {
  const stamp = Math.round(statSync(join(distDir(), 'index.html')).mtimeMs);
  const out = join(tmpdir(), `banso-based-${stamp}`);
  if (existsSync(join(out, 'index.html'))) return out;
  const tmp = `${out}.building-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', tmp], {
    encoding: 'utf8',
    env: { ...buildEnv(), BANSO_BASE: BASE },
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`build with BANSO_BASE=${BASE} failed:\n${r.stdout}\n${r.stderr}`);
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  return out;
}
