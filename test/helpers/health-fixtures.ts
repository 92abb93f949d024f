/** The shipped health models (parsed with the real schema) and the CSV fixtures, for the health tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { HealthModel } from '../../src/schemas/health.ts';

// Tests run from the project root (as npm test does); this also works under happy-dom, where
// import.meta.url is not a file URL.
const contentDir = resolve('content/healthModels') + '/';
const fixtureDir = resolve('test/fixtures/csv') + '/';

export const loadModel = (id: string): HealthModel => HealthModel.parse(parse(readFileSync(`${contentDir}${id}.yaml`, 'utf8')));
export const csvFixture = (name: string): Uint8Array<ArrayBuffer> => Uint8Array.from(readFileSync(`${fixtureDir}${name}`));
