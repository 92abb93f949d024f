/**
 * The one text fold for matching what people type against labels: NFKC (full-width → half-width,
 * half-width kana → full-width), surrounding white space trimmed, lower case. Every place that compares
 * free text this way (health scores, CSV value maps and headers, outcomes, team names) uses it, so two
 * spellings that one of them treats as the same are the same for all of them.
 */
export function foldForMatch(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase();
}
