// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { resolveContent } from '../../src/lib/content/policies.ts';
import { clientHealthData } from '../../src/lib/health/client-models.ts';
import { dictionary } from '../../src/i18n/index.ts';
import { scoreAccount } from '../../src/lib/health/score.ts';
import { presetValues } from '../../src/lib/health/simulator-state.ts';
import HealthSimulator from '../../src/islands/HealthSimulator.tsx';
import { charts } from '../helpers/chart-mock.ts';

// The content as pages get it (src/data/site.ts): policy references resolved.
const content = resolveContent(checkContent(readContentFiles('.')).content);
const en = clientHealthData(content, 'en');
const ja = clientHealthData(content, 'ja');

async function open(search = '?model=high-touch-health', data = en, lang: 'en' | 'ja' = 'en') {
  window.history.replaceState(null, '', `/health/simulator/${search}`);
  const view = render(<HealthSimulator data={data} dict={dictionary(lang)} />);
  await waitFor(() => expect(view.container.querySelector('.health-sim')!.getAttribute('data-ready')).toBe('true'));
  return view;
}
const bandA = () => screen.getByTestId('score-a-band').textContent;
const scoreA = () => screen.getByTestId('score-a-value').textContent;
const measure = (id: string) => document.querySelector(`[data-measure="${id}"]`) as HTMLElement;
/** Text as seen on screen: without the words kept for screen readers only. */
function visibleText(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden').forEach((x) => x.remove());
  return copy.textContent ?? '';
}
const high = en.models.find((m) => m.id === 'high-touch-health')!.model;

afterEach(() => cleanup());

