/**
 * Glossary pages: plain sentences before formulas, and where the portal itself puts a term to work
 * (health models that measure it, playbooks that name it, onboarding items that teach it). Pure.
 */

/** Split a definition into sentences (English ". ", Japanese "。"), keeping the punctuation. */
const CJK = '\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef';
const WRAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

export function sentences(text: string): string[] {
  // A line wrap between two Japanese characters in a content file is not a space.
  return text.replace(WRAP, '').split(/(?<=[.。!?！？])\s*(?=\S)/u).map((s) => s.trim()).filter(Boolean);
}

const FORMULA = /[=＝÷×]|\s\/\s/;

/** The definition as plain sentences first, then the sentences that state a formula (in their order). */
export function plainThenFormula(text: string): { plain: string[]; formula: string[] } {
  const all = sentences(text);
  return { plain: all.filter((s) => !FORMULA.test(s)), formula: all.filter((s) => FORMULA.test(s)) };
}

export interface PortalUse { kind: 'health-model' | 'playbook' | 'tool'; id: string }

/**
 * Where the portal uses a term: health models with a measure of the same id (or every model for the
 * health score itself), playbooks with the same id or whose objective or metrics name the term.
 */
export function portalUses(term: { id: string; names: string[] }, models: { id: string; measures: string[] }[],
  playbooks: { id: string; text: string }[], max = 5): PortalUse[] {
  const out: PortalUse[] = [];
  for (const m of models) if (term.id === 'health-score' || m.measures.includes(term.id)) out.push({ kind: 'health-model', id: m.id });
  if (term.id === 'health-score') out.push({ kind: 'tool', id: 'simulator' });
  const names = term.names.map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = names.length ? new RegExp(`(^|[^a-z])(${names.map(esc).join('|')})([^a-z]|$)`, 'i') : null;
  const pbs = playbooks.filter((p) => p.id === term.id || (re !== null && re.test(p.text)));
  for (const p of pbs.slice(0, max)) out.push({ kind: 'playbook', id: p.id });
  return out;
}
