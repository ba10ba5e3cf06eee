/**
 * Country and province labels as DOM markers. The offline map ships no glyph files, and MapLibre
 * symbol layers need them; DOM text uses the page's fonts (Noto Sans and Noto Sans SC, bundled),
 * so Vietnamese diacritics and Chinese characters render offline. There are only ~20 labels.
 */
import * as maplibregl from 'maplibre-gl';
import { displayName, type AtlasData } from '../data/model';
import type { Language } from '../state/types';
import { FAN_TIERS } from './fan-out';
import type { Box } from './place-labels';
import { listen } from './map-events';

/** Feature names appear from this zoom on, where points no longer crowd each other. */
export const FEATURE_LABEL_MIN_ZOOM = 9;
/** How far inside the map's edge an edge-held province label sits, in px. */
const EDGE_MARGIN_X = 70;
const EDGE_MARGIN_Y = 16;
/** Labels further out than this are really elsewhere and are not pulled in. */
const EDGE_REACH = 450;

export interface LabelLayer {
  update(language: Language, day: string): void;
  /** Shows names only for the features that pass the filters. */
  setVisibleFeatures(ids: ReadonlySet<string>): void;
  /** Boxes (map container pixels) of the feature names shown now: place names yield to them. */
  occupied(): Box[];
  destroy(): void;
}

interface CountryLabel {
  a3: string;
  name_en: string;
  name_vi: string;
  name_zh: string;
  position: [number, number];
}

function countryLabels(data: AtlasData): CountryLabel[] {
  return (data.basemap?.labels ?? []).map((l) => ({
    a3: l.properties.a3,
    name_en: l.properties.name_en,
    name_vi: l.properties.name_vi,
    name_zh: l.properties.name_zh,
    position: l.geometry.coordinates,
  }));
}

function makeElement(className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  element.setAttribute('aria-hidden', 'true');
  return element;
}

