/**
 * Which rows of a long list to render: only those in the scroll viewport plus a margin, so a list
 * of 20,000 features costs as much DOM as one screenful. Rows have one fixed height (the list's
 * CSS holds them to it), so the range follows from the scroll position alone, without measuring.
 */
export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Height of the unrendered rows above and below, in px, kept as spacers so the scrollbar is true. */
  padTop: number;
  padBottom: number;
}

/** Lists up to this long render every row (the real data is ~100 features; find-in-page keeps working). */
export const WINDOW_THRESHOLD = 300;

export function rowWindow(count: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan = 20): RowWindow {
  if (count <= WINDOW_THRESHOLD) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The scrollTop that puts row `index` in the middle of the viewport. */
export function scrollTopCentring(index: number, viewportHeight: number, rowHeight: number): number {
  return Math.max(0, index * rowHeight - viewportHeight / 2 + rowHeight / 2);
}
