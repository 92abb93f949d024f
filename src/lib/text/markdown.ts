/** Writing Markdown from user and content text (growth plan, 1:1 agenda, team summary). */
import { BIDI_CONTROLS } from '../text-direction.ts';

/** Inline characters Markdown (CommonMark + GFM) gives meaning to anywhere in a line. */
const INLINE = /[\\`*_[\]<>&|~#!]/g;

/**
 * Escape user or content text for use inside a Markdown line. Line breaks become spaces, and a
 * character that only means something at the start of a line (#, >, -, +, =, "1.") is escaped there.
 */
export function escapeMarkdown(text: string): string {
  const s = String(text ?? '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(BIDI_CONTROLS, '') // invisible in a file, they would reorder the rest of the line (lib/text-direction.ts)
    .replace(/\t/g, ' ')
    .replace(INLINE, (c) => `\\${c}`);
  return s.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line text (evidence, notes) as a block quote, each line trimmed and escaped. */
export function markdownQuote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .map((line) => (line ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

/** Fills `{name}` placeholders of a (translated) template; unknown placeholders stay as written. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}
