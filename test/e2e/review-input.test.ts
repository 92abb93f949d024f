/**
 * The review page (Japanese) with bad input and two members: every refused file says why in
 * Japanese and leaves what the browser keeps untouched; two members' reviews never mix; a kept review
 * that cannot be read is offered for download, never overwritten. Files are made with the portal's own
 * writer (src/lib) and then tampered with, as a person editing a file by hand would.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { startManagerReview } from '../../src/lib/review/records.ts';
import { sessionKey } from '../../src/lib/review/session.ts';
import type { Assessment } from '../../src/schemas/assessment.ts';
import { NO_PROBLEMS } from '../helpers/page-watch.ts';
import { openWatched, useSite } from '../helpers/site.ts';
import { axeSerious } from '../helpers/axe.ts';
import { storedEntries } from '../helpers/page-storage.ts';

const site = useSite();
const cs = clientData(checkContent(readContentFiles('.')).content, 'ja').frameworks.find((f) => f.id === 'cs-skills')!;
const dir = mkdtempSync(join(tmpdir(), 'banso-review-'));

function selfFile(name: string, levels: Record<string, number>): Assessment {
  const a = emptyAssessment(cs, { name }, 'self', { now: new Date('2026-11-20T10:00:00Z') });
  a.ratings = Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v }]));
  return a;
}
function write(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

async function openFile(page: Page, path: string) {
  const before = await page.locator('.notices .notice-box').count();
  await page.setInputFiles('[data-testid="review-open-file"]', path);
  await page.waitForFunction((n) => document.querySelectorAll('.notices .notice-box').length > n, before);
  return (await page.locator('.notices .notice-box').last().textContent()) ?? '';
}
const storageOf = async (page: Page) => JSON.stringify(await storedEntries(page, 'banso:review:'));

describe('review page input', () => {
  it('refuses bad files with Japanese messages, keeps two members apart and loses nothing', async () => {
    const { context, page, problems } = await openWatched(site, { viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}ja/review/`);
    await page.waitForSelector('[data-testid="manager-review"][data-ready="true"]');
    expect(await page.textContent('[data-testid="review-empty"]')).toContain('まだメンバーを開いていません');

    const hanako = selfFile('山田 花子', { 'customer-health': 3, 'risk-escalation': 4 });
    const ren = selfFile('渡辺 蓮', { 'customer-health': 1 });
    expect(await openFile(page, write('hanako.json', serialiseAssessment(hanako)))).toContain(
      '山田 花子さんのセルフアセスメントを開きました',
    );
    await page.click('fieldset[data-element="risk-escalation"] [data-testid="agree"]');
    expect(await page.isChecked('input[name="mgr-risk-escalation"][value="4"]')).toBe(true);

    // A second member: their own review, nothing of the first.
    expect(await openFile(page, write('ren.json', serialiseAssessment(ren)))).toContain(
      '渡辺 蓮さんのセルフアセスメントを開きました',
    );
    expect(await page.locator('input[name="mgr-risk-escalation"]:checked').count()).toBe(0);
    await page.check('input[name="mgr-customer-health"][value="2"]');
    await page.selectOption('[data-testid="review-member"]', { label: '山田 花子' });
    expect(await page.isChecked('input[name="mgr-risk-escalation"][value="4"]')).toBe(true);
    expect(await page.locator('input[name="mgr-customer-health"]:checked').count()).toBe(0);
    const kept = await storageOf(page);
    expect(Object.keys(JSON.parse(kept))).toEqual(
      expect.arrayContaining([sessionKey('cs-skills', '山田 花子'), sessionKey('cs-skills', '渡辺 蓮')]),
    );

    // Refused files: each says why, in Japanese, and nothing kept changes.
    const j = JSON.parse(serialiseAssessment(hanako));
    const cases: [string, string | object, RegExp][] = [
      ['not-json.json', '{"format":"banso-assessment",', /開けませんでした.*JSON/s],
      [
        'tampered-level.json',
        { ...j, ratings: { ...j.ratings, 'customer-health': { level: 9 } } },
        /尺度（1〜5）を超えるレベル.*customer-health \(9\)/s,
      ],
      [
        'tampered-element.json',
        { ...j, ratings: { ...j.ratings, 'mind-reading': { level: 2 } } },
        /このフレームワークにない要素.*mind-reading/s,
      ],
      ['old-version.json', { ...j, framework: { ...j.framework, version: '2025.1' } }, /バージョン2025\.1で作成/],
      [
        'other-framework.json',
        { ...j, framework: { ...j.framework, id: 'sales-skills' } },
        /フレームワーク「sales-skills」/,
      ],
      [
        'stranger-review.json',
        JSON.parse(
          serialiseAssessment(startManagerReview(selfFile('佐藤 愛子', {}), 'Ken', new Date('2026-11-21T00:00:00Z'))),
        ),
        /佐藤 愛子さんについてのマネージャーのレビュー.*まだ開いていません/s,
      ],
      [
        'ren-review-while-hanako.json',
        JSON.parse(serialiseAssessment(startManagerReview(ren, 'Ken', new Date('2026-11-21T00:00:00Z')))),
        /渡辺 蓮さんのもの.*山田 花子さん/s,
      ],
    ];
    for (const [name, content, message] of cases) {
      const text = await openFile(page, write(name, content));
      expect(text, name).toMatch(message);
      expect(text, name).toContain('保存済みのデータは変更していません');
      expect(await storageOf(page), name).toBe(kept);
    }
    expect(await page.isChecked('input[name="mgr-risk-escalation"][value="4"]')).toBe(true);

    expect(await axeSerious(page, '.manager-review')).toEqual([]);

    // A kept review that cannot be read: listed with a download, never overwritten by a new file.
    const key = sessionKey('cs-skills', '山田 花子');
    await page.evaluate((k) => localStorage.setItem(k, '{"format":"banso-review-session", broken'), key);
    await page.reload();
    await page.waitForSelector('[data-testid="manager-review"][data-ready="true"]');
    expect(await page.textContent('[data-testid="review-unreadable"]')).toContain('読み取れません');
    expect(await openFile(page, write('hanako-again.json', serialiseAssessment(hanako)))).toContain('保存していません');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe('{"format":"banso-review-session", broken');
    // Only the person's explicit choice replaces it, from the notice's own button.
    await page
      .locator('.notices .notice-box', { hasText: '保存していません' })
      .getByRole('button', { name: 'このメンバーの新しいレビューで置き換える' })
      .click();
    await page.waitForFunction((k) => !localStorage.getItem(k)?.includes('broken'), key);
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!).format).toBe('banso-review-session');
    await expect(page.locator('.notices .notice-box', { hasText: '保存していません' }).count()).resolves.toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  }, 180_000);
});
