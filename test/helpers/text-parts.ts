/** Assertions on generated text (Markdown exports and the like). */
import { expect } from 'vitest';

/** Asserts that `text` contains every one of `parts`; a failure lists all the missing parts at once. */
export function expectAllIn(text: string, parts: readonly string[]): void {
  expect(
    parts.filter((p) => !text.includes(p)),
    'parts missing from the text',
  ).toEqual([]);
}
