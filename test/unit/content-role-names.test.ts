/** Text names only roles that exist: "head of CS" is a role (head-of-cs); "renewals owner" is not. */
import { describe, expect, it } from 'vitest';
import { checkContent, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { findUnknownRoleNames, ROLE_SHORT_NAMES } from '../../src/lib/content/role-names.ts';

const shipped = readContentFiles('.');
const unknown = (files: SourceFile[]) =>
  findUnknownRoleNames(checkContent(files).content).map((u) => `${u.file}: ${u.path}: ${u.phrase}`);
const replace = (path: string, fn: (s: string) => string): SourceFile[] =>
  shipped.map((f) => (f.path === path ? { path, text: fn(f.text) } : f));

describe('role names in content', () => {
  it('every role named in the content, in both languages, is a role that exists', () => {
    expect(unknown(shipped)).toEqual([]);
  });
  it('every short form belongs to a role that exists', () => {
    const { content } = checkContent(shipped);
    expect(Object.keys(ROLE_SHORT_NAMES).filter((id) => !content.roles.has(id))).toEqual([]);
  });
  it('the head of CS is a role with a growth path from the CS lead, in both languages', () => {
    const { content } = checkContent(shipped);
    const head = content.roles.get('head-of-cs')!.data;
    expect(head.name).toEqual({ en: 'Head of Customer Success', ja: 'CS責任者' });
    expect(content.roles.get('cs-lead')!.data.next).toContainEqual(
      expect.objectContaining({ role: 'head-of-cs', direction: 'up' }),
    );
    expect(head.expectations.map((e) => e.framework).sort()).toEqual(['cs-skills', 'product-domain']);
  });
  it('reports a role that does not exist, naming the file, the field and the phrase', () => {
    const en = replace(
      'content/playbooks/en/qbr.md',
      (s) => `${s}\nAsk the renewals owner and the onboarding specialist.\n`,
    );
    expect(unknown(en)).toEqual([
      'content/playbooks/en/qbr.md: (body): renewals owner',
      'content/playbooks/en/qbr.md: (body): onboarding specialist',
    ]);
    const ja = replace('content/glossary/qbr.yaml', (s) =>
      s.replace('四半期ごとに', 'CS部門長とオンボーディング担当が四半期ごとに'),
    );
    expect(unknown(ja)).toEqual([
      'content/glossary/qbr.yaml: definition.ja: CS部門長',
      'content/glossary/qbr.yaml: definition.ja: オンボーディング担当',
    ]);
  });
  it('a removed role makes its names unknown', () => {
    const files = shipped
      .filter((f) => f.path !== 'content/roles/head-of-cs.yaml')
      .map((f) =>
        f.path === 'content/roles/cs-lead.yaml'
          ? { ...f, text: f.text.replace(/^next:[\s\S]*?^owner:/m, 'next: []\nowner:') }
          : f,
      );
    expect(unknown(files).some((u) => u.endsWith('head of CS'))).toBe(true);
  });
});
