import { describe, expect, it } from 'vitest';
import { MAX_PROBLEM_LENGTH, summariseProblems, truncateText } from '../../../src/lib/problems';

describe('summariseProblems', () => {
  it('keeps at most six distinct lines and counts the rest', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Unknown status "x${i % 10}" ignored.`);
    const { shown, hidden } = summariseProblems(lines);
    expect(shown).toEqual(['Unknown status "x0" ignored.', 'Unknown status "x1" ignored.', 'Unknown status "x2" ignored.', 'Unknown status "x3" ignored.', 'Unknown status "x4" ignored.', 'Unknown status "x5" ignored.']);
    expect(hidden).toBe(4);
  });

  it('cuts a 50,000-character line to a readable length', () => {
    const { shown } = summariseProblems([`The linked feature "gate:${'a'.repeat(50_000)}" is not in the data.`]);
    expect(shown[0].length).toBe(MAX_PROBLEM_LENGTH);
    expect(shown[0].endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(MAX_PROBLEM_LENGTH - 2)}😀😀😀`;
    const cut = truncateText(text);
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });

  it('shows short lists whole', () => {
    expect(summariseProblems(['one', 'two'])).toEqual({ shown: ['one', 'two'], hidden: 0 });
  });
});
