/** "Today" for review-due badges: the build date, or BANSO_TODAY (YYYY-MM-DD) for reproducible builds. */
export function buildDate(
  env: Record<string, string | undefined> = typeof process !== 'undefined' ? process.env : {},
): string {
  const fixed = env.BANSO_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}
