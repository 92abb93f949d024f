// @vitest-environment happy-dom
/**
 * The team review island: importing the fixture folder reports every file, fills the heatmap,
 * coverage and calibration; sorting and the role filter work; names stay text; the team survives a
 * remount (reload) and "Forget this team" clears it after a confirmation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import TeamReview from '../../src/islands/TeamReview.tsx';
import { GROWTH_ROWS_SHOWN } from '../../src/islands/team/GrowthView.tsx';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { dictionary } from '../../src/i18n/index.ts';
import { TEAM_STORAGE_KEY } from '../../src/lib/team/storage.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { assessmentFile } from '../helpers/assessment-file.ts';

const content = checkContent(readContentFiles('.')).content;
const data = clientData(content, 'en');
const dict = dictionary('en');
const DIR = 'test/fixtures/team/';
const fixtureFiles = () =>
  readdirSync(DIR)
    .sort()
    .map((n) => new File([readFileSync(DIR + n)], n, { type: 'application/json' }));

async function mount() {
  const view = render(<TeamReview data={data} dict={dict} />);
  await waitFor(() =>
    expect(view.container.querySelector('[data-testid="team-review"]')!.getAttribute('data-ready')).toBe('true'),
  );
  return view;
}
async function importFixtures(container: HTMLElement) {
  const input = container.querySelector('input[data-testid="import-files"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: fixtureFiles() } });
  // The first import loads the file-reading code (the worker's, run on the page here): give it time under load.
  await waitFor(() => expect(container.querySelector('[data-testid="import-report"]')).not.toBeNull(), {
    timeout: 10_000,
  });
}
const heatRows = (c: HTMLElement) => [...c.querySelectorAll('[data-testid="heatmap"] tbody tr')];
const rowNames = (c: HTMLElement) => heatRows(c).map((r) => r.querySelector('.member-name')!.textContent);

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('TeamReview', () => {
  it('starts empty and says how to begin', async () => {
    const { container } = await mount();
    expect(container.querySelector('[data-testid="team-empty"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="heatmap"]')).toBeNull();
  });

  it('imports a folder: reports every file with its result, and fills the heatmap', async () => {
    const { container } = await mount();
    await importFixtures(container);
    const report = container.querySelector('[data-testid="import-report"]') as HTMLElement;
    const rows = [...report.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(15);
    const status = (file: string) => rows.find((r) => r.querySelector('th')!.textContent === file)!;
    expect(status('broken-not-json.json').getAttribute('data-status')).toBe('error');
    expect(status('broken-not-json.json').textContent).toContain('The file is not JSON.');
    expect(status('broken-wrong-format.json').textContent).toContain('The file is not a Bansō assessment.');
    expect(status('broken-invalid-level.json').textContent).toMatch(
      /not allowed.*rating of “Customer health” › level: must be/s,
    );
    expect(status('broken-unknown-framework.json').textContent).toContain('a framework this portal does not have');
    expect(status('sato-aiko-self-2026-03_copy.json').getAttribute('data-status')).toBe('duplicate');
    expect(status('sato-aiko-self-2026-03_copy.json').textContent).toContain(
      'Same content as “\u2068sato-aiko-self-2026-03.json\u2069”',
    );
    expect(status('sato-aiko-self-2026-03_copy.json').textContent).toContain(
      'was kept because it came first; this one was not imported.',
    );
    expect(status('watanabe-ren-self_resaved.json').getAttribute('data-status')).toBe('ok');
    expect(status('watanabe-ren-self_resaved.json').textContent).toContain(
      'Same person, kind and save time as “\u2068watanabe-ren-self.json\u2069” but different content: both were kept',
    );
    expect(status('kobayashi-old-version.json').getAttribute('data-status')).toBe('other-version');
    expect(report.textContent).toContain(
      '15 checked: 9 imported, 1 imported as another framework version, 1 duplicates, 4 not imported.',
    );

    expect(heatRows(container)).toHaveLength(4);
    for (const r of heatRows(container)) expect(r.querySelectorAll('td.heat')).toHaveLength(14);
    expect(container.querySelectorAll('[data-testid="heatmap"] thead th.el-col')).toHaveLength(14);
    // Several groups: a warning says they are kept apart.
    expect(container.textContent).toContain('Each group is shown on its own; ratings are never mixed across groups.');
    expect(JSON.parse(localStorage.getItem(TEAM_STORAGE_KEY)!).entries).toHaveLength(10);
  });

  it('shows names and evidence from files as text, never as markup', async () => {
    const { container } = await mount();
    await importFixtures(container);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert("team")</script>Eve <img src=x onerror=alert(1)>');
  });

  it('marks gaps with a marker and text, not only colour', async () => {
    const { container } = await mount();
    await importFixtures(container);
    const ren = heatRows(container).find((r) => r.textContent!.includes('渡辺 蓮'))!;
    const gapCells = [...ren.querySelectorAll('td.heat-gap')];
    expect(gapCells.length).toBeGreaterThan(0);
    for (const c of gapCells) {
      // The marker says how far below: ▼ for one level, ▼n for n ≥ 2; the cell's class carries the size for shading.
      const m = /Level (\d+)\D+(\d+)/.exec(c.querySelector('.visually-hidden')!.textContent!)!;
      const size = Number(m[2]) - Number(m[1]);
      expect(c.querySelector('.gap-mark')!.textContent).toBe(size > 1 ? `▼${size}` : '▼');
      expect(c.className).toContain(`gap-${Math.min(size, 3)}`);
      expect(c.textContent).toMatch(/below the target role’s \d/);
    }
    expect(gapCells.some((c) => c.className.includes('gap-1'))).toBe(true);
    expect(gapCells.some((c) => /gap-[23]/.test(c.className))).toBe(true);
    expect(ren.querySelector('td.num')!.textContent).toBe(String(gapCells.length));
  });

  it('sorts by a column with aria-sort, and filters by role', async () => {
    const { container } = await mount();
    await importFixtures(container);
    expect(container.querySelector('th[aria-sort]')!.className).toContain('member-col');
    const healthHeader = container.querySelector('th[data-element="customer-health"]') as HTMLElement;
    fireEvent.click(within(healthHeader).getByRole('button'));
    expect(healthHeader.getAttribute('aria-sort')).toBe('descending');
    const levels = () =>
      heatRows(container).map((r) => r.querySelectorAll('td.heat')[3].textContent!.replace('▼', '').match(/^\d|–/)![0]);
    expect(levels()).toEqual(['3', '2', '2', '1']);
    fireEvent.click(within(healthHeader).getByRole('button'));
    expect(healthHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(levels()).toEqual(['1', '2', '2', '3']);

    fireEvent.change(screen.getByTestId('role-filter'), { target: { value: 'csm' } });
    expect(rowNames(container).sort()).toEqual([
      '<script>alert("team")</script>Eve <img src=x onerror=alert(1)>',
      '佐藤 愛子 (Aiko Sato)',
    ]);
    expect(screen.getByTestId('showing').textContent).toBe(
      'Showing 2 of 4 members with these ratings (4 people in this group).',
    );

    fireEvent.change(screen.getByTestId('role-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('rating-source'), { target: { value: 'self' } });
    expect(rowNames(container)).toHaveLength(3); // 伊藤 has only a manager's assessment
  });

  it('lists coverage and the calibration agenda for a member with both kinds', async () => {
    const { container } = await mount();
    await importFixtures(container);
    const org = screen.getByTestId('coverage-org');
    expect(org.tagName).toBe('UL');
    expect([...org.querySelectorAll('li')].map((li) => li.textContent)).toContain('Lifecycle management');
    expect(screen.getByTestId('coverage-single').textContent).toContain('Customer health: 伊藤 美香');
    expect(screen.getByTestId('coverage-uncovered').textContent).toContain('CS operations & scale');

    const cal = screen.getByTestId('calibration');
    expect((within(cal).getByTestId('calibration-member') as HTMLSelectElement).value).toContain('佐藤');
    const items = [...screen.getByTestId('agenda').querySelectorAll(':scope > li')];
    expect(items.map((li) => li.getAttribute('data-element'))).toEqual([
      'customer-health',
      'risk-escalation',
      'expansion-management',
    ]);
    expect(items[0].textContent).toMatch(/Self-assessment:\s*Level 4.*Manager’s assessment:\s*Level 2.*Difference -2/s);
    expect(items[0].textContent).toContain('still a draft');
  });

  it('shows growth over time as a table of dates × elements', async () => {
    const { container } = await mount();
    await importFixtures(container);
    const growth = screen.getByTestId('growth');
    fireEvent.change(within(growth).getByTestId('growth-member'), {
      target: {
        value: [...(within(growth).getByTestId('growth-member') as HTMLSelectElement).options].find((o) =>
          o.text.replace(/^\u2068/, '').startsWith('佐藤'),
        )!.value,
      },
    });
    fireEvent.click(within(growth).getByLabelText('Self'));
    const table = within(growth).getByTestId('growth-table');
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      '2026-01-15',
      '2026-03-10',
      '2026-06-20',
      '2026-09-12',
    ]);
    expect(table.querySelectorAll('thead th')).toHaveLength(16);
  });

  it('shows the latest dates of a long history in the growth table, and all of them on request', async () => {
    const { container } = await mount();
    const fw = data.frameworks[0];
    const dates = Array.from({ length: GROWTH_ROWS_SHOWN + 6 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 0, 1 + i * 7));
      return d.toISOString().slice(0, 10);
    });
    const file = JSON.stringify({
      ...emptyAssessment(fw, { name: 'Long History' }, 'self', { now: new Date('2026-11-24T09:00:00Z') }),
      snapshots: dates.map((date, i) => ({ date, ratings: { [fw.elements[0].id]: 1 + (i % 3) } })),
    });
    fireEvent.change(container.querySelector('input[data-testid="import-files"]')!, {
      target: { files: [new File([file], 'long-history.json')] },
    });
    const growth = await waitFor(() => screen.getByTestId('growth'), { timeout: 10_000 });
    const shownDates = () =>
      [...within(growth).getByTestId('growth-table').querySelectorAll('tbody th time')].map((el) => el.textContent);
    const latest = shownDates();
    expect(latest).toHaveLength(GROWTH_ROWS_SHOWN);
    const all = within(growth).getByTestId('growth-all');
    expect(all.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(all);
    // Every snapshot plus the file's current ratings, in date order; the short table was its end.
    const every = shownDates();
    expect(every.slice(0, dates.length)).toEqual(dates);
    expect(every.slice(-GROWTH_ROWS_SHOWN)).toEqual(latest);
    expect(all.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(all);
    expect(shownDates()).toEqual(latest);
    expect(all.textContent).toBe(`Show all ${every.length} dates (the latest ${GROWTH_ROWS_SHOWN} are shown)`);
  });

  it('shows the beginning of a long snapshot note in the growth table, and all of it on demand', async () => {
    const { container } = await mount();
    const fw = data.frameworks[0];
    const note = `${'長'.repeat(39)}😀${'末'.repeat(500)}`;
    const file = JSON.stringify({
      ...emptyAssessment(fw, { name: 'Long Note' }, 'self', { now: new Date('2026-11-24T09:00:00Z') }),
      snapshots: [
        { date: '2026-01-10', ratings: { [fw.elements[0].id]: 1 }, note: 'short' },
        { date: '2026-02-10', ratings: { [fw.elements[0].id]: 2 }, note },
      ],
    });
    fireEvent.change(container.querySelector('input[data-testid="import-files"]')!, {
      target: { files: [new File([file], 'long-note.json')] },
    });
    const table = await waitFor(() => within(screen.getByTestId('growth')).getByTestId('growth-table'), {
      timeout: 10_000,
    });
    const [short, long] = [...table.querySelectorAll('tbody .source-cell')];
    expect(short.querySelector('details')).toBeNull();
    expect(short.textContent).toContain('short');
    // 40 characters (the emoji is one) then "…"; the full note is in the <details> it opens.
    expect(long.querySelector('summary')!.textContent).toBe(`${'長'.repeat(39)}😀…`);
    expect(long.querySelector('details > bdi')!.textContent).toBe(note);
  });

  it('keeps the team after a reload, and forgets it only after confirming', async () => {
    const first = await mount();
    await importFixtures(first.container);
    first.unmount();
    const { container } = await mount();
    expect(heatRows(container)).toHaveLength(4);
    fireEvent.click(screen.getByTestId('forget'));
    expect(localStorage.getItem(TEAM_STORAGE_KEY)).not.toBeNull();
    fireEvent.click(screen.getByTestId('forget-confirm'));
    expect(localStorage.getItem(TEAM_STORAGE_KEY)).toBeNull();
    expect(container.querySelector('[data-testid="heatmap"]')).toBeNull();
    expect(container.textContent).toContain('The team was removed from this browser.');
  });

  it('offers "Forget this team" only once a team is loaded', async () => {
    const { container } = await mount();
    expect(screen.queryByTestId('forget')).toBeNull();
    await importFixtures(container);
    expect(screen.getByTestId('forget')).toBeTruthy();
  });

  it('leaves the existing team untouched when a batch has only bad files', async () => {
    const { container } = await mount();
    await importFixtures(container);
    const before = localStorage.getItem(TEAM_STORAGE_KEY);
    const input = container.querySelector('input[data-testid="import-files"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['nope'], 'bad.json')] } });
    await waitFor(() =>
      expect(container.querySelector('[data-testid="import-report"] tbody tr')!.textContent).toContain('bad.json'),
    );
    expect(heatRows(container)).toHaveLength(4);
    expect(localStorage.getItem(TEAM_STORAGE_KEY)).toBe(before);
  });

  it('overlays at most four members on one radar', async () => {
    const { container } = await mount();
    const files = ['Ann', 'Bo', 'Cy', 'Di', 'Ed'].map(
      (name, i) =>
        new File(
          [
            JSON.stringify(
              assessmentFile({
                person: { name },
                framework: { id: 'cs-skills', version: '2026.1', hash: 'dfe20d61' },
                ratings: { 'customer-health': { level: i } },
                updatedAt: '2026-06-01T00:00:00Z',
              }),
            ),
          ],
          `${name}.json`,
        ),
    );
    fireEvent.change(container.querySelector('input[data-testid="import-files"]')!, { target: { files } });
    await waitFor(() => expect(heatRows(container)).toHaveLength(5));
    const overlay = screen.getByTestId('overlay');
    const boxes = () => [...overlay.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    for (const b of boxes().slice(0, 4)) fireEvent.click(b);
    expect(boxes().map((b) => b.disabled)).toEqual([false, false, false, false, true]);
    expect(overlay.textContent).toContain('4 members chosen');
    const series = JSON.parse(overlay.querySelector('figure.radar')!.getAttribute('data-series')!);
    expect(series.map((x: { label: string }) => x.label)).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
    fireEvent.click(boxes()[0]);
    expect(boxes()[4].disabled).toBe(false);
  });

  it('says when saved files are for a framework the portal no longer has', async () => {
    const stored = {
      format: 'banso-team',
      version: 1,
      savedAt: '2026-01-01T00:00:00Z',
      entries: [
        {
          source: 'old.json',
          origin: 'file',
          assessment: assessmentFile({
            person: { name: 'Old' },
            framework: { id: 'retired-track', version: '1', hash: 'abc' },
          }),
        },
      ],
    };
    localStorage.setItem(TEAM_STORAGE_KEY, JSON.stringify(stored));
    await mount();
    expect(screen.getByTestId('hidden-files').textContent).toContain(
      '1 saved files are for a framework this portal no longer has',
    );
    expect(screen.getByTestId('team-empty')).toBeTruthy();
  });

  it('sets unreadable saved data aside: the next import cannot overwrite it, Discard removes it only when confirmed', async () => {
    const raw = '{"format":"banso-team", broken';
    localStorage.setItem(TEAM_STORAGE_KEY, raw);
    const { container } = await mount();
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('could not be read');
    const kept = screen.getByTestId('kept-list');
    expect(kept.textContent).toContain('Team review, set aside');
    const copies = () => Object.keys(localStorage).filter((k) => k.startsWith('banso:unreadable:banso:team@'));
    expect(copies()).toHaveLength(1);
    expect(localStorage.getItem(copies()[0])).toBe(raw);
    await importFixtures(container);
    expect(JSON.parse(localStorage.getItem(TEAM_STORAGE_KEY)!).entries).toHaveLength(10);
    expect(localStorage.getItem(copies()[0])).toBe(raw);
    fireEvent.click(within(kept).getByText('Discard'));
    expect(localStorage.getItem(copies()[0])).toBe(raw);
    fireEvent.click(within(kept).getByText('Discard for good'));
    expect(copies()).toHaveLength(0);
    expect(screen.queryByTestId('kept-list')).toBeNull();
  });
});
