/**
 * A band's symbol: a distinct shape per band (lowest = cross in an octagon, then triangle, diamond,
 * square, highest = circle with a tick) in the band's colour, always shown next to the band's label:
 * colour is never the only signal.
 */
export type BandShape = 'octagon' | 'triangle' | 'diamond' | 'square' | 'circle';
const MIDDLE: BandShape[] = ['triangle', 'diamond', 'square'];

/** Shape of band `index` of `count` bands: the lowest and highest are fixed, the ones between differ too. */
export function bandShape(index: number, count: number): BandShape {
  if (index <= 0) return 'octagon';
  if (index >= count - 1) return 'circle';
  return MIDDLE[(index - 1) % MIDDLE.length];
}

const PATHS: Record<BandShape, string> = {
  octagon: 'M5.9 1h8.2L19 5.9v8.2L14.1 19H5.9L1 14.1V5.9z',
  triangle: 'M10 1.5 19 18H1z',
  diamond: 'M10 1 19 10 10 19 1 10z',
  square: 'M2.5 2.5h15v15h-15z',
  circle: 'M10 1a9 9 0 1 1 0 18 9 9 0 1 1 0-18z',
};
const INNER: Record<BandShape, string> = {
  octagon: 'M6.5 6.5l7 7M13.5 6.5l-7 7',
  triangle: 'M10 7v5M10 14.5v1',
  diamond: 'M6.5 10h7',
  square: 'M6.5 10h7',
  circle: 'M5.8 10.2l2.8 2.8 5.6-6',
};

/** Dark or white inner mark, whichever stands out more on the band colour (#rrggbb). */
function inkOn(colour: string): string {
  const n = parseInt(colour.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#1d2320' : '#ffffff';
}

export function BandMark({
  index,
  count,
  colour,
  className = 'band-mark',
}: {
  index: number;
  count: number;
  colour: string;
  className?: string;
}) {
  const shape = bandShape(index, count);
  return (
    <svg className={className} viewBox="0 0 20 20" aria-hidden="true" focusable="false" data-shape={shape}>
      <path d={PATHS[shape]} fill={colour} stroke="#1d2320" strokeWidth="1" strokeLinejoin="round" />
      <path d={INNER[shape]} fill="none" stroke={inkOn(colour)} strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
