/**
 * Text a person typed (names, notes, file names) shown or written next to our own words. Pure.
 *
 * - On the page, such text is isolated (HTML <bdi>, or the .isolate class = unicode-bidi: isolate), so
 *   a right-to-left override inside a name cannot reverse the rest of the line. Where only plain text
 *   is possible (an <option>, a chart label, a sentence with the name inside), isolate() wraps it in
 *   FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which ends any override the text leaves open.
 * - In exports (Markdown, CSV), bidi control characters are removed: a file has no isolation, the
 *   characters are invisible there and would reorder what follows. Right-to-left scripts still
 *   display correctly without them.
 */

/** ALM, LRM, RLM, embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The text between FSI and PDI (for plain-text places that cannot hold <bdi>). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
