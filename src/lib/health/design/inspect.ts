/**
 * The model the designer hands the batch worker to decode and parse a file without scoring it
 * (inspectInput drops its measures): the smallest model the engine accepts.
 */
import type { HealthModel } from '../../../schemas/health.ts';

const band = (id: string, min: number) => ({
  id,
  min,
  colour: '#000000',
  label: { en: id },
  meaning: { en: id },
  notify: { en: id },
  cadence: { en: id },
  playbooks: [],
});

export const INSPECT_MODEL: HealthModel = {
  name: { en: 'inspect' },
  summary: { en: 'inspect' },
  touch: 'high',
  version: '1',
  groups: [{ id: 'g', label: { en: 'g' }, weight: 1 }],
  measures: [],
  bands: [band('red', 0), band('yellow', 50), band('green', 75)],
  overrides: [],
  missingData: { rule: 'redistribute', minCoverage: 0.5 },
  trendAlert: 10,
  presets: [],
  reviewEvery: 180,
};
