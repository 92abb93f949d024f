// @vitest-environment happy-dom
/**
 * The self-assessment island with chart.js mocked (happy-dom has no canvas; real drawing is
 * checked in Chromium): ratings save to storage, expectations stay hidden until revealed, a corrupt
 * save is kept and offered for download, names from files render as text.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import SelfAssessment from '../../src/islands/SelfAssessment.tsx';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { dictionary } from '../../src/i18n/index.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { charts } from '../helpers/chart-mock.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const dict = dictionary('en');

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => cleanup());

/** Renders the island and waits until it has read (and, when there is some, validated) saved data. */
async function mount() {
  let container!: HTMLElement;
  await act(async () => {
    ({ container } = render(<SelfAssessment data={data} dict={dict} />));
  });
  await waitFor(() => expect(container.querySelector('.assess')!.getAttribute('data-ready')).toBe('true'));
}

describe('SelfAssessment island', () => {
  it('saves a rating to storage and feeds the chart the same values as the table', async () => {
    await mount();
    const group = screen.getByRole('radiogroup', { name: 'Customer health' });
    await act(async () => {
      fireEvent.click(group.querySelector('input[value="3"]')!);
    });
    const saved = JSON.parse(localStorage.getItem('banso:assessment:cs-skills')!);
    expect(saved.ratings['customer-health']).toEqual({ level: 3 });
    const fw = data.frameworks[0];
    const idx = fw.elements.findIndex((e) => e.id === 'customer-health');
    const last = charts[charts.length - 1];
    expect(last.data.datasets[0].data[idx]).toBe(3);
    const rows = screen.getByTestId('radar-table').querySelectorAll('tbody tr');
    expect(rows[idx].querySelector('td')!.textContent).toBe('3');
  });

  it('hides role expectations until the member asks for them', async () => {
    await mount();
    fireEvent.change(screen.getByTestId('target-role'), { target: { value: 'senior-csm' } });
    expect(screen.queryAllByText(/^role expects \d$/)).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal'));
    });
    expect(screen.queryAllByText(/^role expects \d$/)).toHaveLength(14);
  });

  it('sets a corrupt save aside before anything can be saved over it, and lists it with Download and Discard', async () => {
    localStorage.setItem('banso:assessment:cs-skills', '{oops');
    await mount();
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read/);
    const kept = screen.getByTestId('kept-list');
    expect(within(kept).getByText('Download')).toBeTruthy();
    expect(within(kept).getByText('Discard')).toBeTruthy();
    const copy = Object.keys(localStorage).find((k) => k.startsWith('banso:unreadable:banso:assessment:cs-skills@'))!;
    expect(localStorage.getItem(copy)).toBe('{oops');
    // The next edit saves under the key and leaves the copy alone.
    fireEvent.click(document.querySelector('fieldset[data-element="customer-health"] input[value="3"]')!);
    await waitFor(() => expect(localStorage.getItem('banso:assessment:cs-skills')).toContain('"customer-health"'));
    expect(localStorage.getItem(copy)).toBe('{oops');
  });

  it('shows a name from a saved file as text, never as HTML', async () => {
    const a = JSON.parse(readFileSync('test/fixtures/assessment-xss.json', 'utf8'));
    a.framework.hash = data.frameworks[0].hash;
    localStorage.setItem('banso:assessment:cs-skills', JSON.stringify(a));
    await mount();
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByDisplayValue('<b>bold</b> evidence')).toBeTruthy();
  });

  it('imports a file made for the other framework: switches to it and keeps the file’s ratings, not what was saved there', async () => {
    const pd = data.frameworks.find((f) => f.id === 'product-domain')!;
    const saved = emptyAssessment(pd, { name: 'Saved before' }, 'self');
    saved.ratings = { [pd.elements[0].id]: { level: 1 } };
    localStorage.setItem('banso:assessment:product-domain', JSON.stringify(saved));
    const file = emptyAssessment(pd, { name: 'From the file' }, 'self');
    file.ratings = { [pd.elements[0].id]: { level: 3 } };
    await mount();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, {
        target: { files: [new File([serialiseAssessment(file)], 'pd.json', { type: 'application/json' })] },
      });
    });
    await waitFor(() => expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('From the file'));
    await waitFor(() => expect(document.querySelector('.assess')!.getAttribute('data-ready')).toBe('true'));
    // Give any late storage read the chance to overwrite it (it must not).
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('From the file');
    expect(screen.getByText(/Imported/)).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('banso:assessment:product-domain')!).person.name).toBe('From the file');
  });
});
