import { startStaticServer } from '../test/helpers/static-server.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
const server = await startStaticServer({ root: 'dist' });
const browser = await launchBrowser();
const shots: [string, string, string, number][] = [
  ['en', '', 'churn', 390], ['ja', 'ja/', '解約したい', 390], ['en', '', 'customer wants to cancel', 1280], ['ja', 'ja/', 'ナーチャリング', 1280],
];
for (const [lang, prefix, q, w] of shots) {
  const ctx = await browser.newContext({ viewport: { width: w, height: w === 390 ? 844 : 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + prefix);
  await page.fill('#site-search', q);
  await page.waitForSelector('#search-results .search-hit');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/s/shot-dropdown-${lang}-${w}.png` });
  await page.goto(`${server.url}${prefix}search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-search-page-results] .search-hit');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/s/shot-page-${lang}-${w}.png` });
  await ctx.close();
}
await browser.close();
await server.close();
