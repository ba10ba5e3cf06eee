import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopCentring, WINDOW_THRESHOLD } from '../../../src/lib/window-rows';

describe('rowWindow', () => {
  it('renders every row of a short list', () => {
    expect(rowWindow(WINDOW_THRESHOLD, 5000, 400, 30)).toEqual({ start: 0, end: WINDOW_THRESHOLD, padTop: 0, padBottom: 0 });
  });

  it('renders one screenful plus the margin of a 20,000-row list, with spacers for the rest', () => {
    const w = rowWindow(20_000, 30 * 1000, 300, 30, 20);
    expect(w.start).toBe(980);
    expect(w.end).toBe(1030);
    expect(w.padTop).toBe(980 * 30);
    expect(w.padBottom).toBe((20_000 - 1030) * 30);
  });

  it('clamps at both ends', () => {
    expect(rowWindow(20_000, -50, 300, 30, 20).start).toBe(0);
    const last = rowWindow(20_000, 30 * 20_000, 300, 30, 20);
    expect(last.end).toBe(20_000);
    expect(last.padBottom).toBe(0);
  });
});

describe('scrollTopCentring', () => {
  it('puts the row in the middle of the viewport, never above the top', () => {
    expect(scrollTopCentring(1000, 300, 30)).toBe(30 * 1000 - 150 + 15);
    expect(scrollTopCentring(2, 300, 30)).toBe(0);
  });
});
