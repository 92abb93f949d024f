/** Fails fast, with a clear message, when the build output or Chromium is missing. */
import { existsSync } from 'node:fs';
import { chromiumPath } from '../helpers/browser.ts';
import { distDir } from '../helpers/dist.ts';

export default function setup() {
  if (!existsSync(`${distDir()}/index.html`))
    throw new Error(`${distDir()}/ is missing: run \`npm run build\` first (npm test does it for you).`);
  chromiumPath();
}
