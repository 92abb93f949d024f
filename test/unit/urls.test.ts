import { describe, expect, it } from 'vitest';
import { localePath, parseLocalePath, switchLocale } from '../../src/lib/urls.ts';

describe('locale URLs', () => {
  it('puts Japanese under /ja/ and English at the root', () => {
    expect(localePath('en', '/')).toBe('/');
    expect(localePath('ja', '/')).toBe('/ja/');
    expect(localePath('en', '/playbooks/kickoff/')).toBe('/playbooks/kickoff/');
    expect(localePath('ja', 'playbooks/kickoff')).toBe('/ja/playbooks/kickoff/');
  });
  it('works under a base path and keeps query and hash', () => {
    expect(localePath('ja', '/health/simulator/?model=x#a', '/banso/')).toBe('/banso/ja/health/simulator/?model=x#a');
    expect(localePath('en', '/journeys/x/#stage-y', '/banso')).toBe('/banso/journeys/x/#stage-y');
    expect(localePath('en', '/favicon.svg', '/banso/')).toBe('/banso/favicon.svg');
  });
  it('switches language on the same page', () => {
    expect(switchLocale('/playbooks/kickoff/', 'ja')).toBe('/ja/playbooks/kickoff/');
    expect(switchLocale('/ja/playbooks/kickoff/', 'en')).toBe('/playbooks/kickoff/');
    expect(switchLocale('/banso/ja/', 'en', '/banso/')).toBe('/banso/');
    expect(switchLocale('/banso/glossary/', 'ja', '/banso/')).toBe('/banso/ja/glossary/');
    expect(parseLocalePath('/banso/japan/', '/banso/')).toEqual({ lang: 'en', path: 'japan' });
  });
});
