import { describe, expect, it } from 'vitest';
import { cellId, parsePosition, planeCounts, positionSpan, serialisePosition } from '../../src/lib/plane.ts';

describe('CS Ops plane', () => {
  it('counts each playbook once per layer it covers', () => {
    const c = planeCounts([
      { phase: 'onboarding', layers: ['process', 'content'] },
      { phase: 'onboarding', layers: ['process', 'process'] },
      { phase: 'renewal', layers: ['system-data'] },
    ]);
    expect(c.onboarding.process).toBe(2);
    expect(c.onboarding.content).toBe(1);
    expect(c.renewal['system-data']).toBe(1);
    expect(c.adoption.process).toBe(0);
    expect(Object.keys(c)).toHaveLength(7);
  });
  it('keeps a position and drops what it cannot read', () => {
    const cells = new Set([cellId('onboarding', 'process'), cellId('renewal', 'content')]);
    expect(parsePosition(serialisePosition(cells))).toEqual(cells);
    expect(parsePosition('{"format":1,"cells":["onboarding/process","moon/process",7]}')).toEqual(
      new Set(['onboarding/process']),
    );
    expect(parsePosition('garbage')).toEqual(new Set());
    expect(parsePosition(null)).toEqual(new Set());
    expect(positionSpan(cells)).toEqual({ phases: 2, layers: 2 });
  });
});
