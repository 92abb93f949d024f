/**
 * "Take my progress with me" in real Chromium: a person's assessments, snapshots, onboarding progress,
 * playbook-map position and view choices exported by the portal in one profile and imported into a fresh
 * profile (the portal's own file, no hand-made fixture); a damaged copy of that file changes nothing.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { storedEntries } from '../helpers/page-storage.ts';

const site = useSite();
/** Everything the portal keeps in the browser. */
const keep = (page: Page) => storedEntries(page, 'banso:');

describe('progress file', () => {
  it('round-trips everything into a fresh profile, and a damaged file changes nothing', async () => {
    // Phone: rate two frameworks with a snapshot, start onboarding, mark the map, choose bars.
    const phone = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${site.server.url}ja/assess/`);
    await p.waitForSelector('.assess[data-ready="true"]');
    await p.fill('input[autocomplete="name"]', '新井 さくら');
    await p.check('fieldset[data-element="customer-health"] input[value="2"]');
    await p.fill('fieldset[data-element="customer-health"] textarea', '週次でヘルススコアを確認');
    await p.click('[data-testid="snapshot"]');
    await p.click('[data-testid="view-radar"]');
    await p.selectOption('.form-grid label:first-child select', 'product-domain');
    await p.waitForSelector('.assess[data-ready="true"]');
    await p.check('fieldset[data-element="labour-law"] input[value="1"]');
    await p.goto(`${site.server.url}ja/onboarding/new-csm/`);
    await p.fill('#start-date', '2026-11-30');
    await p.dispatchEvent('#start-date', 'change');
    await p.check('#chk-get-tool-access');
    await p.goto(`${site.server.url}ja/plane/`);
    await p.click('button[data-cell="onboarding/process"]');
    const before = await keep(p);
    expect(Object.keys(before).sort()).toEqual([
      'banso:assessment:cs-skills',
      'banso:assessment:product-domain',
      'banso:onboarding:new-csm',
      'banso:plane-position',
      'banso:prefs',
    ]);

    await p.goto(`${site.server.url}ja/progress/`);
    const download = p.waitForEvent('download');
    await p.click('[data-pf-export]');
    const d = await download;
    const dir = mkdtempSync(join(tmpdir(), 'banso-progress-'));
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    expect(await p.textContent('[data-pf-result]')).toContain('アセスメント2件、オンボーディング1件');
    await phone.close();

    // Laptop, fresh profile: a damaged copy first (cut in half), then the real file.
    const laptop = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const l = await laptop.newPage();
    await l.goto(`${site.server.url}onboarding/new-csm/`);
    await l.check('#chk-read-churn');
    const held = await keep(l);
    await l.goto(`${site.server.url}progress/`);
    const text = readFileSync(path, 'utf8');
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    await l.setInputFiles('[data-pf-import]', cut);
    await l.waitForSelector('[data-pf-result].error');
    expect(await l.textContent('[data-pf-result]')).toContain('Nothing was changed');
    expect(await keep(l)).toEqual(held);
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, text.replace('"level": 2', '"level": 99').replace('"2026-11-30"', '"2026-11-31"'));
    await l.setInputFiles('[data-pf-import]', tampered);
    await l.waitForFunction(() => document.querySelector('[data-pf-result]')?.textContent?.includes('start'));
    expect(await keep(l)).toEqual(held);

    await l.setInputFiles('[data-pf-import]', path);
    await l.waitForSelector('[data-pf-result]:not(.error) >> text=Imported');
    const after = await keep(l);
    expect(after['banso:assessment:cs-skills']).toBe(before['banso:assessment:cs-skills']);
    expect(after['banso:assessment:product-domain']).toBe(before['banso:assessment:product-domain']);
    expect(after['banso:plane-position']).toBe(before['banso:plane-position']);
    expect(after['banso:prefs']).toBe(before['banso:prefs']);
    // Onboarding: the laptop's own tick is kept beside the phone's.
    expect(JSON.parse(after['banso:onboarding:new-csm']!)).toEqual({
      format: 1,
      done: ['get-tool-access', 'read-churn'],
      start: '2026-11-30',
    });

    // The pages read it: ratings, evidence, snapshot and name on the self-assessment; radar view remembered.
    await l.goto(`${site.server.url}assess/`);
    await l.waitForSelector('.assess[data-ready="true"]');
    expect(await l.inputValue('input[autocomplete="name"]')).toBe('新井 さくら');
    expect(await l.isChecked('fieldset[data-element="customer-health"] input[value="2"]')).toBe(true);
    expect(await l.inputValue('fieldset[data-element="customer-health"] textarea')).toBe('週次でヘルススコアを確認');
    expect(await l.getAttribute('[data-testid="view-radar"]', 'aria-pressed')).toBe('true');
    expect(await l.locator('.history li').count()).toBe(1);
    await l.goto(`${site.server.url}plane/`);
    expect(await l.getAttribute('button[data-cell="onboarding/process"]', 'aria-pressed')).toBe('true');
    await l.goto(site.server.url);
    await l.waitForSelector('[data-now]:not([hidden])');
    expect(await l.textContent('[data-now-done]')).toMatch(/^2 of \d+ done$/);
    await laptop.close();
  });
});
