// @vitest-environment happy-dom
/**
 * The batch-scoring island with chart.js mocked (happy-dom has no canvas) and the scoring run on
 * the page (inPageClient) instead of in a Web Worker: load, map, score, sort, page, bad rows,
 * bad files, cancel, export.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { dictionary } from '../../src/i18n/index.ts';
import { batchClientData } from '../../src/lib/health/batch-props.ts';
import { formatAuc } from '../../src/lib/health/number-format.ts';
import { BatchCancelled, runBatch } from '../../src/lib/health/worker-protocol.ts';
import { decodeBytes, parseCsv } from '../../src/lib/health/csv.ts';
import type { BatchClient } from '../../src/islands/health-batch/runner.ts';
import { inPageClient } from '../../src/islands/health-batch/in-page-client.ts';
import { csvFixture, healthModelsContent, loadModel } from '../helpers/health-fixtures.ts';
import { charts } from '../helpers/chart-mock.ts';

const downloads: { name: string; text: string; type: string }[] = [];
vi.mock('../../src/islands/browser.ts', () => ({
  downloadBlob: async (name: string, blob: Blob) =>
    void downloads.push({ name, text: await blob.text(), type: blob.type }),
  todayIso: () => '2026-11-24',
}));

const { default: HealthBatch } = await import('../../src/islands/HealthBatch.tsx');

const high = loadModel('high-touch-health');
const tech = loadModel('tech-touch-health');
const content = healthModelsContent('high-touch-health', 'tech-touch-health');
const fixtureBytes = csvFixture;
const csvFile = (name: string, bytes: Uint8Array<ArrayBuffer> = fixtureBytes(name)) =>
  new File([bytes], name, { type: 'text/csv' });

function mount(lang: 'en' | 'ja' = 'en', client: BatchClient = inPageClient()) {
  const data = batchClientData(content, lang);
  return render(<HealthBatch data={data} dict={dictionary(lang)} client={client} />);
}

async function upload(file: File) {
  const input = screen.getByTestId('csv-file') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

/** Uploads the file and waits until it has been read (its facts are shown). */
async function uploadRead(file: File) {
  await upload(file);
  await screen.findByTestId('file-facts');
}

const select = (testid: string) => screen.getByTestId(testid) as HTMLSelectElement;
const choose = (el: HTMLSelectElement, value: string) =>
  act(async () => {
    fireEvent.change(el, { target: { value } });
  });

/** The table's page comes from the scored file asynchronously: wait until it is shown. */
const pageShown = () =>
  waitFor(() => expect(screen.getByTestId('results-table').getAttribute('data-loading')).toBe('false'));

async function scoreAll() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('score'));
  });
  await screen.findByTestId('results-table', {}, { timeout: 5000 });
  await pageShown();
}

async function clickAndWait(el: Element) {
  await act(async () => {
    fireEvent.click(el);
  });
  await pageShown();
}

const tableRows = () =>
  [...screen.getByTestId('results-table').querySelectorAll('tbody tr')].map((tr) =>
    Number(tr.getAttribute('data-row')),
  );

beforeEach(() => {
  downloads.length = 0;
});
afterEach(() => cleanup());

