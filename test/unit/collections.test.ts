/**
 * The collection registry drives the content check, the Astro collections, the site's content set, the
 * navigation and the page list: adding a collection is one registry entry.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  COLLECTIONS,
  COLLECTION_IDS,
  contentPages,
  emptyContentSet,
  globOf,
  type CollectionDef,
} from '../../src/lib/content/collections.ts';
import { checkContent, COLLECTION_DIRS, formatProblem } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { NAV } from '../../src/layouts/nav.ts';
import { dictionaries } from '../../src/i18n/ui.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

describe('collection registry', () => {
  it('names a folder that exists for every collection, and the check uses the same folders', () => {
    for (const id of COLLECTION_IDS) {
      expect(existsSync(COLLECTIONS[id].dir), id).toBe(true);
      expect(COLLECTION_DIRS[id]).toBe(COLLECTIONS[id].dir);
    }
    expect(Object.keys(emptyContentSet())).toEqual(COLLECTION_IDS);
  });
  it('gives Astro the same files the content check reads', () => {
    expect(globOf(COLLECTIONS.roles)).toEqual({ base: './content/roles', pattern: '**/*.{yaml,yml}' });
    expect(globOf(COLLECTIONS.playbooks)).toEqual({ base: './content/playbooks/en', pattern: '*.md' });
    expect(globOf(COLLECTIONS.playbookTranslations)).toEqual({
      base: './content/playbooks',
      pattern: ['*/*.md', '!en/**'],
    });
  });
  it('builds the navigation in its order, each label in every language', () => {
    expect(NAV.map((n) => n.section)).toEqual([
      'home',
      'onboarding',
      'playbooks',
      'journeys',
      'skills',
      'assess',
      'review',
      'team',
      'health',
      'glossary',
    ]);
    expect(NAV.find((n) => n.section === 'skills')!.path).toBe('/skills/');
    for (const lang of LOCALES)
      for (const n of NAV) expect(dictionaries[lang][n.label], `${lang} ${n.label}`).toBeTruthy();
  });
  it('lists a page for every entry', () => {
    const { content } = checkContent(readContentFiles('.'));
    const pages = contentPages(content);
    expect(pages).toContain('roles/csm/');
    expect(pages).toContain('skills/cs-skills/customer-health/');
    expect(pages).toContain('health/high-touch-health/');
    expect(pages.filter((p) => p.startsWith('playbooks/') && p !== 'playbooks/')).toHaveLength(content.playbooks.size);
  });
  it('adding one entry is enough for the check to read, validate and cross-check a new collection', () => {
    const notes = {
      entryName: 'note',
      dir: 'content/notes',
      format: 'yaml',
      schema: z.object({ value: z.string(), owner: z.string() }),
      references: (
        e: { file: string; data: { owner: string } },
        x: Parameters<NonNullable<CollectionDef['references']>>[1],
      ) => {
        x.ref(e.file, 'owner', 'roles', e.data.owner);
      },
    } as CollectionDef;
    const files = [
      ...readContentFiles('.'),
      { path: 'content/notes/notice.yaml', text: 'value: 90 days\nowner: csm\n' },
      { path: 'content/notes/broken.yaml', text: 'value: 3\nowner: nobody\n' },
      { path: 'content/notes/orphan.yaml', text: 'value: x\nowner: nobody\n' },
    ];
    const { content, problems } = checkContent(files, { ...COLLECTIONS, notes });
    expect((content as unknown as Record<string, Map<string, unknown>>).notes.has('notice')).toBe(true);
    expect(problems.map(formatProblem)).toEqual([
      'content/notes/broken.yaml: value: Invalid input: expected string, received number',
      expect.stringMatching(/^content\/notes\/orphan\.yaml: owner: unknown role "nobody"; known: .*csm/),
    ]);
  });
});

describe('the CS Ops plane names its example roles in content', () => {
  const shipped = readContentFiles('.');
  const replaced = (path: string, edit: (s: string) => string) =>
    shipped.map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));
  it('has one example role per direction', () => {
    const { content } = checkContent(shipped);
    const examples = [...content.roles.values()]
      .filter((r) => r.data.planeExample)
      .map((r) => [r.data.planeExample, r.id]);
    expect(examples.sort()).toEqual([
      ['product', 'cx-designer'],
      ['space', 'cs-ops-specialist'],
      ['time', 'cs-lead'],
    ]);
  });
  it('fails the check when a direction has no role or two', () => {
    const none = checkContent(
      replaced('content/roles/cs-lead.yaml', (s) => s.replace(/^planeExample: time\n/m, '')),
    ).problems.map(formatProblem);
    expect(none).toEqual([expect.stringMatching(/^content\/roles: \(collection\): no role has planeExample: time;/)]);
    const two = checkContent(
      replaced('content/roles/csm.yaml', (s) => s.replace(/^rank:/m, 'planeExample: space\nrank:')),
    ).problems.map(formatProblem);
    expect(two).toEqual([
      'content/roles/csm.yaml: planeExample: "space" is already the plane example of content/roles/cs-ops-specialist.yaml: one role per direction',
    ]);
  });
});
