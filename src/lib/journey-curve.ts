/**
 * Geometry of the journey's emotion/effort chart, computed at build time. Emotion (−5…+5) and effort
 * (1…7, drawn on the same vertical scale mapped to −5…+5 so high effort sits high) share the plot.
 */
export interface CurveStage {
  label: string;
  emotion: number;
  effort: number;
}

export function journeyCurve(stages: CurveStage[], width = 800, height = 260) {
  const plot = { left: 40, right: width - 20, top: 16, bottom: height - 34 };
  const n = stages.length;
  const x = (i: number) =>
    n === 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * i) / (n - 1);
  const y = (v: number) => plot.top + ((5 - v) / 10) * (plot.bottom - plot.top);
  // effort 1..7 → −5..+5
  const effortToScale = (e: number) => -5 + ((e - 1) / 6) * 10;
  const points = stages.map((s, i) => ({
    x: round(x(i)),
    emotionY: round(y(s.emotion)),
    effortY: round(y(effortToScale(s.effort))),
    label: s.label,
  }));
  return {
    width,
    height,
    plot,
    zeroY: round(y(0)),
    gridY: [5, -5].map((v) => ({ y: round(y(v)), label: v > 0 ? `+${v}` : String(v) })),
    points,
    emotionPoints: points.map((p) => `${p.x},${p.emotionY}`).join(' '),
    effortPoints: points.map((p) => `${p.x},${p.effortY}`).join(' '),
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
