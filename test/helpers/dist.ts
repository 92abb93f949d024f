/** The built site the build and browser tests read: dist/, or BANSO_DIST when set. */
export function distDir(): string {
  return process.env.BANSO_DIST || 'dist';
}
