/**
 * The editable part of a growth plan: the 2–3 elements a person chooses to focus on, each with the
 * actions they agree and a date to review it. Kept per framework in the browser. Pure.
 */
import { isIsoDate } from '../onboarding-progress.ts';

export const MAX_FOCUS = 3;
export const FOCUS_FORMAT = 1;
export interface FocusItem {
  element: string;
  action: string;
  date?: string;
}

export function focusStorageKey(frameworkId: string): string {
  return `banso:plan:${frameworkId}`;
}

/** Saved focus items; anything unreadable is dropped, never thrown. */
export function parseFocus(raw: string | null): FocusItem[] {
  try {
    const v = JSON.parse(raw ?? 'null') as { format?: unknown; focus?: unknown } | null;
    if (!v || v.format !== FOCUS_FORMAT || !Array.isArray(v.focus)) return [];
    const out: FocusItem[] = [];
    for (const f of v.focus as Record<string, unknown>[]) {
      if (!f || typeof f.element !== 'string' || out.some((o) => o.element === f.element) || out.length >= MAX_FOCUS)
        continue;
      out.push({
        element: f.element,
        action: typeof f.action === 'string' ? f.action.slice(0, 2000) : '',
        ...(isIsoDate(f.date) ? { date: f.date } : {}),
      });
    }
    return out;
  } catch {
    return [];
  }
}

export function serialiseFocus(focus: FocusItem[]): string {
  return JSON.stringify({ format: FOCUS_FORMAT, focus });
}

/** Choose or drop an element; a fourth choice is refused (returns the list unchanged). */
export function toggleFocus(focus: FocusItem[], element: string): FocusItem[] {
  if (focus.some((f) => f.element === element)) return focus.filter((f) => f.element !== element);
  if (focus.length >= MAX_FOCUS) return focus;
  return [...focus, { element, action: '' }];
}

export function editFocus(
  focus: FocusItem[],
  element: string,
  patch: Partial<Omit<FocusItem, 'element'>>,
): FocusItem[] {
  return focus.map((f) => {
    if (f.element !== element) return f;
    const next = { ...f, ...patch };
    if (!next.date) delete next.date;
    return next;
  });
}
