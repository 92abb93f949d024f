/**
 * Cross-checks of content/search/*.yaml (the schema checks the shape): every intent page exists,
 * every word has something searchable in it, and no word is listed twice in one group or intent.
 */
import type { ContentSet, ContentProblem } from '../content/check.ts';
import { splitUnits } from './text.ts';

/** Does a search target (`<type>:<id>`) name a page of the content set? */
export function targetExists(c: ContentSet, target: string): boolean {
  const colon = target.indexOf(':');
  const type = target.slice(0, colon);
  const id = target.slice(colon + 1);
  switch (type) {
    case 'playbook':
      return c.playbooks.has(id) && !c.playbooks.get(id)!.data.draft;
    case 'glossary':
      return c.glossary.has(id);
    case 'journey':
      return c.journeys.has(id);
    case 'role':
      return c.roles.has(id);
    case 'onboarding':
      return c.onboarding.has(id);
    case 'health-model':
      return c.healthModels.has(id);
    case 'framework':
      return c.frameworks.has(id);
    case 'element': {
      const [fw, el] = id.split('/');
      return !!el && !!c.frameworks.get(fw)?.data.elements.some((e) => e.id === el);
    }
    default:
      return false;
  }
}

/** Collection of each search target type: a target whose file exists but is invalid has its own problem line. */
const TARGET_COLLECTION: Record<string, string> = {
  playbook: 'playbooks',
  glossary: 'glossary',
  journey: 'journeys',
  role: 'roles',
  onboarding: 'onboarding',
  'health-model': 'healthModels',
  framework: 'frameworks',
  element: 'frameworks',
};

/**
 * `fileExists` (from the content check) says whether an entry's file exists even when it is invalid:
 * then the file's own problem is the root cause and the synonym file adds no line.
 */
export function checkSearchSynonyms(
  c: ContentSet,
  problems: ContentProblem[],
  fileExists?: (collection: string, id: string) => boolean,
): void {
  const known = (p: string): boolean => {
    if (targetExists(c, p)) return true;
    const [type, id = ''] = [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)];
    const coll = TARGET_COLLECTION[type];
    return !!coll && !!fileExists?.(coll, type === 'element' ? id.split('/')[0] : id);
  };
  for (const entry of c.search.values()) {
    const { file, data } = entry;
    const words = (list: string[], path: string) => {
      const seen = new Map<string, number>();
      list.forEach((w, i) => {
        const units = splitUnits(w);
        if (units.length === 0)
          problems.push({ file, path: `${path}[${i}]`, message: `"${w}" has no letters or digits to search for` });
        const key = units.map((u) => u.text).join(' ');
        const prev = seen.get(key);
        if (prev !== undefined)
          problems.push({ file, path: `${path}[${i}]`, message: `"${w}" is the same search word as ${path}[${prev}]` });
        else seen.set(key, i);
      });
    };
    data.groups.forEach((g, i) => words(g, `groups[${i}]`));
    data.intents.forEach((intent, i) => {
      words(intent.phrases, `intents[${i}].phrases`);
      intent.pages.forEach((p, k) => {
        if (!known(p))
          problems.push({
            file,
            path: `intents[${i}].pages[${k}]`,
            message: `no page "${p}": write <type>:<id> of an existing playbook, glossary term, journey, role, element (<framework>/<element>), onboarding track or health model`,
          });
      });
    });
  }
}
