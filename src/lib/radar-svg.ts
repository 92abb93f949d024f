/** Geometry of a static radar chart (build-time SVG for role profiles). Pure. */
export interface RadarValues {
  values: number[];
}

export function radarGeometry(axes: string[], series: RadarValues[], max: number, size = 420) {
  const cx = size / 2;
  const cy = size / 2;
  const r = size / 2 - 70;
  const n = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const pt = (i: number, v: number) => {
    const k = (Math.max(0, Math.min(max, v)) / max) * r;
    return [round(cx + k * Math.cos(angle(i))), round(cy + k * Math.sin(angle(i)))] as const;
  };
  const rings = Array.from({ length: max }, (_, j) => axes.map((_, i) => pt(i, j + 1).join(',')).join(' '));
  const spokes = axes.map((_, i) => ({ x2: pt(i, max)[0], y2: pt(i, max)[1] }));
  const labels = axes.map((label, i) => {
    const a = angle(i);
    const x = round(cx + (r + 14) * Math.cos(a));
    const y = round(cy + (r + 14) * Math.sin(a));
    const anchor = Math.abs(Math.cos(a)) < 0.2 ? 'middle' : Math.cos(a) > 0 ? 'start' : 'end';
    return { label, x, y: y + (Math.sin(a) > 0.2 ? 10 : Math.sin(a) < -0.2 ? -4 : 4), anchor };
  });
  const polygons = series.map((s) => s.values.map((v, i) => pt(i, v).join(',')).join(' '));
  return { size, cx, cy, rings, spokes, labels, polygons };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
