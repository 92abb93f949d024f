import type { UIKey } from './ui.ts';

export type Dict = Record<UIKey, string>;
export type Translate = (key: UIKey, vars?: Record<string, string | number>) => string;

/** Translator over one language's dictionary (islands receive only their language's strings as a prop). */
export function translator(dict: Dict): Translate {
  return (key, vars) => {
    let s: string = dict[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
