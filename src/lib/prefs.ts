/**
 * View choices a person makes once and expects to find again (show the target role, radar or bars).
 * Kept in one small localStorage entry; anything unreadable gives the defaults. Pure.
 */
export const PREFS_KEY = 'banso:prefs';
export type ChartView = 'radar' | 'bars';
export interface Prefs {
  reveal?: boolean;
  view?: ChartView;
  teamView?: ChartView;
}

const VIEWS: readonly string[] = ['radar', 'bars'];

export function parsePrefs(raw: string | null): Prefs {
  let v: Record<string, unknown> = {};
  try {
    const x = JSON.parse(raw ?? '{}') as unknown;
    if (x && typeof x === 'object' && !Array.isArray(x)) v = x as Record<string, unknown>;
  } catch {
    /* defaults */
  }
  const out: Prefs = {};
  if (typeof v.reveal === 'boolean') out.reveal = v.reveal;
  if (VIEWS.includes(v.view as string)) out.view = v.view as ChartView;
  if (VIEWS.includes(v.teamView as string)) out.teamView = v.teamView as ChartView;
  return out;
}

export function serialisePrefs(p: Prefs): string {
  return JSON.stringify(parsePrefs(JSON.stringify(p)));
}

/**
 * A chart label broken into lines of about `width` characters: at spaces for spaced scripts, anywhere
 * for Japanese; at most `maxLines` lines, the last one ending in "…" only when text had to be dropped.
 */
export function wrapLabel(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  if (/\s/.test(text.trim())) {
    let line = '';
    for (const w of text.trim().split(/\s+/)) {
      if (line && `${line} ${w}`.length > width) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
  } else {
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(1, width - 1))}…`;
  return kept;
}
