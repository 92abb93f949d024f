import { describe, expect, it } from 'vitest';
import { journeyCurve } from '../../src/lib/journey-curve.ts';
import { radarGeometry } from '../../src/lib/radar-svg.ts';
import { bandRanges, groupShares, weightShares } from '../../src/lib/health/model-shares.ts';

describe('journey curve', () => {
  it('places +5 at the top, −5 at the bottom and maps effort 1–7 onto the same scale', () => {
    const g = journeyCurve([
      { label: 'a', emotion: 5, effort: 1 },
      { label: 'b', emotion: -5, effort: 7 },
      { label: 'c', emotion: 0, effort: 4 },
    ]);
    expect(g.points[0].emotionY).toBe(g.plot.top);
    expect(g.points[1].emotionY).toBe(g.plot.bottom);
    expect(g.points[0].effortY).toBe(g.plot.bottom);
    expect(g.points[1].effortY).toBe(g.plot.top);
    expect(g.points[2].emotionY).toBe(g.zeroY);
    expect(g.points[2].effortY).toBe(g.zeroY);
    expect(g.points[0].x).toBe(g.plot.left);
    expect(g.points[2].x).toBe(g.plot.right);
  });
});

describe('static radar', () => {
  it('puts the first axis straight up and scales by the framework maximum', () => {
    const g = radarGeometry(['a', 'b', 'c', 'd'], [{ values: [4, 0, 2, 8] }], 4, 400);
    const pts = g.polygons[0].split(' ').map((p) => p.split(',').map(Number));
    const r = 400 / 2 - 70;
    expect(pts[0]).toEqual([200, 200 - r]);
    expect(pts[1]).toEqual([200, 200]);
    expect(pts[2]).toEqual([200, 200 + r / 2]);
    expect(pts[3]).toEqual([200 - r, 200]); // clamped at max
    expect(g.rings).toHaveLength(4);
  });
});

describe('health model facts', () => {
  const m = {
    groups: [
      { id: 'u', label: { en: 'U' }, weight: 3 },
      { id: 'v', label: { en: 'V' }, weight: 1 },
    ],
    measures: [
      { id: 'a', group: 'u', weight: 1 },
      { id: 'b', group: 'u', weight: 3 },
      { id: 'c', group: 'v', weight: 5 },
    ],
    bands: [{ min: 0 }, { min: 50 }, { min: 75 }],
  } as never;
  it('turns any positive weights into % contributions', () => {
    const s = weightShares(m);
    expect(s.get('a')).toBeCloseTo(0.1875);
    expect(s.get('b')).toBeCloseTo(0.5625);
    expect(s.get('c')).toBeCloseTo(0.25);
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBeCloseTo(1);
    expect(groupShares(m).get('u')).toBeCloseTo(0.75);
  });
  it('describes band ranges', () => {
    expect(bandRanges(m).map((r) => r.label)).toEqual(['0–49', '50–74', '75–100']);
  });
});
