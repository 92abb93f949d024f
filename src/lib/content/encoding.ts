/**
 * Content files must be UTF-8. A file saved in another encoding (often Shift_JIS from a Japanese
 * editor) would otherwise end in a YAML error or build a page full of U+FFFD; this names the file and
 * what it looks like instead, in one line.
 */

/** Whether the bytes are valid UTF-8 (a BOM is allowed). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding non-UTF-8 bytes look like, for the message: "Shift_JIS", "UTF-16" or null (unknown). */
export function guessEncoding(bytes: Uint8Array): 'Shift_JIS' | 'UTF-16' | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'UTF-16';
  try {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    // Shift_JIS that decodes to Japanese (kana or kanji), not only to half-width katakana noise.
    if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) return 'Shift_JIS';
  } catch {
    // not Shift_JIS either
  }
  return null;
}

/** The problem message for a file that is not UTF-8, or null when it is. */
export function encodingProblem(bytes: Uint8Array): string | null {
  if (isUtf8(bytes)) return null;
  const guess = guessEncoding(bytes);
  return `not UTF-8${guess ? ` (looks like ${guess})` : ''}; save it as UTF-8`;
}
