/**
 * A short structural fingerprint of a framework, stored in every assessment.
 *
 * It covers what decides how a rating is read: the element ids in order, the group of each element,
 * the group ids in order of first use and the number of levels. Adding, removing, renaming, moving
 * or reordering an element, or changing the scale, changes the hash; rewording a descriptor, a name
 * or a signal does not. Pure string arithmetic, so Node and every browser give the same result.
 */

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

/** 32-bit FNV-1a over the UTF-8 bytes of `text`, as 8 lower-case hex digits. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  const add = (byte: number) => {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate is written as U+FFFD, as TextEncoder does
    if (c < 0x80) add(c);
    else if (c < 0x800) {
      add(0xc0 | (c >> 6));
      add(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      add(0xe0 | (c >> 12));
      add(0x80 | ((c >> 6) & 0x3f));
      add(0x80 | (c & 0x3f));
    } else {
      add(0xf0 | (c >> 18));
      add(0x80 | ((c >> 12) & 0x3f));
      add(0x80 | ((c >> 6) & 0x3f));
      add(0x80 | (c & 0x3f));
    }
  }
  return h.toString(16).padStart(8, '0');
}

export function frameworkHash(fw: HashableFramework): string {
  return fnv1a32(frameworkCanonicalString(fw));
}
