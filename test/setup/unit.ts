/**
 * Set-up shared by every unit and component test (vitest.config.ts `setupFiles`):
 * chart.js is replaced by the recording stand-in of ../helpers/chart-mock.ts (happy-dom has no
 * canvas; real drawing is tested in Chromium), emptied before each test.
 */
import { beforeEach, vi } from 'vitest';
import { charts } from '../helpers/chart-mock.ts';

vi.mock('chart.js', () => import('../helpers/chart-mock.ts'));

beforeEach(() => {
  charts.length = 0;
});
