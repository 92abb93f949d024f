/**
 * Self-assessment continuity in real Chromium: view choices remembered across reloads (target role shown,
 * radar or bars; bars by default on a phone, a radar below the screen drawn when it comes near), a
 * second snapshot on the same day asks before replacing the first, switching framework keeps name and roles, every export says what happened, and on a wide
 * screen the summary stays in view while rating.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { useSite } from '../helpers/site.ts';

const site = useSite();

async function openAssess(page: Page, path = 'assess/') {
  await page.goto(site.server.url + path);
  await page.waitForSelector('.assess[data-ready="true"]');
}
const snapshots = (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('banso:assessment:cs-skills') ?? '{"snapshots":[]}') as {
          snapshots: { date: string; ratings: Record<string, number> }[];
        }
      ).snapshots,
  );

describe('self-assessment continuity', () => {
  it('remembers "show the target role" and the bars view across reloads', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openAssess(page);
    expect(await page.isChecked('[data-testid="reveal"]')).toBe(false);
    expect(await page.isVisible('canvas[data-testid="radar-canvas"]')).toBe(true);
    await page.selectOption('[data-testid="target-role"]', 'csm');
    await page.check('[data-testid="reveal"]');
    await page.click('[data-testid="view-bars"]');
    expect(await page.isVisible('[data-testid="level-bars"]')).toBe(true);
    await page.reload();
    await page.waitForSelector('.assess[data-ready="true"]');
    await page.waitForSelector('[data-testid="level-bars"]');
    expect(await page.isChecked('[data-testid="reveal"]')).toBe(true);
    expect(await page.getAttribute('[data-testid="view-bars"]', 'aria-pressed')).toBe('true');
    // The bars show now and the target role's level for each element, and readiness is in the summary.
    expect(await page.locator('[data-testid="level-bars"] li').first().innerText()).toMatch(
      /Now[\s\S]*Customer Success Manager/,
    );
    expect(await page.textContent('[data-testid="side-readiness"]')).toMatch(
      /ready for Customer Success Manager.*: 0 %/,
    );
    // Back to the radar: it draws.
    await page.click('[data-testid="view-radar"]');
    await page.waitForSelector('canvas[data-testid="radar-canvas"][data-labels-fit]');
    expect(await drawnPixelsOf(page, 'canvas[data-testid="radar-canvas"]')).toBeGreaterThan(1000);
    await page.reload();
    await page.waitForSelector('canvas[data-testid="radar-canvas"]');
    expect(await page.getAttribute('[data-testid="view-radar"]', 'aria-pressed')).toBe('true');
    await context.close();
  });

  it('shows bars by default on a phone, and keeps the summary in view while rating on a laptop', async () => {
    const phone = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await openAssess(p, 'ja/assess/');
    await p.waitForSelector('[data-testid="level-bars"]');
    expect(await p.isVisible('canvas[data-testid="radar-canvas"]')).toBe(false);
    await phone.close();

    const laptop = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await laptop.newPage();
    await openAssess(page);
    await page.check('fieldset[data-element="risk-escalation"] input[value="3"]');
    const summary = page.locator('.assess-side');
    const box = await summary.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    expect(await page.textContent('[data-testid="rated-count"]')).toBe('1 of 14 rated');
    // Jump links lead to each element.
    await page.click('.jump a[href="#el-voice-of-customer"]');
    expect(await page.evaluate(() => location.hash)).toBe('#el-voice-of-customer');
    await laptop.close();
  });

  it('on a phone, draws a chosen radar only when it comes near the screen (it sits below the form)', async () => {
    const phone = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${site.server.url}ja/assess/`);
    await p.evaluate(() => localStorage.setItem('banso:prefs', '{"view":"radar"}'));
    await openAssess(p, 'ja/assess/');
    const radar = 'canvas[data-testid="radar-canvas"]';
    await p.waitForSelector(radar);
    await p.waitForTimeout(500);
    expect(await drawnPixelsOf(p, radar)).toBe(0);
    expect(await p.getAttribute(radar, 'data-labels-fit')).toBeNull();
    await p.locator(radar).scrollIntoViewIfNeeded();
    await p.waitForSelector(`${radar}[data-labels-fit]`);
    expect(await drawnPixelsOf(p, radar)).toBeGreaterThan(1000);
    await phone.close();
  });

  it('asks before replacing a snapshot saved earlier the same day; cancel keeps the first', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openAssess(page);
    await page.click('#el-customer-health input[value="2"]');
    await page.click('[data-testid="snapshot"]');
    await page.waitForSelector('.notice-box.info:has-text("Snapshot saved")');
    expect((await snapshots(page)).map((s) => s.ratings)).toEqual([{ 'customer-health': 2 }]);

    await page.click('#el-customer-health input[value="3"]');
    await page.click('[data-testid="snapshot"]');
    await page.waitForSelector('text=You already saved a snapshot today');
    await page.click('.confirm button:has-text("Cancel")');
    expect((await snapshots(page)).map((s) => s.ratings)).toEqual([{ 'customer-health': 2 }]);

    await page.click('[data-testid="snapshot"]');
    await page.click('[data-testid="snapshot-replace"]');
    await page.waitForFunction(() =>
      localStorage.getItem('banso:assessment:cs-skills')?.includes('"customer-health":3'),
    );
    expect((await snapshots(page)).map((s) => s.ratings)).toEqual([{ 'customer-health': 3 }]);
    await context.close();
  });

  it('keeps name and roles when switching framework, and says where an export went', async () => {
    const context = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openAssess(page, 'ja/assess/');
    await page.fill('input[autocomplete="name"]', '山田 花子');
    await page.selectOption('.form-grid label:nth-child(3) select', 'associate-csm');
    await page.selectOption('[data-testid="target-role"]', 'csm');
    await page.selectOption('.form-grid label:first-child select', 'product-domain');
    await page.waitForSelector('.assess[data-ready="true"]');
    expect(await page.inputValue('input[autocomplete="name"]')).toBe('山田 花子');
    expect(await page.inputValue('[data-testid="target-role"]')).toBe('csm');
    expect(await page.inputValue('.form-grid label:nth-child(3) select')).toBe('associate-csm');
    // On paper, the person's name, roles and evidence are printed as text (the controls are hidden).
    await page.check('fieldset[data-element="labour-law"] input[value="2"]');
    await page.fill('fieldset[data-element="labour-law"] textarea', '就業規則の質問に回答');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-testid="print-person"]')).toBe(true);
    expect(await page.textContent('[data-testid="print-person"]')).toMatch(/山田 花子.*アソシエイト.*→.*/);
    expect(await page.locator('fieldset[data-element="labour-law"] .print-only').innerText()).toContain(
      '就業規則の質問に回答',
    );
    expect(await page.isVisible('fieldset[data-element="labour-law"] textarea')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download');
    await page.click('button:has-text("ファイルに書き出す")');
    const file = (await download).suggestedFilename();
    await page.waitForSelector(`.notice-box.info:has-text("${file}")`);
    expect(await page.textContent('.notices')).toContain('ダウンロードフォルダに書き出しました');
    await context.close();
  });

  it('the growth plan takes 2–3 focus elements with actions and dates, kept across reloads and printed', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openAssess(page);
    await page.selectOption('[data-testid="target-role"]', 'csm');
    await page.waitForSelector('[data-testid="focus-summary"]');
    const picks = page.locator('.focus-edit input[type="checkbox"]');
    expect(await picks.count()).toBeGreaterThan(3);
    for (let i = 0; i < 3; i++) await picks.nth(i).check();
    expect(await picks.nth(3).isDisabled()).toBe(true);
    const first = page.locator('.focus-edit').first();
    const element = await first.getAttribute('data-focus');
    await first.locator('textarea').fill('Lead the next two kickoffs');
    await first.locator('input[type="date"]').fill('2027-01-31');
    await page.waitForSelector('text=Plan saved in this browser.');
    await page.reload();
    await page.waitForSelector('[data-testid="focus-summary"] li');
    expect(await page.locator('[data-testid="focus-summary"] li').count()).toBe(3);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('[data-testid="focus-summary"]').innerText();
    expect(printed).toContain('Lead the next two kickoffs');
    expect(printed).toContain('2027-01-31');
    expect(await page.isVisible('.focus-edit')).toBe(false);
    expect(await page.textContent('[data-testid="print-person"]')).toContain('Customer Success Manager');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('banso:plan:cs-skills')))!).focus[0]).toEqual({
      element,
      action: 'Lead the next two kickoffs',
      date: '2027-01-31',
    });
    await context.close();
  });
});
