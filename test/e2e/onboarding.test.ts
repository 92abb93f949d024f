/**
 * The time-aware onboarding track in real Chromium: a start date opens the current phase and lists this
 * week's items first; the home page and /onboarding/ then show the day, progress and the next items.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';

const site = useSite();

/** A calendar date `days` before today in the browser's zone (the test and Chromium share the clock). */
async function daysAgo(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() - n);
    const p = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, days);
}
const openPhases = (page: Page) =>
  page.$$eval('details[data-section]', (ds) =>
    ds.filter((d) => (d as HTMLDetailsElement).open).map((d) => (d as HTMLElement).dataset.section),
  );

describe('time-aware onboarding track', () => {
  it('without a start date shows the first week open and no "this week" list; the home page points to the track', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}onboarding/new-csm/`);
    expect(await openPhases(page)).toEqual(['first-week']);
    expect(await page.isVisible('[data-this-week]')).toBe(false);
    // Each item's title is shown once, as the link (no "→ title" repeat).
    const row = page.locator('#item-read-churn');
    expect(await row.locator('a').count()).toBe(1);
    expect(await row.innerText()).not.toContain('→');
    await page.goto(site.server.url);
    expect(await page.isVisible('[data-now-empty]')).toBe(true);
    expect(await page.isVisible('[data-now]')).toBe(false);
    await context.close();
  });

  it('a start date 20 days ago opens Day 30 with this week first, is kept across reloads and shows on the home page (ja)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}ja/onboarding/new-csm/`);
    const start = await daysAgo(page, 19); // day 20
    await page.fill('#start-date', start);
    await page.dispatchEvent('#start-date', 'change');
    expect(await openPhases(page)).toEqual(['day-30']);
    expect(await page.textContent('[data-day-line]')).toContain('90日中20日目：30日目');
    // Nothing is ticked: overdue first-week items and the day-30 items due by day 26 are this week's.
    const week = await page.$$eval('[data-list="week"] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(week[0]).toBe('#item-get-tool-access');
    expect(week).toContain('#item-read-kickoff-playbook');
    expect(week).not.toContain('#item-lead-kickoff');
    // This week's link opens the (closed) first-week phase at the item; ticking it takes it off the list.
    await page.click('[data-list="week"] a[href="#item-get-tool-access"]');
    expect(await openPhases(page)).toEqual(['first-week', 'day-30']);
    await page.check('#chk-get-tool-access');
    expect(await page.$$eval('[data-list="week"] a', (as) => as.map((a) => a.getAttribute('href')))).not.toContain(
      '#item-get-tool-access',
    );
    expect(await page.textContent('[data-progress="overall"]')).toMatch(/^1 \/ \d+$/);

    await page.reload();
    expect(await page.inputValue('#start-date')).toBe(start);
    expect(await openPhases(page)).toEqual(['day-30']);
    expect(await page.isChecked('#chk-get-tool-access')).toBe(true);

    for (const path of ['ja/', 'ja/onboarding/']) {
      await page.goto(site.server.url + path);
      await page.waitForSelector('[data-now]:not([hidden])');
      expect(await page.textContent('[data-now-day]')).toContain('20日目');
      expect(await page.textContent('[data-now-done]')).toMatch(/件中1件完了/);
      const links = await page.$$eval('[data-now-list] a', (as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      expect(links[0]).toMatch(
        /\/ja\/onboarding\/new-csm\/#item-read-customer-lifecycle$|#item-meet-manager-and-buddy$/,
      );
      expect(await page.isVisible('[data-now-empty]')).toBe(false);
    }
    await context.close();
  });

  // "Today" in the browser is the visitor's local calendar date (not the build date, not UTC). The clock is
  // fixed at an instant where the local date (2026-11-24, a Tuesday) differs from the UTC one, so the test
  // gives the same result on any day and catches a schedule read in UTC.
  const cases = [
    {
      lang: 'en',
      prefix: '',
      zone: 'America/Los_Angeles',
      now: '2026-11-25T06:00:00Z',
      start: '2026-11-19',
      day: 6,
      phase: 'first-week',
      dayLine: 'Day 6 of 90: First week',
      done: '2 of 52 done',
      term: 'Term: Customer success',
    },
    {
      lang: 'ja',
      prefix: 'ja/',
      zone: 'Asia/Tokyo',
      now: '2026-11-23T15:30:00Z',
      start: '2026-11-17',
      day: 8,
      phase: 'day-30',
      dayLine: '90日中8日目：30日目',
      done: '52件中2件完了',
      term: '用語：カスタマーサクセス',
    },
  ] as const;
  for (const c of cases) {
    it(`a start date last week (${c.start}, day ${c.day}) opens the current phase only, lists this week first and shows on home and /onboarding/ (${c.lang})`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: c.zone });
      await context.clock.setFixedTime(new Date(c.now));
      const page = await context.newPage();
      await page.goto(`${site.server.url + c.prefix}onboarding/new-csm/`);
      expect(await page.evaluate(() => new Date().toLocaleDateString('sv'))).toBe('2026-11-24');
      await page.fill('#start-date', c.start);
      await page.dispatchEvent('#start-date', 'change');

      // Only the current phase is open; the others are collapsed.
      expect(await openPhases(page)).toEqual([c.phase]);
      expect(await page.getAttribute(`details[data-section="${c.phase}"]`, 'class')).toContain('current');
      expect(await page.textContent('[data-day-line]')).toContain(c.dayLine);

      // "This week" comes before the phases, in track order, starting with the first item not done;
      // it holds every first-week item (all due by day 7), nothing from day 60 on, and the same items are marked in the list.
      const order = await page.$$eval('[data-this-week], details[data-section]', (els) =>
        els.map((e) => (e as HTMLElement).dataset.section ?? 'week'),
      );
      expect(order[0]).toBe('week');
      expect(await page.isVisible('[data-this-week]')).toBe(true);
      const week = await page.$$eval('[data-list="week"] a', (as) =>
        as.map((a) => a.getAttribute('href')!.slice('#item-'.length)),
      );
      const all = await page.$$eval('input[data-item]', (is) =>
        is.map((i) => ({
          id: (i as HTMLInputElement).dataset.item!,
          section: (i as HTMLInputElement).dataset.section!,
        })),
      );
      const ids = all.map((x) => x.id);
      expect(week[0]).toBe(all[0].id);
      expect(week.map((id) => ids.indexOf(id))).toEqual([...week.map((id) => ids.indexOf(id))].sort((a, b) => a - b));
      expect(week).toEqual(expect.arrayContaining(all.filter((x) => x.section === 'first-week').map((x) => x.id)));
      expect(week.some((id) => all.find((x) => x.id === id)!.section === 'day-30')).toBe(true);
      expect(week.some((id) => ['day-60', 'day-90'].includes(all.find((x) => x.id === id)!.section))).toBe(false);
      expect((await page.$$eval('li.week', (lis) => lis.map((li) => li.id.slice('item-'.length)))).sort()).toEqual(
        [...week].sort(),
      );
      expect(await page.locator('[data-list="next"] a').count()).toBe(3);

      // Two items done: they leave "this week"; progress counts them.
      await page.click(`[data-list="week"] a[href="#item-${week[0]}"]`);
      await page.check(`#chk-${week[0]}`);
      await page.check(`#chk-${week[1]}`);
      const after = await page.$$eval('[data-list="week"] a', (as) =>
        as.map((a) => a.getAttribute('href')!.slice('#item-'.length)),
      );
      expect(after).toEqual(week.slice(2));
      expect(await page.textContent('[data-progress="overall"]')).toBe('2 / 52');

      // The home page and /onboarding/ show the day, progress and the next items, linking into the track.
      for (const path of [c.prefix, `${c.prefix}onboarding/`]) {
        await page.goto(site.server.url + path);
        await page.waitForSelector('[data-now]:not([hidden])');
        expect(await page.isVisible('[data-now-empty]')).toBe(false);
        expect(await page.textContent('[data-now-day]')).toBe(c.dayLine);
        expect(await page.textContent('[data-now-done]')).toBe(c.done);
        expect(await page.getAttribute('[data-now-bar]', 'value')).toBe('2');
        const links = await page.$$eval('[data-now-list] a', (as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash),
        );
        expect(links).toEqual(after.slice(0, 4).map((id) => `/${c.prefix}onboarding/new-csm/#item-${id}`));
        // An item named after a glossary term says it is a term.
        expect(await page.textContent(`[data-now-list] a[href$="#item-read-cs-definition"]`)).toBe(c.term);
      }
      await context.close();
    });
  }

  it('clearing the start date goes back to the undated track', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}onboarding/new-csm/`);
    await page.fill('#start-date', await daysAgo(page, 70));
    await page.dispatchEvent('#start-date', 'change');
    expect(await openPhases(page)).toEqual(['day-90']);
    expect(await page.textContent('[data-day-line]')).toContain('Day 71 of 90');
    await page.click('[data-start-clear]');
    expect(await page.inputValue('#start-date')).toBe('');
    expect(await page.isVisible('[data-this-week]')).toBe(false);
    expect(
      await page.evaluate(() => JSON.parse(localStorage.getItem('banso:onboarding:new-csm')!).start),
    ).toBeUndefined();
    await context.close();
  });
});
