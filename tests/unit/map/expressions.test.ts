import { describe, expect, it } from 'vitest';
import { idFilter, pairLinkFilter, sameExpression } from '../../../src/map/expressions';
import { diffIds, diffValues } from '../../../src/map/feature-state';
import { deepFreeze } from '../../fixtures/factories';

/** The ids a filter built by idFilter lets through (reads the literal list out of the expression). */
function idsIn(filter: unknown): string[] {
  const [op, getter, literal] = filter as [string, unknown, [string, string[]]];
  expect(op).toBe('in');
  expect(getter).toEqual(['get', 'id']);
  expect(literal[0]).toBe('literal');
  return literal[1];
}

describe('idFilter', () => {
  it('matches the promoted id against a literal list', () => {
    expect(idFilter(['a', 'b'])).toEqual(['in', ['get', 'id'], ['literal', ['a', 'b']]]);
  });

  it('copies the list, so later changes to the caller array do not leak into the map', () => {
    const ids = ['a'];
    const filter = idFilter(ids);
    ids.push('b');
    expect(idsIn(filter)).toEqual(['a']);
  });

  it('shows nothing for an empty list', () => {
    expect(idsIn(idFilter([]))).toEqual([]);
  });
});

describe('pairLinkFilter', () => {
  const link = (id: string, vn: string, cn: string) => ({ id, ends: [vn, cn] as const });
  // Link ids are opaque: the filter reads the ends, never the id's text.
  const links = deepFreeze([link('link-a', 'a-vn', 'a-cn'), link('link-b', 'b-vn', 'b-cn'), link('link-c', 'c-vn', 'c-cn')]);

  it('shows a link only when both of its ends are visible', () => {
    expect(idsIn(pairLinkFilter(['a-vn', 'a-cn', 'b-vn', 'c-cn'], links))).toEqual(['link-a']);
  });

  it('shows no link when nothing is visible', () => {
    expect(idsIn(pairLinkFilter([], links))).toEqual([]);
  });
});

describe('sameExpression', () => {
  it('is true for structurally equal expressions built separately', () => {
    expect(sameExpression(idFilter(['a', 'b']), idFilter(['a', 'b']))).toBe(true);
  });

  it('is false when the order or a nested value differs', () => {
    expect(sameExpression(idFilter(['a', 'b']), idFilter(['b', 'a']))).toBe(false);
    expect(sameExpression(['==', ['get', 'side'], 'VN'], ['==', ['get', 'side'], 'CN'])).toBe(false);
  });
});

describe('diffIds', () => {
  it('sets only the new ids and clears only the dropped ones', () => {
    expect(diffIds(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual({ set: ['c'], clear: ['a'] });
  });

  it('does nothing when the sets are equal', () => {
    expect(diffIds(new Set(['a']), new Set(['a']))).toEqual({ set: [], clear: [] });
  });
});

describe('diffValues', () => {
  it('reports changed and new values, and null for removed ids', () => {
    const previous = new Map([
      ['a', 'operating'],
      ['b', 'closed'],
      ['c', 'planned'],
    ]);
    const next = new Map([
      ['a', 'operating'],
      ['b', 'restored'],
      ['d', 'suspended'],
    ]);
    expect(diffValues(previous, next)).toEqual([
      ['b', 'restored'],
      ['d', 'suspended'],
      ['c', null],
    ]);
  });

  it('is empty for equal maps', () => {
    expect(diffValues(new Map([['a', 1]]), new Map([['a', 1]]))).toEqual([]);
  });
});
