/** Real Chromium for the browser tests (Debian's chromium, driven by playwright-core). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium was not found at ${path}. The browser tests need it: install Debian's package with ` +
        '"sudo apt-get update && sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  return path;
}

/**
 * The command-line flags every headless Chromium here runs with (tests, screenshots, Lighthouse): no
 * sandbox, GPU or QUIC, and none of the background traffic (updates, sync) a fresh profile starts.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Chromium for one test file. Its contexts block service workers unless a test asks for them with
 * `serviceWorkers: 'allow'` (test/e2e/offline.test.ts): otherwise every page of every test would start
 * precaching the whole portal in the background, which is slow and not what those tests check.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'banso-profile-'));
}
