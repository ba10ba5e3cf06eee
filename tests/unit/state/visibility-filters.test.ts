import { describe, expect, it } from 'vitest';
import { visibilityFilters } from '../../../src/state/selectors';
import { DEFAULT_FILTERS } from '../../../src/state/slices/filters';

describe('visibilityFilters', () => {
  it('returns the same object while only the search text changes, with the text blanked', () => {
    const first = visibilityFilters({ ...DEFAULT_FILTERS, query: 'l' });
    const second = visibilityFilters({ ...DEFAULT_FILTERS, query: 'la' });
    expect(second).toBe(first);
    expect(second.query).toBe('');
  });

  it('returns new filters when a filter that hides features changes', () => {
    const before = visibilityFilters({ ...DEFAULT_FILTERS, query: 'lao' });
    const after = visibilityFilters({ ...DEFAULT_FILTERS, query: 'lao', states: ['open'] });
    expect(after).not.toBe(before);
    expect(after.states).toEqual(['open']);
  });
});
