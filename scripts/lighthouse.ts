// `npm run lighthouse`: Lighthouse (mobile) on one page of each type in both languages, served from
// dist/ with the production CSP header, in the same Chromium the browser tests use. Writes HTML and
// JSON reports to lighthouse-reports/ and fails when a page is under target.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startStaticServer } from '../test/helpers/static-server.ts';
import { siteHeaderPolicy } from '../test/helpers/site-csp.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/helpers/browser.ts';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
// LH_ONLY=assess/ runs only the pages whose path contains that text.
const ALL_PAGES = [
  '',
  'playbooks/',
  'playbooks/kickoff/',
  'skills/cs-skills/',
  'skills/cs-skills/customer-health/',
  'journeys/high-touch-b2b/',
  'glossary/',
  'onboarding/new-csm/',
  'roles/csm/',
  'plane/',
  'assess/',
  'team/',
  'review/',
  'progress/',
  'health/high-touch-health/',
  'health/simulator/',
  'health/design/',
  'health/batch/',
  'search/?q=churn',
];
const PAGES = process.env.LH_ONLY ? ALL_PAGES.filter((p) => p.includes(process.env.LH_ONLY!)) : ALL_PAGES;
const dist = process.env.BANSO_DIST || 'dist';

// Japanese users have a Japanese font; a machine without one makes Chromium search every font for each
// glyph, and the Japanese pages then measure that machine rather than the portal.
const jaFonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
if (!jaFonts.error && !jaFonts.stdout.trim())
  console.warn(
    'warning: no Japanese font is installed, so the Japanese pages pay for font fallback. For representative figures install one first (Debian: apt-get install fonts-ipafont-gothic).',
  );

const server = await startStaticServer({ root: dist, csp: siteHeaderPolicy(dist) });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
mkdirSync('lighthouse-reports', { recursive: true });
const rows: { page: string; scores: Record<string, number> }[] = [];
let failed = false;
try {
  for (const lang of ['en', 'ja']) {
    for (const p of PAGES) {
      const url = server.url + (lang === 'ja' ? 'ja/' : '') + p;
      const result = await lighthouse(url, {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: Object.keys(TARGETS),
      });
      if (!result) throw new Error(`no Lighthouse result for ${url}`);
      const name = `${lang}-${p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`;
      const [html, json] = result.report as string[];
      writeFileSync(`lighthouse-reports/${name}.html`, html);
      writeFileSync(`lighthouse-reports/${name}.json`, json);
      const scores = Object.fromEntries(
        Object.keys(TARGETS).map((k) => [k, Math.round((result.lhr.categories[k]?.score ?? 0) * 100)]),
      );
      rows.push({ page: `/${lang === 'ja' ? 'ja/' : ''}${p}`, scores });
      for (const [k, min] of Object.entries(TARGETS)) if (scores[k] < min) failed = true;
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `\n${pad('page', 42)} perf  a11y  best  (targets ${TARGETS.performance}/${TARGETS.accessibility}/${TARGETS['best-practices']})`,
);
for (const r of rows) {
  const mark = (k: keyof typeof TARGETS) => `${String(r.scores[k]).padStart(4)}${r.scores[k] < TARGETS[k] ? '!' : ' '}`;
  console.log(`${pad(r.page, 42)} ${mark('performance')} ${mark('accessibility')} ${mark('best-practices')}`);
}
writeFileSync('lighthouse-reports/summary.json', JSON.stringify({ targets: TARGETS, pages: rows }, null, 2));
console.log(
  failed
    ? '\nSome pages are under target (marked !). Reports: lighthouse-reports/'
    : '\nAll pages meet the targets. Reports: lighthouse-reports/',
);
process.exit(failed ? 1 : 0);
