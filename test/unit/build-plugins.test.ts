/** Vite plugins of the client build that keep pages light (src/integrations/; budgets.json). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import { leanDynamicImport } from '../../src/integrations/lean-dynamic-import.ts';
import { ownModuleCopy } from '../../src/integrations/own-module-copy.ts';

type Hook = (...args: unknown[]) => unknown;
const hook = (p: object, name: string) => (p as Record<string, Hook>)[name];

describe('leanDynamicImport', () => {
  const plugin = leanDynamicImport();
  it('turns module preloading off for the browser build only', () => {
    expect(hook(plugin, 'configEnvironment')('client')).toEqual({ build: { modulePreload: false } });
    expect(hook(plugin, 'configEnvironment')('ssr')).toBeUndefined();
  });
  it('replaces the preload helper with one that only calls the import', async () => {
    const id = hook(plugin, 'resolveId')('\0vite/preload-helper.js');
    expect(id).toBe('\0vite/preload-helper.js');
    expect(hook(plugin, 'resolveId')('./other.js')).toBeNull();
    const code = hook(plugin, 'load')(id) as string;
    const mod = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    await expect(mod.__vitePreload(async () => 'loaded', ['_astro/a.js'])).resolves.toBe('loaded');
  });
  it('fails the build when a lazily loaded chunk would need CSS', () => {
    const errors: string[] = [];
    const ctx = {
      error: (m: string) => {
        errors.push(m);
      },
    };
    const run = (code: string) =>
      hook(plugin, 'generateBundle').call(ctx, {}, { 'x.js': { type: 'chunk', fileName: '_astro/x.js', code } });
    run('import("./y.js")');
    expect(errors).toEqual([]);
    run('const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/y.css"])))=>i.map(i=>d[i]);');
    expect(errors[0]).toMatch(/_astro\/x\.js.*CSS/);
  });
});

describe('ownModuleCopy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banso-own-copy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'lib.js'),
    'export const radarPart = () => "RADAR-PART";\nexport const barPart = () => "BAR-PART";\n',
  );
  writeFileSync(join(dir, 'Radar.js'), 'import { radarPart } from "./lib.js";\nexport default radarPart;\n');
  writeFileSync(join(dir, 'Bars.js'), 'import { barPart } from "./lib.js";\nexport default barPart;\n');
  writeFileSync(join(dir, 'radar-page.js'), 'import r from "./Radar.js";\nconsole.log(r());\n');
  writeFileSync(join(dir, 'bar-page.js'), 'import b from "./Bars.js";\nconsole.log(b());\n');

  /** The code each entry loads (its chunk and the chunks it imports). */
  async function build(plugins: object[]) {
    const bundle = await rolldown({
      input: [join(dir, 'radar-page.js'), join(dir, 'bar-page.js')],
      plugins: plugins as never[],
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const chunks = new Map(output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
    const loaded = (name: string) => {
      const entry = [...chunks.values()].find((c) => c.isEntry && c.name === name)!;
      return [entry, ...entry.imports.map((f) => chunks.get(f)!)].map((c) => c.code).join('\n');
    };
    return { radar: loaded('radar-page'), bars: loaded('bar-page') };
  }

  it('without it, a module two pages share carries what either page uses', async () => {
    const { radar } = await build([]);
    expect(radar).toContain('BAR-PART');
  });
  it('gives the chosen importers a copy with only what they use; the others keep theirs', async () => {
    const { radar, bars } = await build([
      ownModuleCopy({ name: 'radar', module: './lib.js', importers: /[\\/]Radar\.js$/ }),
    ]);
    expect(radar).toContain('RADAR-PART');
    expect(radar).not.toContain('BAR-PART');
    expect(bars).toContain('BAR-PART');
    expect(bars).not.toContain('RADAR-PART');
  });
});
