/**
 * `npm run screenshots`: PNGs of every page type at 390×844 (phone) and 1280×900 (laptop), in English and
 * Japanese, from the built dist/ (run `npm run build` first). For people to review; nothing compares them.
 * Output: screenshots/<lang>-<page>-<viewport>.png (git-ignored). Optional argument: a page-name filter.
 * The team review is shown with the example team files loaded; onboarding as a new CSM sees it on day 3
 * (start date two days ago, two items ticked), so the home page and the track show this week.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startStaticServer } from '../test/helpers/static-server.ts';
import { distDir } from '../test/helpers/dist.ts';
import { PAGE_TYPES, VIEWPORTS } from '../test/helpers/page-types.ts';

const out = resolve('screenshots');
mkdirSync(out, { recursive: true });
const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;
const teamFiles = readdirSync('test/fixtures/team')
  .filter((f) => /^(sato|watanabe|ito)/.test(f))
  .map((f) => resolve('test/fixtures/team', f));

const server = await startStaticServer({ root: distDir() });
const browser = await launchBrowser();
let n = 0;
try {
  for (const lang of ['en', 'ja'] as const) {
    for (const [vp, size] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport: size, locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
      await context.addInitScript(() => {
        if (localStorage.getItem('banso:onboarding:new-csm')) return;
        const d = new Date(Date.now() - 2 * 86_400_000);
        const start = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        localStorage.setItem(
          'banso:onboarding:new-csm',
          JSON.stringify({ format: 1, done: ['get-tool-access', 'meet-manager-and-buddy'], start }),
        );
      });
      for (const { name, path } of PAGE_TYPES) {
        if (filter && !filter.test(name)) continue;
        const page = await context.newPage();
        await page.goto(server.url + (lang === 'ja' ? 'ja/' : '') + path, { waitUntil: 'networkidle' });
        if (name === 'team') {
          await page.setInputFiles('input[data-testid="import-files"]', teamFiles);
          await page.waitForSelector('table', { timeout: 10_000 }).catch(() => undefined);
        }
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${lang}-${name}-${vp}.png`, fullPage: true });
        await page.close();
        n++;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`wrote ${n} screenshots to ${out}/`);
