/** Main-thread long tasks of a Playwright page, for tests that report how a page kept responding. */
import type { Page } from 'playwright-core';

/**
 * Starts watching the page's main thread for long tasks (PerformanceObserver 'longtask': every task
 * over 50 ms) from now on; the returned function gives their durations in ms so far.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}
