/** What a Playwright page holds in localStorage. */
import type { Page } from 'playwright-core';

/** The page's localStorage entries whose keys start with `prefix` ('' for all), as key → value. */
export const storedEntries = (page: Page, prefix: string): Promise<Record<string, string | null>> =>
  page.evaluate(
    (p) =>
      Object.fromEntries(
        Object.keys(localStorage)
          .filter((k) => k.startsWith(p))
          .map((k) => [k, localStorage.getItem(k)]),
      ),
    prefix,
  );
