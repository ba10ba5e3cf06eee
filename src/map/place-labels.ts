/**
 * Place names of the context layer as DOM labels (no glyph files: see ARCHITECTURE.md). Only the
 * places MapLibre has drawn in the current view get a label: queryRenderedFeatures does the
 * viewport culling and the zoom-by-rank filter. Collision is computed from projected points and
 * estimated text widths; the only boxes read from the DOM are the markers' names (labels.ts),
 * once per refresh, because those win: a place name yields where it would cover one. Elements
 * come from a pool and are only written (text, transform), never measured.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Language } from '../state/types';
import { CONTEXT_LAYER, CONTEXT_SOURCE } from './context';
import { listen } from './map-events';

/** At most this many place names at once: more would not be readable anyway. */
export const MAX_PLACE_LABELS = 60;

export interface PlaceLabelProps {
  id: string;
  name_vi: string;
  name_zh: string;
  name_en: string;
  country: string;
  rank: number;
}

export function placeName(p: PlaceLabelProps, language: Language): string {
  if (language === 'zh') return p.name_zh || (p.country === 'VN' ? p.name_vi : p.name_en);
  if (language === 'vi') return p.name_vi || p.name_en;
  return p.name_en || p.name_vi;
}

/** Width of a label in px at the label font size: CJK characters are about square, Latin narrower. */
export function estimateTextWidth(text: string, fontPx = 12): number {
  let width = 0;
  for (const ch of text) width += /[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? fontPx : fontPx * 0.58;
  return Math.ceil(width);
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

export type LabelSide = 'right' | 'left' | 'above' | 'below';
/** Where a place's name may go, in order of preference: beside its dot, then above or below it. */
const SIDES: LabelSide[] = ['right', 'left', 'above', 'below'];
const LABEL_HEIGHT = 16;
const GAP = 6;

/** The box a label of this width takes on one side of its dot at (x, y). */
export function labelBox(x: number, y: number, width: number, side: LabelSide): Box {
  if (side === 'right' || side === 'left') {
    const left = side === 'right' ? x + GAP : x - GAP - width;
    return { left, right: left + width, top: y - LABEL_HEIGHT / 2, bottom: y + LABEL_HEIGHT / 2 };
  }
  const top = side === 'above' ? y - GAP / 2 - LABEL_HEIGHT : y + GAP / 2;
  return { left: x - width / 2, right: x + width / 2, top, bottom: top + LABEL_HEIGHT };
}

/**
 * Greedy placement in the given order (rank first): a label goes right of its dot, else left,
 * above or below; one that fits nowhere is dropped. `blocked` boxes — the names of the markers,
 * which win over place names — are avoided too.
 */
export function placeLabels(
  candidates: { id: string; x: number; y: number; width: number }[],
  viewport: { width: number; height: number },
  blocked: Box[] = [],
  max = MAX_PLACE_LABELS,
): { id: string; x: number; y: number; side: LabelSide }[] {
  const placed: Box[] = [...blocked];
  const out: { id: string; x: number; y: number; side: LabelSide }[] = [];
  for (const c of candidates) {
    if (out.length >= max) break;
    if (c.x < 0 || c.y < 0 || c.x > viewport.width || c.y > viewport.height) continue;
    for (const side of SIDES) {
      const box = labelBox(c.x, c.y, c.width, side);
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      out.push({ id: c.id, x: c.x, y: c.y, side });
      break;
    }
  }
  return out;
}

export interface PlaceLabelLayer {
  /** Places the names again (after the marker names moved or changed). */
  refresh(): void;
  setLanguage(language: Language): void;
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

/**
 * `occupied` gives the boxes (container pixels) already taken by the markers' names: a place name
 * that would collide with one is moved to another side of its dot or left out.
 */
export function createPlaceLabels(map: maplibregl.Map, initialLanguage: Language, occupied: () => Box[] = () => []): PlaceLabelLayer {
  let language = initialLanguage;
  let enabled = true;
  const overlay = document.createElement('div');
  overlay.className = 'place-labels';
  overlay.setAttribute('aria-hidden', 'true');
  map.getContainer().appendChild(overlay);
  const pool: HTMLDivElement[] = [];
  /** What is shown: the element, its place's position and the side of the dot it sits on. */
  let shown: { element: HTMLDivElement; lngLat: [number, number]; side: LabelSide }[] = [];
  let width = map.getContainer().clientWidth;
  let height = map.getContainer().clientHeight;

  const element = (i: number) => {
    while (pool.length <= i) {
      const e = document.createElement('div');
      e.className = 'map-label map-label--place';
      overlay.appendChild(e);
      pool.push(e);
    }
    return pool[i];
  };

  const position = (entry: (typeof shown)[number]) => {
    const { x, y } = map.project(entry.lngLat);
    // translateX(-100%) puts a left-side label's right edge at the dot; -50% centres one above or below it.
    const box = labelBox(x, y, 0, entry.side);
    const shift = entry.side === 'left' ? ' translateX(-100%)' : entry.side === 'right' ? '' : ' translateX(-50%)';
    entry.element.style.transform = `translate(${Math.round(box.left)}px, ${Math.round(box.top)}px)${shift}`;
  };

  const refresh = () => {
    // Reads (from MapLibre, not the DOM) first…
    let candidates: { id: string; x: number; y: number; width: number; props: PlaceLabelProps; lngLat: [number, number] }[] = [];
    if (enabled && map.getLayer(CONTEXT_LAYER.places)) {
      const seen = new Set<string>();
      for (const f of map.queryRenderedFeatures({ layers: [CONTEXT_LAYER.places] })) {
        const props = f.properties as PlaceLabelProps;
        if (seen.has(props.id) || f.geometry.type !== 'Point') continue;
        seen.add(props.id);
        const lngLat = f.geometry.coordinates as [number, number];
        const { x, y } = map.project(lngLat);
        candidates.push({ id: props.id, x, y, width: estimateTextWidth(placeName(props, language)), props, lngLat });
      }
      candidates = candidates.sort((a, b) => a.props.rank - b.props.rank || a.id.localeCompare(b.id));
    }
    const placed = placeLabels(candidates, { width, height }, candidates.length ? occupied() : []);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    // …then writes only.
    shown = placed.map((p, i) => {
      const c = byId.get(p.id)!;
      const e = element(i);
      const name = placeName(c.props, language);
      if (e.textContent !== name) e.textContent = name;
      e.lang = c.props.name_zh && language === 'zh' ? 'zh' : c.props.country === 'VN' ? 'vi' : language;
      e.dataset.place = c.id;
      e.classList.toggle('map-label--place-cn', c.props.country === 'CN');
      e.hidden = false;
      return { element: e, lngLat: c.lngLat, side: p.side };
    });
    for (let i = placed.length; i < pool.length; i++) pool[i].hidden = true;
    for (const entry of shown) position(entry);
  };
  const follow = () => {
    for (const entry of shown) position(entry);
  };
  const onResize = () => {
    width = map.getContainer().clientWidth;
    height = map.getContainer().clientHeight;
    refresh();
  };
  // The places arrive from the worker after the layer is added: label them once they are drawn.
  let sourceReady = false;
  const onSourceData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
    if (sourceReady || event.sourceId !== CONTEXT_SOURCE.places || !event.isSourceLoaded) return;
    sourceReady = true;
    map.once('idle', refresh);
  };
  // After a move the new view's tiles may still be loading: label again once the map is idle.
  const onMoveEnd = () => {
    refresh();
    map.once('idle', refresh);
  };
  const unlisten = listen(map, { move: follow, moveend: onMoveEnd, resize: onResize, sourcedata: onSourceData });
  return {
    refresh,
    setLanguage(next) {
      language = next;
      refresh();
    },
    setEnabled(next) {
      enabled = next;
      refresh();
    },
    destroy() {
      unlisten();
      // A refresh may still be waiting for the next idle (map.once above).
      map.off('idle', refresh);
      overlay.remove();
    },
  };
}
