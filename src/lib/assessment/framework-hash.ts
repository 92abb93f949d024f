/**
 * A short structural fingerprint of a framework, stored in every assessment.
 *
 * It covers what decides how a rating is read: the element ids in order, the group of each element,
 * the group ids in order of first use and the number of levels. Adding, removing, renaming, moving
 * or reordering an element, or changing the scale, changes the hash; rewording a descriptor, a name
 * or a signal does not. Pure string arithmetic, so Node and every browser give the same result.
 */
import { fnv1a32 } from '../hash.ts';

export interface HashableFramework {
  levels: readonly unknown[];
  elements: readonly { id: string; group: string }[];
}

/** The text the hash is taken over. Exported for tests and for debugging a mismatch. */
export function frameworkCanonicalString(fw: HashableFramework): string {
  const groups: string[] = [];
  for (const el of fw.elements) if (!groups.includes(el.group)) groups.push(el.group);
  return [
    'banso-framework-v1',
    `levels=${fw.levels.length}`,
    `groups=${groups.join(',')}`,
    `elements=${fw.elements.map((el) => `${el.id}@${el.group}`).join(',')}`,
  ].join('\n');
}

export function frameworkHash(fw: HashableFramework): string {
  return fnv1a32(frameworkCanonicalString(fw));
}