export function createLabels(
  map: maplibregl.Map,
  data: AtlasData,
  onProvinceClick: (id: string) => void,
  /** Where a feature's marker is drawn at a zoom (markers spread apart at close zoom). */
  drawnAt: (id: string, position: [number, number], zoom: number) => [number, number] = (_id, position) => position,
  /** Called after each collision pass, when the names shown may have changed. */
  onDecluttered: () => void = () => {},
): LabelLayer {
  const countries = countryLabels(data).map((label) => {
    const element = makeElement(`map-label map-label--country map-label--${label.a3.toLowerCase()}`);
    const marker = new maplibregl.Marker({ element }).setLngLat(label.position).addTo(map);
    return { label, element, marker };
  });
  const provinces = [...data.provinces.values()]
    .filter((p) => p.label)
    .map((province) => {
      // Province labels are buttons: they open the province's panel (keyboard reachable too).
      const element = document.createElement('button');
      element.type = 'button';
      element.className = `map-label map-label--province map-label--${province.country.toLowerCase()}`;
      element.dataset.province = province.id;
      element.addEventListener('click', (event) => {
        event.stopPropagation();
        onProvinceClick(province.id);
      });
      const marker = new maplibregl.Marker({ element }).setLngLat([province.label!.lng, province.label!.lat]);
      return { province, element, marker, shown: false };
    });
  // Feature names: Vietnamese sides below their point, Chinese sides above, so a pair's two names
  // do not sit on each other. Shown from FEATURE_LABEL_MIN_ZOOM on, and only for the features in
  // (or just around) the view that pass the filters: a marker on the map costs a transform on every
  // frame and a box in every collision pass, which with 20,000 features took minutes (issue 12).
  const featureLabels = data.features.map((feature) => {
    const element = makeElement(`map-label map-label--feature map-label--${feature.properties.side.toLowerCase()}`);
    element.dataset.feature = feature.properties.id;
    const marker = new maplibregl.Marker({ element, anchor: feature.properties.side === 'VN' ? 'top' : 'bottom', offset: [0, feature.properties.side === 'VN' ? 8 : -8] }).setLngLat(
      feature.geometry.coordinates as [number, number],
    );
    return { feature, element, marker, attached: false, drawnTier: -2 };
  });
  const container = map.getContainer();
  /** Ids that pass the filters; null until the adapter first says (then every feature passes). */
  let visibleIds: ReadonlySet<string> | null = null;
  let language: Language | null = null;

  const tierAt = (zoom: number) => FAN_TIERS.findIndex((t) => zoom >= t.from && zoom < t.to);
  /**
   * Attaches the names of the features that pass the filters and lie within the view grown by half
   * its size on each side (so a short pan finds them there), and detaches the others. Positions are
   * projected from the data, not read from the DOM.
   */
  const cull = () => {
    const zoom = map.getZoom();
    const on = zoom >= FEATURE_LABEL_MIN_ZOOM;
    container.classList.toggle('show-feature-labels', on);
    const tier = tierAt(zoom);
    const width = container.clientWidth;
    const height = container.clientHeight;
    for (const entry of featureLabels) {
      const id = entry.feature.properties.id;
      let want = on && (!visibleIds || visibleIds.has(id));
      let position: [number, number] | null = null;
      if (want) {
        position = drawnAt(id, entry.feature.geometry.coordinates as [number, number], zoom);
        const { x, y } = map.project(position);
        want = x > -width / 2 && x < width * 1.5 && y > -height / 2 && y < height * 1.5;
      }
      if (want && !entry.attached) {
        if (language && !entry.element.textContent) entry.element.textContent = displayName(entry.feature.properties.names, language);
        entry.marker.addTo(map);
        entry.attached = true;
      } else if (!want && entry.attached) {
        entry.marker.remove();
        entry.attached = false;
      }
      // Labels move to their marker's drawn position when the zoom enters another fan-out tier.
      if (entry.attached && entry.drawnTier !== tier && position) {
        entry.marker.setLngLat(position);
        entry.drawnTier = tier;
      }
    }
  };
  const attached = () => featureLabels.filter((entry) => entry.attached);
  let shownZoomSide = map.getZoom() >= FEATURE_LABEL_MIN_ZOOM;
  let shownTier = tierAt(map.getZoom());
  const onZoom = () => {
    // Crossing the names' zoom or a fan-out tier re-lays them at once; the rest waits for moveend.
    const zoom = map.getZoom();
    const side = zoom >= FEATURE_LABEL_MIN_ZOOM;
    const tier = tierAt(zoom);
    if (side === shownZoomSide && tier === shownTier) return;
    shownZoomSide = side;
    shownTier = tier;
    cull();
  };
  // Greedy collision pass after each move: labels are in data order (gates first), and a label
  // that would overlap one already placed is hidden until the view changes. All writes that
  // change layout come first, then every read (one layout for all labels), then the writes:
  // reading a box between two writes forced a layout per label.
  const declutter = () => {
    if (map.getZoom() < FEATURE_LABEL_MIN_ZOOM) return;
    const shown = attached();
    for (const { element } of shown) element.classList.remove('map-label--collided');
    const boxes = shown.map(({ element }) => element.getBoundingClientRect());
    const placed: DOMRect[] = [];
    const collided: HTMLElement[] = [];
    boxes.forEach((box, i) => {
      if (placed.some((p) => box.left < p.right && box.right > p.left && box.top < p.bottom && box.bottom > p.top)) collided.push(shown[i].element);
      else placed.push(box);
    });
    for (const element of collided) element.classList.add('map-label--collided');
    onDecluttered();
  };
  const onMoveEnd = () => {
    cull();
    declutter();
  };

  // A province whose label point (its capital) lies just outside the view — Kunming and Nanning
  // in the opening view — keeps its name at the nearest edge, with an arrow, instead of vanishing.
  // The map's size, read on resize only: reading it on every move would force a layout per frame.
  let width = container.clientWidth;
  let height = container.clientHeight;
  const onResize = () => {
    width = container.clientWidth;
    height = container.clientHeight;
    placeProvinces();
  };
  const placeProvinces = () => {
    for (const entry of provinces) {
      if (!entry.shown) continue;
      const home: [number, number] = [entry.province.label!.lng, entry.province.label!.lat];
      const { x, y } = map.project(home);
      const outside = x < 0 || x > width || y < 0 || y > height;
      const near = x > -EDGE_REACH && x < width + EDGE_REACH && y > -EDGE_REACH && y < height + EDGE_REACH;
      if (outside && near) {
        const cx = Math.min(Math.max(x, EDGE_MARGIN_X), width - EDGE_MARGIN_X);
        const cy = Math.min(Math.max(y, EDGE_MARGIN_Y), height - EDGE_MARGIN_Y);
        entry.marker.setLngLat(map.unproject([cx, cy]));
        entry.element.dataset.edge = y < 0 ? 'top' : y > height ? 'bottom' : x < 0 ? 'left' : 'right';
      } else if (entry.element.dataset.edge) {
        // Back home once; a label at home moves with the map by itself.
        entry.marker.setLngLat(home);
        delete entry.element.dataset.edge;
      }
    }
  };
  const unlisten = listen(map, { zoom: onZoom, moveend: onMoveEnd, move: placeProvinces, resize: onResize });
  cull();
  return {
    occupied() {
      if (map.getZoom() < FEATURE_LABEL_MIN_ZOOM) return [];
      const origin = container.getBoundingClientRect();
      const boxes: Box[] = [];
      // Province names win over place names too (a province seat shares the province's name).
      // An element's box in container pixels, or nothing when it is hidden or out of the view.
      const add = (element: HTMLElement) => {
        const r = element.getBoundingClientRect();
        if (r.width === 0 || r.right < origin.left || r.left > origin.right || r.bottom < origin.top || r.top > origin.bottom) return;
        boxes.push({ left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top });
      };
      for (const { element, shown } of provinces) if (shown) add(element);
      for (const { element } of attached()) if (!element.classList.contains('map-label--collided')) add(element);
      return boxes;
    },
    setVisibleFeatures(ids) {
      visibleIds = ids;
      cull();
      declutter();
    },
    update(nextLanguage, day) {
      // Names are written when a label is attached; a language change rewrites the attached ones
      // and clears the others (written again when they come into view).
      if (nextLanguage !== language) {
        language = nextLanguage;
        for (const { feature, element, attached: on } of featureLabels) element.textContent = on ? displayName(feature.properties.names, nextLanguage) : '';
      }
      declutter();
      for (const { label, element } of countries) {
        element.textContent = language === 'vi' ? label.name_vi : language === 'zh' ? label.name_zh : label.name_en;
      }
      for (const entry of provinces) {
        const { province } = entry;
        // A province shows only on days it existed: Hà Giang before 1 July 2025, Tuyên Quang's
        // border label after. Provinces with no dates always show.
        const exists = (!province.validFrom || day >= province.validFrom) && (!province.validTo || day <= province.validTo);
        entry.element.textContent = displayName(province.names, language);
        if (exists && !entry.shown) entry.marker.addTo(map);
        if (!exists && entry.shown) entry.marker.remove();
        entry.shown = exists;
      }
      placeProvinces();
    },
    destroy() {
      unlisten();
      for (const { marker } of featureLabels) marker.remove();
      for (const { marker } of countries) marker.remove();
      for (const { marker } of provinces) marker.remove();
    },
  };
}
