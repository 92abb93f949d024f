// Quick check of one content file against its schema (authoring aid; the full check is content:check).
// Usage: npx node scripts/validate-one.ts <collection> <file>
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as S from '../src/schemas/index.ts';

const [collection, file] = process.argv.slice(2);
const schemas: Record<string, any> = {
  frameworks: S.Framework, roles: S.Role, playbooks: S.Playbook, 'playbooks-translation': S.PlaybookTranslation,
  journeys: S.Journey, onboarding: S.OnboardingTrack, glossary: S.GlossaryTerm, healthModels: S.HealthModel,
};
const text = readFileSync(file, 'utf8');
const raw = file.endsWith('.md') ? parse(text.split(/^---\s*$/m)[1] ?? '') : parse(text);
const schema = schemas[collection];
const r = schema.safeParse(raw);
if (r.success) console.log(`${file}: OK`);
else { for (const i of r.error.issues) console.log(`${file}: ${i.path.join('.')}: ${i.message}`); process.exit(1); }
