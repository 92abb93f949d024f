/**
 * The designed model as the YAML of a new content/healthModels/<id>.yaml: the content schema's
 * field order, bilingual labels and help texts, nothing the schema does not know. Pure.
 */
import { stringify } from 'yaml';
import { toHealthModel, type Design } from './design.ts';

export function designYaml(d: Design): string {
  const m = toHealthModel(d);
  const head = `# Health model designed in Bansō's model designer from ${d.source.file} (${d.source.rows} rows) on ${d.source.date}.\n# Save as content/healthModels/${d.id}.yaml and run \`npm run content:check\`.\n`;
  return head + stringify(m, { lineWidth: 110, minContentWidth: 40 });
}

export const designFileName = (d: Design): string => `${d.id}.yaml`;
