/**
 * How much of the map the panels cover, measured from the real element sizes (issue 8): on a
 * phone the feature panel is a bottom sheet and the filters a drawer over the map, so the camera
 * must aim at the centre of what is left. Pure geometry plus one hook that observes the layout;
 * the store keeps the numbers and the map adapter applies them.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import type { MapPadding } from '../state/types';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Padding from overlays lying over the map: an overlay touching the left or right edge and
 * taller than wide pads that side by its overlap; otherwise one touching the top or bottom pads
 * that side. Overlays that do not overlap the map count for nothing.
 */
export function paddingFromRects(map: Rect, overlays: readonly Rect[]): MapPadding {
  const padding: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const o of overlays) {
    const left = Math.max(map.left, o.left);
    const right = Math.min(map.right, o.right);
    const top = Math.max(map.top, o.top);
    const bottom = Math.min(map.bottom, o.bottom);
    if (right <= left || bottom <= top) continue;
    const width = right - left;
    const height = bottom - top;
    const mapWidth = map.right - map.left;
    const mapHeight = map.bottom - map.top;
    // Covering (almost) all of the map leaves nothing to centre in: ignore rather than invert.
    if (width >= mapWidth - 1 && height >= mapHeight - 1) continue;
    if (height / mapHeight >= width / mapWidth) {
      if (left <= map.left + 1) padding.left = Math.max(padding.left, Math.round(width));
      else if (right >= map.right - 1) padding.right = Math.max(padding.right, Math.round(width));
    } else if (bottom >= map.bottom - 1) padding.bottom = Math.max(padding.bottom, Math.round(height));
    else if (top <= map.top + 1) padding.top = Math.max(padding.top, Math.round(height));
  }
  return padding;
}

/** Elements that may lie over the map. */
const OVERLAYS = '.feature-panel, .province-panel, .sidebar, .feature-list';

/** Keeps the store's mapPadding equal to what the panels cover, as they open, close and resize. */
export function useMapPadding() {
  useEffect(() => {
    const main = document.querySelector('.app-main');
    if (!main) return;
    const measure = () => {
      const map = document.querySelector('.map-area');
      if (!map) return;
      const overlays = [...document.querySelectorAll<HTMLElement>(OVERLAYS)]
        // Only panels that float over the map (a drawer, a bottom sheet); side-by-side columns shrink it instead.
        .filter((el) => getComputedStyle(el).position === 'absolute' && getComputedStyle(el).display !== 'none')
        .map((el) => el.getBoundingClientRect());
      appStore.getState().setMapPadding(paddingFromRects(map.getBoundingClientRect(), overlays));
    };
    const resize = new ResizeObserver(measure);
    const observeAll = () => {
      resize.disconnect();
      resize.observe(main);
      for (const el of document.querySelectorAll(`${OVERLAYS}, .map-area`)) resize.observe(el);
      measure();
    };
    // Panels mount and unmount with the selection, and the drawer opens with a class change.
    const mutations = new MutationObserver(observeAll);
    // Not the subtree: the map's own DOM labels change on every move.
    mutations.observe(main, { childList: true });
    const center = main.querySelector('.center');
    if (center) mutations.observe(center, { childList: true });
    const app = main.closest('.app');
    if (app) mutations.observe(app, { attributes: true, attributeFilter: ['class'] });
    observeAll();
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, []);
}