describe('health-score simulator', () => {
  it('changing an input changes the score and the band text, and the address follows', async () => {
    await open();
    expect(scoreA()).toBe('90.8');
    expect(bandA()).toBe('Green — healthy');
    // Days since the last meeting above 90 caps the account at yellow.
    fireEvent.change(within(measure('days-since-meeting')).getByTestId('number-days-since-meeting'), {
      target: { value: '91' },
    });
    expect(scoreA()).toBe('80.8');
    expect(bandA()).toBe('Yellow — watch');
    expect(screen.getByTestId('overrides').textContent).toMatch(
      /Days since last meeting is 91\sdays: the account can be Yellow — watch at best/,
    );
    expect(screen.getByTestId('overrides').textContent).toContain('After more than a quarter without a meeting');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('a.days-since-meeting')).toBe('91'));
    // Sentiment radio: red forces red.
    fireEvent.click(within(measure('csm-sentiment')).getByLabelText('Red'));
    expect(bandA()).toBe('Red — at risk');
    expect(screen.getByTestId('band-facts').textContent).toContain('The CSM tells the CS lead');
    expect(
      within(screen.getByTestId('band-facts')).getByRole('link', { name: 'Red account triage' }).getAttribute('href'),
    ).toBe('/playbooks/red-account-triage/');
    // The slider moves the value too.
    fireEvent.change(within(measure('days-since-meeting')).getByRole('slider'), { target: { value: '10' } });
    expect((screen.getByTestId('number-days-since-meeting') as HTMLInputElement).value).toBe('10');
  });

  it('rejects a number outside the range with a message and keeps the score', async () => {
    await open();
    const field = screen.getByTestId('number-licence-utilisation') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '140' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(measure('licence-utilisation')).getByRole('alert').textContent).toMatch(
      /Licence utilisation: 140 is outside the range 0 to 100/,
    );
    expect(scoreA()).toBe('90.8');
  });

  it('"No data" leaves the measure out, shows the coverage and the weight redistributed', async () => {
    await open();
    expect(screen.getByTestId('score-a-coverage').textContent).toMatch(/100\s% of the weight/);
    fireEvent.click(screen.getByTestId('nodata-nps'));
    expect(screen.getByTestId('score-a-coverage').textContent).toMatch(/91\s% of the weight/);
    expect(within(measure('nps')).getByText('Left out (no data)')).toBeTruthy();
    expect((screen.getByTestId('number-nps') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('reasons').textContent).toMatch(
      /NPS of the main contact has no data: it is left out and its 9\s% of the score is shared/,
    );
    const row = within(screen.getByTestId('contribution-table')).getByText('NPS of the main contact').closest('tr')!;
    expect(row.textContent).toContain('No data');
    expect(charts.at(-1)!.data.datasets[0].data[8]).toBe(0);
    // Unticking brings the value back.
    fireEvent.click(screen.getByTestId('nodata-nps'));
    expect((screen.getByTestId('number-nps') as HTMLInputElement).value).toBe('8');
    expect(scoreA()).toBe('90.8');
    // Below the minimum coverage there is no colour.
    for (const id of [
      'licence-utilisation',
      'active-users-trend',
      'feature-breadth',
      'csm-sentiment',
      'support-tickets',
      'payment-issues',
      'success-plan',
    ])
      fireEvent.click(screen.getByTestId(`nodata-${id}`));
    expect(bandA()).toBe('Insufficient data');
    expect(screen.getByTestId('score-a').textContent).toContain('No score');
  });

  it('loads a preset and lists what would change the colour in words', async () => {
    await open();
    fireEvent.change(screen.getByTestId('preset'), { target: { value: 'silent-churn-risk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load example' }));
    expect(scoreA()).toBe('42.4');
    expect(bandA()).toBe('Red — at risk');
    expect(screen.getByTestId('preset-loaded').textContent).toContain('Silent churn risk');
    expect(screen.getByTestId('score-a-coverage').textContent).toMatch(/77.5\s% of the weight/);
    await waitFor(() =>
      expect(visibleText(screen.getByTestId('what-if-up'))).toMatch(
        /Lower Days since last meeting from 95\sdays to 30\sdays → Yellow — watch \(score 54.1\)/,
      ),
    );
    const up = visibleText(screen.getByTestId('what-if-up'));
    expect(screen.getByTestId('what-if-up').textContent).toContain('→gives Yellow');
    expect(up).toContain('Change Executive sponsor engaged from No to Yes');
    expect(up).toMatch(/Enter 75\s% of goals for Success-plan goals on track \(now no data\)/);
    expect(screen.getByTestId('reasons').textContent).toContain(
      'The score 42.4 lies in the range of Red — at risk (0–49).',
    );
    expect(new URLSearchParams(window.location.search).get('a.nps')).toBe('none');
  });

  it('compares scenario A and B side by side', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Compare with scenario B' }));
    expect(screen.getByTestId('score-b-value').textContent).toBe('90.8');
    expect(screen.getByRole('radio', { name: 'Scenario B' })).toHaveProperty('checked', true);
    fireEvent.click(within(measure('executive-sponsor')).getByLabelText('No'));
    fireEvent.click(within(measure('success-plan')).getByLabelText('No'));
    const b = scoreAccount(high, {
      ...presetValues(high, 'healthy-enterprise'),
      'executive-sponsor': 'no',
      'success-plan': 'no',
    });
    expect(b.band!.id).toBe('yellow');
    expect(scoreA()).toBe('90.8');
    expect(screen.getByTestId('score-b-value').textContent).toBe(b.score!.toFixed(1));
    expect(screen.getByTestId('score-b-band').textContent).toBe('Yellow — watch');
    expect(screen.getByTestId('compare').textContent).toBe(
      `B − A: −${(90.8 - b.score!).toFixed(1)} points. The colour changes from Green — healthy to Yellow — watch. A change of 10 points or more raises a trend alert.`,
    );
    expect(charts.at(-1)!.data.datasets.map((d: { label: string }) => d.label)).toEqual(['Scenario A', 'Scenario B']);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('b.success-plan')).toBe('no'));
    expect(new URLSearchParams(window.location.search).get('scenario')).toBe('b');
    // Back to A: its inputs are untouched.
    fireEvent.click(screen.getByRole('radio', { name: 'Scenario A' }));
    expect((within(measure('success-plan')).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);
  });

  it('restores the state from the address and reports what it could not use', async () => {
    await open(
      '?model=tech-touch-health&a.weekly-active-admins=20&a.days-since-admin-login=50&a.in-app-nps=none&a.failed-payments=maybe&wm.in-app-nps=-2',
    );
    expect(screen.getByTestId('model')).toHaveProperty('value', 'tech-touch-health');
    expect((screen.getByTestId('number-weekly-active-admins') as HTMLInputElement).value).toBe('20');
    expect(bandA()).toBe('Red — at risk');
    expect(screen.getByTestId('overrides').textContent).toContain('Days since last administrator sign-in is 50');
    const alert = screen.getAllByRole('alert')[0].textContent!;
    expect(alert).toContain('Some values in the address could not be used');
    expect(alert).toContain('Failed payment: “maybe” is not yes or no.');
    expect(alert).toContain('The weight “-2” for In-app NPS (account) is not a positive number.');
  });

  it('edits weights with live shares, resets them, and they travel in the address', async () => {
    await open();
    expect(screen.getByTestId('share-nps').textContent).toBe('9 %');
    fireEvent.change(screen.getByLabelText('Weight of Voice of the customer'), { target: { value: '45' } });
    expect(screen.getByTestId('share-group-voice-of-customer').textContent).toBe('34.6 %');
    expect(screen.getByTestId('share-nps').textContent).toBe('20.8 %');
    expect(screen.getByText('1 weights changed from the model.')).toBeTruthy();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('wg.voice-of-customer')).toBe('45'));
    fireEvent.change(screen.getByLabelText('Weight of NPS of the main contact'), { target: { value: '0' } });
    expect(screen.getByText(/Enter a number above 0/)).toBeTruthy();
    expect(screen.getByTestId('share-nps').textContent).toBe('20.8 %');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the model’s weights' }));
    expect(screen.getByTestId('share-nps').textContent).toBe('9 %');
    expect(screen.getByText('The weights are the model’s own.')).toBeTruthy();
  });

  it('switches models and speaks Japanese', async () => {
    await open('', ja, 'ja');
    expect(screen.getByText('入力')).toBeTruthy();
    expect(screen.getAllByText('データなし').length).toBeGreaterThan(5);
    expect(bandA()).toBe('グリーン（良好）');
    fireEvent.change(screen.getByTestId('model'), { target: { value: 'tech-touch-health' } });
    expect(
      within(measure('weekly-active-admins')).getByText('週次アクティブ管理者率', { selector: 'label' }),
    ).toBeTruthy();
    expect(screen.getByTestId('reasons').textContent).toContain('の範囲（75–100）です。');
  });
});
