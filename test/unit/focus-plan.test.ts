import { describe, expect, it } from 'vitest';
import {
  editFocus,
  focusStorageKey,
  MAX_FOCUS,
  parseFocus,
  serialiseFocus,
  toggleFocus,
} from '../../src/lib/assessment/focus-plan.ts';

describe('growth plan focus', () => {
  it('chooses up to three elements and refuses a fourth', () => {
    let f = toggleFocus([], 'a');
    f = toggleFocus(f, 'b');
    f = toggleFocus(f, 'c');
    expect(toggleFocus(f, 'd')).toBe(f);
    expect(f.map((x) => x.element)).toEqual(['a', 'b', 'c']);
    expect(toggleFocus(f, 'b').map((x) => x.element)).toEqual(['a', 'c']);
    expect(MAX_FOCUS).toBe(3);
  });
  it('edits actions and dates and round-trips through storage', () => {
    const f = editFocus(
      editFocus(toggleFocus([], 'customer-health'), 'customer-health', {
        action: 'Run the triage twice',
        date: '2027-01-31',
      }),
      'x',
      { action: 'ignored' },
    );
    expect(parseFocus(serialiseFocus(f))).toEqual([
      { element: 'customer-health', action: 'Run the triage twice', date: '2027-01-31' },
    ]);
    expect(editFocus(f, 'customer-health', { date: '' })[0]).toEqual({
      element: 'customer-health',
      action: 'Run the triage twice',
    });
    expect(focusStorageKey('cs-skills')).toBe('banso:plan:cs-skills');
  });
  it('drops what it cannot read instead of failing', () => {
    expect(parseFocus('nonsense')).toEqual([]);
    expect(parseFocus(null)).toEqual([]);
    expect(
      parseFocus(
        '{"format":1,"focus":[{"element":"a","date":"2027-02-30"},{"element":"a"},{"nope":1},{"element":"b","action":5},{"element":"c"},{"element":"d"}]}',
      ),
    ).toEqual([
      { element: 'a', action: '' },
      { element: 'b', action: '' },
      { element: 'c', action: '' },
    ]);
  });
});
