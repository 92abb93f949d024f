/**
 * The whole review cycle in real Chromium, in two separate browser profiles (member and manager),
 * passing between them only the files the portal exports (captured as downloads, set on file inputs):
 * the member rates and exports (Japanese page) → the manager opens it in /review/, rates (keyboard
 * "A" and buttons), exports → the 1:1 is agreed, goals and the next review set, the agreed record,
 * the agenda and the .ics exported → the member imports the agreed record into their history → the
 * team review imports the three files and shows calibration and agreed levels. No fixture files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { NO_PROBLEMS, watchPage } from '../helpers/page-watch.ts';
import { drawnPixelsOf } from '../helpers/canvas.ts';
import { useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';

const site = useSite();

async function download(
  page: Page,
  click: () => Promise<unknown>,
): Promise<{ name: string; path: string; text: string }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
  const path = (await d.path())!;
  return { name: d.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

const MEMBER: [string, number, string?][] = [
  ['customer-health', 3, '健全性スコアを毎週見直し、赤の顧客3社で回復プランを実行しました。'],
  ['risk-escalation', 4, 'Escalated <b>two</b> renewals early; both renewed.'],
  ['stakeholder-alignment', 2],
  ['renewal-management', 3],
  ['onboarding-time-to-value', 2],
];

describe('review cycle', () => {
  it('runs self → manager → 1:1 → agreed record → history and team review with only exported files', async () => {
    const origin = new URL(site.server.url).origin;
    const memberCtx: BrowserContext = await site.browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const managerCtx: BrowserContext = await site.browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const member = await memberCtx.newPage();
    const manager = await managerCtx.newPage();
    const memberProblems = watchPage(member, origin);
    const managerProblems = watchPage(manager, origin);

    // 1. The member rates themselves on the Japanese page and exports the file.
    await member.goto(`${site.server.url}ja/assess/`);
    await member.waitForSelector('.assess[data-ready="true"]');
    await member.fill('input[autocomplete="name"]', '山田 花子');
    await member.selectOption('select[data-testid="target-role"]', 'senior-csm');
    for (const [el, level, evidence] of MEMBER) {
      await member.check(`fieldset[data-element="${el}"] input[value="${level}"]`);
      if (evidence) await member.fill(`fieldset[data-element="${el}"] textarea`, evidence);
    }
    const selfFile = await download(member, () => member.click('button:has-text("ファイルに書き出す")'));
    expect(selfFile.name).toMatch(/^banso-assessment-山田-花子-cs-skills-\d{4}-\d{2}-\d{2}\.json$/);
    const selfJson = JSON.parse(selfFile.text);
    expect(selfJson.kind).toBe('self');

    // 2. The manager, in another profile, opens the file in /review/ and rates.
    await manager.goto(`${site.server.url}review/`);
    await manager.waitForSelector('[data-testid="manager-review"][data-ready="true"]');
    expect(await manager.locator('nav a[href$="/review/"]').first().getAttribute('aria-current')).toBe('page');
    await manager.fill('[data-testid="review-assessor"]', 'Ken Sato');
    await manager.setInputFiles('[data-testid="review-open-file"]', selfFile.path);
    await manager.waitForSelector('[data-testid="review-summary"]');
    expect(await manager.textContent('[data-testid="review-summary"]')).toContain('山田 花子');
    // Member's level and evidence shown as text, with the descriptors.
    const risk = manager.locator('fieldset[data-element="risk-escalation"]');
    expect(await risk.locator('[data-testid="member-level"]').textContent()).toMatch(/Member: 4 ·/);
    expect(await risk.locator('blockquote').textContent()).toBe('Escalated <b>two</b> renewals early; both renewed.');
    expect(await manager.locator('main b').count()).toBe(0);
    expect(await risk.locator('.descriptor').count()).toBeGreaterThan(0);
    // "A" on the keyboard takes the member's level.
    await manager.focus('fieldset[data-element="customer-health"] input[value="1"]');
    await manager.keyboard.press('a');
    expect(
      await manager.isChecked('fieldset[data-element="customer-health"] input[name="mgr-customer-health"][value="3"]'),
    ).toBe(true);
    // The Agree button does the same.
    await manager.click('fieldset[data-element="renewal-management"] [data-testid="agree"]');
    expect(await manager.isChecked('input[name="mgr-renewal-management"][value="3"]')).toBe(true);
    // Disagreements, with a comment.
    await manager.check('input[name="mgr-risk-escalation"][value="2"]');
    await manager.fill(
      'fieldset[data-element="risk-escalation"] [data-testid="manager-comment"]',
      'Both escalations came late in the quarter.',
    );
    await manager.check('input[name="mgr-stakeholder-alignment"][value="3"]');
    await manager.check('input[name="mgr-expansion-management"][value="2"]');
    expect(await axeSerious(manager, '.manager-review')).toEqual([]);

    const managerFile = await download(manager, () => manager.click('[data-testid="review-export"]'));
    expect(managerFile.name).toMatch(/^banso-review-山田-花子-cs-skills-\d{4}-\d{2}-\d{2}\.json$/);
    const managerJson = JSON.parse(managerFile.text);
    expect(managerJson).toMatchObject({
      kind: 'manager',
      assessor: 'Ken Sato',
      person: { name: '山田 花子' },
      reviewOf: { kind: 'self', name: '山田 花子', updatedAt: selfJson.updatedAt },
    });
    expect(managerJson.reviewOf.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(managerJson.ratings['risk-escalation']).toEqual({
      level: 2,
      evidence: 'Both escalations came late in the quarter.',
    });
    expect(managerJson.ratings['customer-health']).toEqual({ level: 3 });

    // 3. The 1:1: radar drawn, the >1-level difference first with both notes quoted.
    await manager.click('[data-testid="view-one"]');
    await manager.waitForSelector('[data-testid="one-on-one"] canvas');
    expect(await drawnPixelsOf(manager, '[data-testid="one-on-one"] canvas')).toBeGreaterThan(1000);
    const series = JSON.parse((await manager.getAttribute('[data-testid="one-on-one"] figure.radar', 'data-series'))!);
    expect(series.map((s: { label: string }) => s.label)).toEqual([
      'Manager',
      'Self',
      expect.stringMatching(/^Target: /),
    ]);
    expect(
      await manager.$$eval('[data-testid="discuss"] > li', (lis) => lis.map((li) => li.getAttribute('data-element'))),
    ).toEqual(['risk-escalation']);
    const quotes = await manager.$$eval('[data-testid="discuss"] blockquote', (qs) => qs.map((q) => q.textContent));
    expect(quotes).toEqual([
      'Escalated <b>two</b> renewals early; both renewed.',
      'Both escalations came late in the quarter.',
    ]);
    expect(await manager.textContent('[data-testid="review-links"]')).toContain(
      'The review was made from this self-assessment.',
    );
    // Agreed levels: the equal ones in one click, the rest by hand.
    await manager.click('[data-testid="fill-same"]');
    expect(await manager.inputValue('[data-testid="agreed-customer-health"]')).toBe('3');
    await manager.selectOption('[data-testid="agreed-risk-escalation"]', '3');
    await manager.selectOption('[data-testid="agreed-stakeholder-alignment"]', '2');
    // Goals and the next review.
    await manager.selectOption('[data-testid="goal-risk-escalation"]', '4');
    await manager.fill('[data-testid="due-risk-escalation"]', '2027-03-31');
    expect(await manager.locator('li[data-element="risk-escalation"] .trains a').count()).toBeGreaterThan(0);
    await manager.fill('[data-testid="next-review"]', '2027-04-15');
    expect(await axeSerious(manager, '.manager-review')).toEqual([]);

    const ics = await download(manager, () => manager.click('[data-testid="export-ics"]'));
    expect(ics.name).toMatch(/\.ics$/);
    const vevent = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('dtstart')!.toString()).toBe('2027-04-15');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Skill review: 山田 花子');
    expect(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

    const agenda = await download(manager, () => manager.click('[data-testid="export-one-md"]'));
    expect(agenda.text).toMatch(/^# 1:1 agenda: 山田 花子$/m);
    expect(agenda.text).toMatch(
      /^### 1\. .+\n\n- \*\*Self:\*\* Level 4\n- \*\*Manager:\*\* Level 2\n- Difference -2\n/m,
    );
    expect(agenda.text).toContain('> Escalated \\<b\\>two\\</b\\> renewals early; both renewed.');
    expect(agenda.text).toMatch(/Level 4 by 2027-03-31/);

    const agreedFile = await download(manager, () => manager.click('[data-testid="save-agreed"]'));
    expect(agreedFile.name).toMatch(/^banso-agreed-山田-花子-cs-skills-\d{4}-\d{2}-\d{2}\.json$/);
    const agreedJson = JSON.parse(agreedFile.text);
    expect(agreedJson.kind).toBe('agreed');
    expect(agreedJson.agreement.by).toEqual(['山田 花子', 'Ken Sato']);
    expect(agreedJson.agreement.self.hash).toBe(managerJson.reviewOf.hash);
    expect(agreedJson.agreement.manager.updatedAt).toBe(managerJson.updatedAt);
    expect(agreedJson.agreement.goals).toEqual({ 'risk-escalation': { level: 4, due: '2027-03-31' } });
    expect(agreedJson.agreement.nextReview).toBe('2027-04-15');
    expect(agreedJson.ratings).toEqual({
      'customer-health': { level: 3 },
      'renewal-management': { level: 3 },
      'risk-escalation': { level: 3 },
      'stakeholder-alignment': { level: 2 },
    });
    await manager.waitForSelector('[data-testid="agreed-records"]');

    // 4. The member imports the agreed record: their history shows it distinctly, their own ratings stay.
    await member.setInputFiles('input[data-testid="import-file"]', agreedFile.path);
    await member.waitForSelector('[data-testid="history"] li[data-agreed="true"]');
    expect(await member.textContent('[data-testid="history"] li[data-agreed="true"]')).toContain('合意');
    expect(await member.isChecked('fieldset[data-element="risk-escalation"] input[value="4"]')).toBe(true);
    const memberSeries = JSON.parse((await member.getAttribute('.assess figure.radar', 'data-series'))!);
    expect(memberSeries.at(-1).label).toMatch(/^合意（\d{4}-\d{2}-\d{2}）$/);
    expect(memberSeries.at(-1).values[fwIndex('risk-escalation')]).toBe(3);
    // The manager's review file is not for this page: refused with the reason, nothing changed.
    await member.setInputFiles('input[data-testid="import-file"]', managerFile.path);
    await member.waitForSelector('.notice-box.error:has-text("マネージャーのレビュー")');
    expect(await member.isChecked('fieldset[data-element="risk-escalation"] input[value="4"]')).toBe(true);

    // 5. The team review imports the three exported files.
    await manager.goto(`${site.server.url}team/`);
    await manager.waitForSelector('[data-testid="team-review"][data-ready="true"]');
    await manager.setInputFiles('input[data-testid="import-files"]', [
      selfFile.path,
      managerFile.path,
      agreedFile.path,
    ]);
    await manager.waitForSelector('[data-testid="heatmap"]');
    expect(
      await manager.$$eval('[data-testid="import-report"] tbody tr', (rs) =>
        rs.map((r) => r.getAttribute('data-status')),
      ),
    ).toEqual(['ok', 'ok', 'ok']);
    const row = manager.locator('[data-testid="heatmap"] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.badge').first().textContent()).toBe('Agreed');
    expect(await manager.textContent('[data-testid="shows-kinds"]')).toContain(
      '1 agreed in a 1:1, 0 manager’s, 0 self-assessments',
    );
    const cellOf = async (el: string) =>
      (await manager.locator(`[data-testid="heatmap"] tbody tr td.heat`).nth(fwIndex(el)).textContent())?.trim();
    expect(await cellOf('risk-escalation')).toMatch(/^3/);
    for (const [source, kind, level] of [
      ['self', 'Self', /^4/],
      ['manager', 'Manager', /^2/],
      ['agreed', 'Agreed', /^3/],
    ] as const) {
      await manager.selectOption('[data-testid="rating-source"]', source);
      expect(await row.locator('.badge').first().textContent()).toBe(kind);
      expect(await cellOf('risk-escalation')).toMatch(level);
    }
    // Calibration from the manager file the review page made.
    expect(
      await manager.$$eval('[data-testid="agenda"] > li', (lis) => lis.map((li) => li.getAttribute('data-element'))),
    ).toEqual(['risk-escalation']);
    // Growth over time shows the agreed levels distinctly.
    await manager.locator('[data-testid="growth"] label', { hasText: 'Agreed' }).click();
    expect(await manager.locator('[data-testid="growth-table"] tr[data-agreed="true"]').count()).toBe(1);
    expect(await manager.textContent('[data-testid="growth-table"] tr[data-agreed="true"]')).toContain(
      'Agreed by 山田 花子, Ken Sato',
    );

    expect(memberProblems).toEqual(NO_PROBLEMS);
    expect(managerProblems).toEqual(NO_PROBLEMS);
    await memberCtx.close();
    await managerCtx.close();
  }, 240_000);
});

const ELEMENTS = [
  'customer-360-view',
  'lifecycle-management',
  'experience-management',
  'customer-health',
  'onboarding-time-to-value',
  'adoption-management',
  'stakeholder-alignment',
  'risk-escalation',
  'renewal-management',
  'expansion-management',
  'advocate-engagement',
  'voice-of-customer',
  'customer-centric-culture',
  'cs-operations-scale',
];
function fwIndex(id: string): number {
  const i = ELEMENTS.indexOf(id);
  if (i < 0) throw new Error(id);
  return i;
}
