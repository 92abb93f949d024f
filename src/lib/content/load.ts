/** Reads the content folder from disk for checkContent (Node only: used by the build and scripts). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './types.ts';

export function readContentFiles(root: string, contentDir = 'content'): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|md)$/.test(name)) {
        const bytes = readFileSync(full);
        out.push({ path: relative(root, full).split(sep).join('/'), text: bytes.toString('utf8'), bytes });
      }
    }
  };
  walk(join(root, contentDir));
  return out;
}
