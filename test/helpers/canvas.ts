/** Proof that a chart really drew: the number of non-transparent pixels on a canvas. */
import type { Page } from 'playwright-core';

export function drawnPixelsOf(page: Page, canvasSelector: string): Promise<number> {
  return page.$eval(canvasSelector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}
