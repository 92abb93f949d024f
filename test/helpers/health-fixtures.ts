/** The shipped health models (parsed with the real schema) and the CSV fixtures, for the health tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { HealthModel } from '../../src/schemas/health.ts';
import { PolicyGroup } from '../../src/schemas/policy.ts';
import { indexPolicies, resolveData } from '../../src/lib/content/policies.ts';

// Tests run from the project root (as npm test does); this also works under happy-dom, where
// import.meta.url is not a file URL.
const contentDir = `${resolve('content/healthModels')}/`;
const fixtureDir = `${resolve('test/fixtures/csv')}/`;

const policyDir = `${resolve('content/policies')}/`;
const policies = indexPolicies({
  policies: new Map(
    readdirSync(policyDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [
        f,
        { id: f, file: `content/policies/${f}`, data: PolicyGroup.parse(parse(readFileSync(policyDir + f, 'utf8'))) },
      ]),
  ),
});

/** A shipped model as the pages get it: policy references ({{policy:KEY}}) resolved per language. */
export const loadModel = (id: string): HealthModel =>
  resolveData(HealthModel.parse(parse(readFileSync(`${contentDir}${id}.yaml`, 'utf8'))), 'en', policies);
export const csvFixture = (name: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(readFileSync(`${fixtureDir}${name}`));

/** The shipped models with these ids, held the way the content set holds them (for batchClientData). */
export const healthModelsContent = (...ids: string[]) => ({
  healthModels: new Map(ids.map((id) => [id, { id, file: `content/healthModels/${id}.yaml`, data: loadModel(id) }])),
});

/** The account files in test/fixtures/csv/ that the batch page reads: every encoding and line ending it supports. */
export const BATCH_CSV_FIXTURES = [
  'accounts-utf8.csv',
  'accounts-utf8-bom.csv',
  'accounts-sjis.csv',
  'accounts-crlf-quoted.csv',
  'accounts-bad-rows.csv',
  'backtest-outcomes.csv',
];
