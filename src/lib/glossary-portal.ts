/**
 * Glossary pages: plain sentences before formulas, and where the portal itself puts a term to work
 * (health models that measure it, playbooks that name it, onboarding items that teach it). Pure.
 */

/**
 * Split a definition into sentences, keeping the punctuation: after "。！？" (Japanese, not inside a
 * closing quote or bracket), and after
 * ". ! ?" only when a space follows (so "2.0" stays whole) and not after "e.g." or "i.e.".
 */
const CJK = '\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef';
const WRAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');
const BREAK = /(?<=[。！？])(?![」』）”])\s*(?=\S)|(?<!\b(?:e\.g|i\.e|cf|vs)\.)(?<=[.!?])\s+(?=\S)/u;

export function sentences(text: string): string[] {
  // A line wrap between two Japanese characters in a content file is not a space.
  return text
    .replace(WRAP, '')
    .split(BREAK)
    .map((s) => s.trim())
    .filter(Boolean);
}

const FORMULA = /[=＝÷×]|\s\/\s/;

/**
 * A sentence that says what a term is and then gives its formula, either in a closing parenthesis
 * ("A score … (score = Σw·m/Σw).") or after a colon or semicolon ("The share …: used ÷ bought × 100."),
 * as the plain part and the formula; null when the sentence does not read that way.
 */
function splitLead(sentence: string): { plain: string; formula: string } | null {
  const end = /[.。]$/.test(sentence) ? sentence.slice(-1) : '';
  const body = end ? sentence.slice(0, -1) : sentence;
  const close = body.slice(-1);
  if (close === ')' || close === '）') {
    let depth = 0;
    for (let i = body.length - 1; i >= 0; i--) {
      const c = body[i];
      if (c === ')' || c === '）') depth++;
      else if ((c === '(' || c === '（') && --depth === 0) {
        const lead = body.slice(0, i).trimEnd();
        const inner = body.slice(i + 1, -1);
        return lead && FORMULA.test(inner) && !FORMULA.test(lead)
          ? { plain: lead + (end || '.'), formula: inner }
          : null;
      }
    }
    return null;
  }
  const at = body.search(FORMULA);
  const cut = Math.max(
    body.lastIndexOf(': ', at),
    body.lastIndexOf('; ', at),
    body.lastIndexOf('：', at),
    body.lastIndexOf('；', at),
  );
  if (cut <= 0) return null;
  const rest = body.slice(cut + 1).trim();
  return {
    plain: body.slice(0, cut).trimEnd() + (end || '.'),
    formula: rest.charAt(0).toUpperCase() + rest.slice(1) + end,
  };
}

/**
 * The definition as plain sentences first, then the formulas (in their order). A sentence that
 * describes the term and then gives its formula is split, so its description comes first.
 */
export function plainThenFormula(text: string): { plain: string[]; formula: string[] } {
  const plain: string[] = [];
  const formula: string[] = [];
  for (const s of sentences(text)) {
    if (!FORMULA.test(s)) {
      plain.push(s);
      continue;
    }
    const lead = splitLead(s);
    if (lead) {
      plain.push(lead.plain);
      formula.push(lead.formula);
    } else formula.push(s);
  }
  return { plain, formula };
}

export interface PortalUse {
  kind: 'health-model' | 'playbook' | 'tool';
  id: string;
}

/**
 * Where the portal uses a term: health models with a measure of the same id (or every model for the
 * health score itself), playbooks with the same id or whose objective or metrics name the term.
 */
export function portalUses(
  term: { id: string; names: string[] },
  models: { id: string; measures: string[] }[],
  playbooks: { id: string; text: string }[],
  max = 5,
): PortalUse[] {
  const out: PortalUse[] = [];
  for (const m of models)
    if (term.id === 'health-score' || m.measures.includes(term.id)) out.push({ kind: 'health-model', id: m.id });
  if (term.id === 'health-score') out.push({ kind: 'tool', id: 'simulator' });
  const names = term.names.map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = names.length ? new RegExp(`(^|[^a-z])(${names.map(esc).join('|')})([^a-z]|$)`, 'i') : null;
  const pbs = playbooks.filter((p) => p.id === term.id || re?.test(p.text));
  for (const p of pbs.slice(0, max)) out.push({ kind: 'playbook', id: p.id });
  return out;
}
