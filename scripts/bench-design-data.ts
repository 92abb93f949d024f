/**
 * Synthetic accounts for the model-designer benchmark (`npm run bench -- --only design`): n rows
 * of 10 numeric and 2 categorical measures with known effects on churn, plus an id and the
 * outcome, as parsed CSV rows. Seeded, so every run measures the same data.
 */
import { seededRandom } from '../src/lib/health/design/fit.ts';

export const DESIGN_BENCH_HEADERS = [
  'account',
  ...Array.from({ length: 10 }, (_, i) => `usage_${i + 1}`),
  'plan',
  'region',
  'churned',
];

export function syntheticDesignRows(n: number, seed = 1): string[][] {
  const rnd = seededRandom(seed);
  const plans = ['monthly', 'annual', 'multi-year'];
  const regions = ['north', 'south', 'east', 'west', 'central'];
  const rows: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const xs = Array.from({ length: 10 }, () => Math.round(rnd() * 1000) / 10);
    const plan = Math.floor(rnd() * 3);
    const region = Math.floor(rnd() * 5);
    let eta = -1.2 + (plan === 0 ? 0.8 : plan === 2 ? -0.6 : 0);
    for (let j = 0; j < 10; j++) eta += (5 - j) * 0.004 * (50 - xs[j]);
    const churned = rnd() < 1 / (1 + Math.exp(-eta));
    rows[i] = [
      `A${i}`,
      ...xs.map((x, j) => (rnd() < 0.03 * (j % 3) ? '' : String(x))),
      plans[plan],
      regions[region],
      churned ? 'yes' : 'no',
    ];
  }
  return rows;
}
