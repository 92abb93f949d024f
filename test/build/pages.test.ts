/** The built site: every content entry has a page in both languages; content pages ship no JS. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { contentPages } from '../../src/lib/content/collections.ts';
import { distDir } from '../helpers/dist.ts';
import { TEST_TODAY } from '../helpers/build-env.ts';
import { isReviewOverdue } from '../../src/lib/content/freshness.ts';

const { content } = checkContent(readContentFiles('.'));
// Tool pages, then every page the collection registry says its entries build.
const expected: string[] = ['', 'assess/', 'team/', 'plane/', 'search/', ...contentPages(content)];

const dist = distDir();
const html = (path: string) => readFileSync(`${dist}/${path}index.html`, 'utf8');

describe('built pages', () => {
  it('exist for every collection entry in English and Japanese', () => {
    const missing = expected.flatMap((p) => [p, `ja/${p}`]).filter((p) => !existsSync(`${dist}/${p}index.html`));
    expect(missing).toEqual([]);
  });
  it('declare their language and link the other one', () => {
    for (const p of ['playbooks/kickoff/', 'glossary/churn/']) {
      expect(html(p)).toMatch(/<html lang="en"/);
      expect(html(`ja/${p}`)).toMatch(/<html lang="ja"/);
      expect(html(p)).toContain(`href="/ja/${p}"`);
      expect(html(`ja/${p}`)).toContain(`href="/${p}"`);
    }
  });
  it('show every playbook in Japanese: each has a translation and its Japanese page carries no fallback notice', () => {
    const ja = content.playbookTranslations.get('ja');
    const missing = [...content.playbooks.keys()].filter((id) => !ja?.has(id));
    expect(missing).toEqual([]);
    for (const id of content.playbooks.keys()) {
      const page = html(`ja/playbooks/${id}/`);
      expect(page, id).toContain(ja!.get(id)!.data.title);
      expect(page, id).not.toContain('まだ日本語に翻訳されていない');
    }
  });
  it('mark a playbook past its review date (dist/ is built with BANSO_TODAY, so this never depends on the calendar)', () => {
    // npm test builds with `npm run build:test`; a dist/ built on another day would mark other pages.
    const due = [...content.playbooks.values()]
      .filter((p) => isReviewOverdue(p.data, TEST_TODAY))
      .map((p) => p.id)
      .sort();
    const marked = [...content.playbooks.keys()].filter((id) => html(`playbooks/${id}/`).includes('review-due')).sort();
    expect(marked, `dist/ must be built with BANSO_TODAY=${TEST_TODAY} (npm run build:test)`).toEqual(due);
    expect(due).toContain('nps-detractor-follow-up');
    expect(due).not.toContain('kickoff');
  });
  it('show owner and an edit link built from the repository URL', () => {
    const h = html('roles/csm/');
    expect(h).toContain('content/roles/csm.yaml');
    expect(h).toMatch(/class="edit-link"/);
  });
  it('ship no script on content pages but the small search loader and the offline worker registration', () => {
    for (const p of [
      '',
      'playbooks/kickoff/',
      'skills/cs-skills/',
      'skills/cs-skills/customer-health/',
      'roles/csm/',
      'glossary/',
      'journeys/high-touch-b2b/',
      'health/high-touch-health/',
    ]) {
      for (const page of [html(p), html(`ja/${p}`)]) {
        // The home page also has the tiny "Your onboarding" loader (it fetches its renderer only when progress is kept).
        const scripts = [...page.matchAll(/<script\b[^>]*>([^<]*)/g)].filter(
          (x) => !(p === '' && /OnboardingNow\.astro_astro_type_script/.test(x[0])),
        );
        expect(scripts, p).toHaveLength(2);
        expect(scripts[0][0], p).toMatch(/src="\/_astro\/SearchBox\.[^"]+\.js"/);
        expect(scripts[1][1], p).toContain('serviceWorker.register');
        expect(page, p).not.toContain('astro-island');
      }
    }
  });
  it('never show a raw UI string key (islands get a subset of the dictionary)', () => {
    for (const p of ['assess/', 'team/', 'health/simulator/', 'health/batch/', 'search/', 'playbooks/']) {
      for (const page of [html(p), html(`ja/${p}`)])
        expect(
          page.match(/>\s*(?:assess|plan|team|batch|healthSim|health|common|skills|search)\.[a-zA-Z.-]+\s*</g) ?? [],
          p,
        ).toEqual([]);
    }
  });

  it('load nothing from another origin', () => {
    for (const p of expected.slice(0, 40)) {
      const h = html(p);
      expect(h.match(/(?:src|href)="(?:https?:)?\/\/[^"]+"/g)?.filter((m) => !m.startsWith('href=')) ?? [], p).toEqual(
        [],
      );
      expect(h).not.toMatch(/<link[^>]+href="https?:/);
    }
  });
  it('search pages preload exactly the index their script fetches, in the mode fetch() uses', () => {
    for (const p of ['search/', 'ja/search/']) {
      const h = html(p);
      const preload = /<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous">/.exec(h)?.[1];
      const fetched = /data-index="([^"]+)"/.exec(h)?.[1];
      expect(preload, p).toMatch(/^\/search-index\/search-(en|ja)\.[0-9a-f]+\.json$/);
      expect(preload).toBe(fetched);
      expect(existsSync(`${dist}${preload}`)).toBe(true);
    }
  });
  it('carry no style attributes, which the CSP (no inline styles) would block — so no Shiki highlighting either', () => {
    const withStyle: string[] = [];
    (function walk(d: string) {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const f = `${d}/${e.name}`;
        if (e.isDirectory()) walk(f);
        else if (e.name.endsWith('.html') && /<[a-z][^>]*\sstyle="/i.test(readFileSync(f, 'utf8')))
          withStyle.push(f.slice(dist.length));
      }
    })(dist);
    expect(withStyle).toEqual([]);
  });
});
