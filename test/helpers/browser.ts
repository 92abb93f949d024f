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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'banso-profile-'));
}