describe('HealthBatch island', () => {
  it('loads a CSV, shows encoding and rows, guesses the mapping, re-guesses for another model, and maps value labels', async () => {
    mount();
    await uploadRead(csvFile('backtest-outcomes.csv'));
    expect(screen.getByTestId('encoding').textContent).toBe('UTF-8');
    expect(screen.getByTestId('row-count').textContent).toBe('40');
    // High-touch model first: only "Key features used" matches one of its measures.
    expect(select('map-feature-breadth').value).toBe('3');
    expect(select('map-account').value).toBe('0');
    expect(select('map-outcome').value).toBe('7');
    expect(screen.getByTestId('coverage-warning').textContent).toMatch(/every account will read “insufficient data”/);

    await choose(select('model'), 'tech-touch-health');
    expect(select('map-weekly-active-admins').value).toBe('1');
    expect(select('map-days-since-admin-login').value).toBe('2');
    expect(select('map-failed-payments').value).toBe('6');
    expect(screen.queryByTestId('coverage-warning')).toBeNull();
    expect(screen.getByTestId('mapped-summary').textContent).toBe(
      '6 of 6 measures mapped, carrying 100% of the model’s weight.',
    );

    // Value labels: "Done"/"Open" and "Active" are not understood yet; "Churned", "Yes" are.
    const outcome = screen.getByTestId('values-outcome');
    const activeSelect = within(outcome).getByLabelText('What “Active” means') as HTMLSelectElement;
    expect(activeSelect.value).toBe('');
    expect((within(outcome).getByLabelText('What “Churned” means') as HTMLSelectElement).value).toBe('churned');
    expect(
      (within(screen.getByTestId('values-failed-payments')).getByLabelText('What “Yes” means') as HTMLSelectElement)
        .value,
    ).toBe('yes');
    expect(screen.getByTestId('unresolved').textContent).toMatch(/^3 labels/);
    await choose(activeSelect, 'renewed');
    const checklist = screen.getByTestId('values-onboarding-checklist');
    await choose(within(checklist).getByLabelText('What “Done” means') as HTMLSelectElement, 'yes');
    await choose(within(checklist).getByLabelText('What “Open” means') as HTMLSelectElement, 'no');
    expect(screen.queryByTestId('unresolved')).toBeNull();

    await scoreAll();
    const expected = await runBatch({
      model: tech,
      bytes: fixtureBytes('backtest-outcomes.csv'),
      valueMaps: { 4: { Done: 'yes', Open: 'no' }, 7: { Active: 'renewed' } },
    });
    const auc = screen.getByTestId('auc');
    expect(auc.getAttribute('data-auc')).toBe(String(expected.backtest!.auc));
    expect(auc.textContent).toBe(formatAuc(expected.backtest!.auc));
    expect(screen.getByTestId('auc-level').textContent).toBe('Strong');
    expect(screen.getByTestId('results-summary').textContent).toBe(
      '40 rows read: 40 scored (0 of them with insufficient data for a colour), 0 with problems.',
    );
    const churn = screen.getByTestId('churn-table');
    expect(
      [...churn.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent),
      ),
    ).toEqual(expected.backtest!.bands.map((b) => [String(b.count), String(b.churned)]));
    expect(screen.getByTestId('bt-ratio').textContent).toMatch(
      /^Accounts in “Red — at risk” churned 6\.9× as often as accounts in “Green — healthy”/,
    );
    expect(screen.getByTestId('metric-precision').textContent).toMatch(
      /Of the 13 accounts in “Red — at risk”, 12 churned and 1 renewed/,
    );
    expect(screen.getByTestId('metric-recall').textContent).toMatch(
      /Of the 15 accounts that churned, 12 were in “Red — at risk” beforehand; 3 churned/,
    );
    expect(screen.getByTestId('metric-lift').textContent).toMatch(
      /The 4 accounts with the lowest scores churned at 100%/,
    );
    // Both charts were made with only their own parts: a bar chart of bands and the ROC scatter with the diagonal.
    expect(charts.map((c) => c.type).sort()).toEqual(['bar', 'scatter']);
    const roc = charts.find((c) => c.type === 'scatter')!.data as { datasets: { data: { x: number; y: number }[] }[] };
    expect(roc.datasets[0].data).toEqual(expected.backtest!.roc.map((p) => ({ x: p.fpr, y: p.tpr })));
    expect(roc.datasets[1].data).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    const bar = charts.find((c) => c.type === 'bar')!.data as { labels: string[]; datasets: { data: number[] }[] };
    expect(bar.labels).toEqual([
      'Red — at risk (0–49)',
      'Yellow — watch (50–74)',
      'Green — healthy (75–100)',
      'Insufficient data',
    ]);
    expect(bar.datasets[0].data).toEqual([13, 12, 15, 0]);
    expect(
      [...screen.getByTestId('band-table').querySelectorAll('tbody td:first-of-type')].map((td) => td.textContent),
    ).toEqual(['13', '12', '15', '0']);
    // Results are not stale until something changes.
    expect(screen.queryByTestId('stale')).toBeNull();
    await choose(activeSelect, 'churned');
    expect(screen.getByTestId('stale')).toBeTruthy();
  });

  it('warns when a mapped column does not fit its measure’s range (another scale), in both languages', async () => {
    const csv = 'Account,NPS\nacme,-40\nbeta,35\ngamma,12\ndelta,8\n';
    mount();
    await uploadRead(csvFile('account-nps.csv', new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>));
    expect(select('map-nps').value).toBe('1');
    expect(screen.getByTestId('out-of-range').textContent).toContain(
      'NPS of the main contact (“NPS”): 3 of 4 values are outside 0 to 10',
    );
    const outside = screen.getByTestId('mapping').querySelector('tr[data-measure="nps"] .badge-warn')!;
    expect(outside.textContent).toBe('outside the range');
    expect(outside.querySelector('.sym-warn[aria-hidden="true"]')).not.toBeNull(); // a CSS mark, no emoji-font character
    await choose(select('map-nps'), '');
    expect(screen.queryByTestId('out-of-range')).toBeNull();
    cleanup();
    mount('ja');
    await uploadRead(csvFile('account-nps.csv', new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>));
    expect(screen.getByTestId('out-of-range').textContent).toContain('4件中3件の値が0〜10の範囲外');
  });

  it('sorts by any column with aria-sort, stable and with missing scores last', async () => {
    mount();
    await uploadRead(csvFile('accounts-utf8.csv'));
    await scoreAll();
    expect(tableRows()).toEqual([2, 3, 4, 5, 6, 7]);
    const th = (key: string) =>
      screen.getByTestId('results-table').querySelector(`button[data-sort="${key}"]`)!.closest('th')!;
    expect(th('row').getAttribute('aria-sort')).toBe('ascending');
    await clickAndWait(th('score').querySelector('button')!);
    expect(th('score').getAttribute('aria-sort')).toBe('ascending');
    expect(th('row').hasAttribute('aria-sort')).toBe(false);
    // Scores: acme 90.8, blue-sky 42.4, cedar 71.4, delta 70.8, echo (forced red) 100-ish, foxtrot insufficient data.
    const scores = () =>
      [...screen.getByTestId('results-table').querySelectorAll('tbody tr td:nth-child(3)')].map((td) => td.textContent);
    expect(scores().at(-1)).toBe('—');
    const nums = scores().slice(0, -1).map(Number);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    await clickAndWait(th('score').querySelector('button')!);
    expect(th('score').getAttribute('aria-sort')).toBe('descending');
    expect(scores().at(-1)).toBe('—');
    await clickAndWait(th('band').querySelector('button')!);
    expect(
      [...screen.getByTestId('results-table').querySelectorAll('tbody td.band-cell')].map((td) =>
        td.getAttribute('data-band'),
      ),
    ).toEqual(['red', 'red', 'yellow', 'yellow', 'green', '']);
    // A CSV column: "Support tickets" (column 5).
    await clickAndWait(th('col:5').querySelector('button')!);
    expect(tableRows()).toEqual([3, 6, 2, 4, 5, 7]);
  });

  it('lists bad rows with their row number and reason in words while the good rows are scored', async () => {
    mount();
    await uploadRead(csvFile('accounts-bad-rows.csv'));
    await scoreAll();
    const bad = screen.getByTestId('bad-rows');
    expect([...bad.querySelectorAll('li')].map((li) => li.getAttribute('data-row'))).toEqual(['3', '5', '6', '7']);
    expect(bad.textContent).toContain(
      'Row 3 (bad-number): “abc” in column “licence utilisation” is not a number (Licence utilisation).',
    );
    expect(bad.textContent).toContain(
      'Row 6 (bad-boolean): “maybe” in column “payment issues” is not yes or no (Payment issues).',
    );
    expect(tableRows()).toEqual([2, 4, 8]);
    expect(screen.getByTestId('no-backtest')).toBeTruthy();
  });

  it('pages 100 rows at a time', async () => {
    const lines = [
      'account,licence utilisation,csm sentiment,support tickets,days since last meeting,payment issues,success plan',
    ];
    for (let i = 0; i < 250; i++)
      lines.push(`acct-${i},${i % 100},${['red', 'yellow', 'green'][i % 3]},${i % 20},${i % 120},no,yes`);
    mount();
    await uploadRead(csvFile('many.csv', new TextEncoder().encode(lines.join('\n'))));
    await scoreAll();
    expect(tableRows()).toHaveLength(100);
    expect(screen.getByTestId('page-status').textContent).toBe('Rows 1–100 of 250 (page 1 of 3)');
    await clickAndWait(screen.getByTestId('next-top'));
    expect(screen.getByTestId('page-status').textContent).toBe('Rows 101–200 of 250 (page 2 of 3)');
    expect(tableRows()[0]).toBe(102);
    // Sorting goes back to the first page.
    await clickAndWait(screen.getByTestId('results-table').querySelector('button[data-sort="account"]')!);
    expect(screen.getByTestId('page-status').textContent).toMatch(/page 1 of 3/);
  });

  it('a file that is not a CSV gets a clear message and keeps the previous file and results', async () => {
    mount();
    await uploadRead(csvFile('accounts-utf8.csv'));
    await scoreAll();
    const before = tableRows();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await upload(new File([png], 'logo.png', { type: 'image/png' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not use “logo.png”. Nothing was changed.');
    expect(alert.textContent).toContain('This is a PNG file, not a CSV.');
    expect(screen.getByTestId('file-name').textContent).toBe('accounts-utf8.csv');
    expect(tableRows()).toEqual(before);
    // An .xlsx and a header-only file are named as such, too.
    await upload(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])], 'accounts.xlsx'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Excel workbook'));
    await upload(csvFile('empty.csv', new TextEncoder().encode('a,b,c\n')));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no account rows'));
    expect(tableRows()).toEqual(before);
  });

  it('cancelling a run keeps the previous results', async () => {
    let slow = false;
    const real = inPageClient();
    const client = ((task, onProgress, signal) => {
      if (!slow || task.type !== 'score') return real(task, onProgress, signal);
      onProgress?.({ rows: 0, bytes: 0, totalBytes: 100 });
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new BatchCancelled())));
    }) as BatchClient;
    mount('en', client);
    await uploadRead(csvFile('accounts-utf8.csv'));
    await scoreAll();
    slow = true;
    await act(async () => {
      fireEvent.click(screen.getByTestId('score'));
    });
    const progress = screen.getByTestId('progress');
    expect(progress.querySelector('progress')).toBeTruthy();
    expect(progress.textContent).toContain('0 of 6 rows (0%)');
    await act(async () => {
      fireEvent.click(screen.getByTestId('cancel'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('notice').querySelector('p.notice-text')!.textContent).toBe(
        'Scoring was cancelled. The previous results are kept.',
      ),
    );
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('score'));
    expect(tableRows()).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('exports the scored CSV with a BOM, the original columns and the scores', async () => {
    mount();
    await uploadRead(csvFile('accounts-utf8.csv'));
    await scoreAll();
    await act(async () => {
      fireEvent.click(screen.getByTestId('export'));
    });
    await waitFor(() => expect(downloads).toHaveLength(1));
    const { name, text, type } = downloads[0];
    expect(name).toBe('accounts-utf8-scored-2026-11-24.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFFAccount ID,')).toBe(true);
    const back = parseCsv(decodeBytes(new TextEncoder().encode(text)).text);
    expect(back.headers.slice(-5)).toEqual(['score', 'band', 'coverage (%)', 'status', 'warnings']);
    expect(back.rows.map((r) => r.at(-5))).toEqual(['90.8', '42.4', '71.4', '70.8', expect.any(String), '']);
    expect(back.rows[0].at(-4)).toBe('Green — healthy');
  });

  it('the drop zone is a button that opens the file picker, and takes dropped files', async () => {
    mount();
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    const zone = screen.getByTestId('drop-zone');
    expect(zone.tagName).toBe('BUTTON');
    fireEvent.click(zone);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
    await act(async () => {
      fireEvent.dragOver(zone, { dataTransfer: { files: [], dropEffect: 'none' } });
    });
    expect(zone.className).toContain('dragging');
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [csvFile('accounts-sjis.csv')] } });
    });
    await screen.findByTestId('file-facts');
    expect(zone.className).not.toContain('dragging');
    expect(screen.getByTestId('encoding').textContent).toBe('Shift_JIS (Japanese Excel)');
  });

  it('speaks Japanese', async () => {
    mount('ja');
    await uploadRead(csvFile('accounts-utf8-bom.csv'));
    expect(screen.getByTestId('encoding').textContent).toBe('UTF-8（BOM付き）');
    expect(select('map-licence-utilisation').value).toBe('1');
    await scoreAll();
    expect(screen.getByTestId('results-summary').textContent).toBe(
      '4 行を読み込みました。採点 4 行（うちデータ不足で色なし 0 行）、問題のある行 0 行。',
    );
    expect(screen.getByTestId('bt-caveats').textContent).toContain('解約したアカウントが 2 件しかありません。');
  });
});
