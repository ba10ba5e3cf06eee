/**
 * The app's view of the data once loaded and validated: typed features of every layer, lookup
 * tables, and pure questions about time ("status as of a date").
 */
import type { Feature, LineString, Point } from 'geojson';
import type { BasemapFile } from './schema-geometry';
import { comparePartialDates, periodStart, type IsoDay } from '../lib/dates';
import { distanceKm } from '../lib/distance';
import { withVietnameseSpelling } from '../lib/text';
import type {
  BorderLength,
  Agreement,
  AtlasEvent,
  AtlasProperties,
  GateClass,
  GateStatus,
  Province,
  Source,
  StatusChange,
} from './schema';

import { LAYER_OF_KIND, type LayerId } from './kinds';

// The kinds table lives in kinds.ts; these re-exports keep older imports working.
export { LAYER_IDS, LAYER_OF_KIND, type LayerId } from './kinds';

export type AtlasFeature = Feature<Point, AtlasProperties>;

export interface BorderInfo {
  line: Feature<LineString>;
  lengthKm: number;
  officialLengthKm: number;
  source: string;
  licence: string;
}

export interface AtlasData {
  features: AtlasFeature[];
  byId: Map<string, AtlasFeature>;
  sources: Map<string, Source>;
  agreements: Agreement[];
  events: AtlasEvent[];
  provinces: Map<string, Province>;
  /** Published lengths of the whole border, longest first (provinces.json). */
  borderLengths: BorderLength[];
  border: BorderInfo | null;
  /** The offline basemap: country polygons, river-gap fills, the no-data frame and country labels. */
  basemap: BasemapFile | null;
}

/** Builds the lookup tables from validated collections. Throws nothing; duplicates keep the first. */
export function buildAtlasData(parts: {
  features: AtlasFeature[];
  sources: Source[];
  agreements: Agreement[];
  events: AtlasEvent[];
  provinces: Province[];
  borderLengths?: BorderLength[];
  border: BorderInfo | null;
  basemap?: BasemapFile | null;
}): AtlasData {
  const byId = new Map<string, AtlasFeature>();
  for (const feature of parts.features) if (!byId.has(feature.properties.id)) byId.set(feature.properties.id, feature);
  return {
    features: parts.features,
    byId,
    sources: new Map(parts.sources.map((s) => [s.id, s])),
    agreements: parts.agreements,
    events: [...parts.events].sort((a, b) => comparePartialDates(b.date, a.date)),
    provinces: new Map(parts.provinces.map((p) => [p.id, p])),
    borderLengths: [...(parts.borderLengths ?? [])].sort((a, b) => b.km - a.km),
    border: parts.border,
    basemap: parts.basemap ?? null,
  };
}

export function layerOf(feature: AtlasFeature): LayerId {
  return LAYER_OF_KIND[feature.properties.kind];
}

function historyOf(feature: AtlasFeature): StatusChange[] {
  const p = feature.properties;
  return 'statusHistory' in p && p.statusHistory ? p.statusHistory : [];
}

/** The status history sorted oldest first. */
export function sortedHistory(feature: AtlasFeature): StatusChange[] {
  return [...historyOf(feature)].sort((a, b) => comparePartialDates(a.date, b.date));
}

/**
 * Status as of a day: the last change on or before it that sets a status; null before the first
 * record (the feature did not exist yet, as far as the sources tell).
 */
export function statusAsOf(feature: AtlasFeature, day: IsoDay): GateStatus | null {
  let status: GateStatus | null = null;
  for (const change of sortedHistory(feature)) {
    if (periodStart(change.date) > day) break;
    if (change.status) status = change.status;
  }
  return status;
}

/**
 * Class as of a day: the last class change on or before it. A feature whose history records no
 * class change has had its current class throughout; one whose first recorded class change is
 * later than the day had an earlier class the sources do not give, so the answer is null.
 */
export function classAsOf(feature: AtlasFeature, day: IsoDay): GateClass | null {
  const p = feature.properties;
  if (!('class' in p)) return null;
  const changes = sortedHistory(feature).filter((c) => c.class);
  if (changes.length === 0) return p.class;
  let value: GateClass | null = null;
  for (const change of changes) if (periodStart(change.date) <= day) value = change.class ?? value;
  return value;
}

/** Province ids a feature belongs to on a day, plus every id it ever had when day is null. */
export function provincesOf(feature: AtlasFeature, day: IsoDay | null): string[] {
  const ids = new Set<string>();
  for (const period of feature.properties.admin) {
    if (day && ((period.validFrom && day < period.validFrom) || (period.validTo && day > period.validTo))) continue;
    ids.add(period.provinceId);
  }
  return [...ids];
}

/** Every province id a feature has had (old and new names), for filtering by either. */
export function allProvincesOf(feature: AtlasFeature): string[] {
  return [...new Set(feature.properties.admin.map((p) => p.provinceId))];
}

/** Display name in the preferred language, falling back through the others. */
export function displayName(names: AtlasProperties['names'], language: 'vi' | 'en' | 'zh'): string {
  const order = language === 'zh' ? [names.zh, names.vi, names.en] : language === 'vi' ? [names.vi, names.en, names.zh] : [names.en, names.vi, names.zh];
  const name = order.find(Boolean) ?? '';
  // Vietnamese places keep their diacritics in English too ("Lào Cai", not "Lao Cai").
  return language === 'en' && name === names.en ? withVietnameseSpelling(name, names.vi) : name;
}

/** Events that concern a feature (directly, or through its pair), newest first. */
export function eventsForFeature(data: AtlasData, feature: AtlasFeature): AtlasEvent[] {
  const ids = new Set([feature.properties.id]);
  if (feature.properties.counterpartId) ids.add(feature.properties.counterpartId);
  return data.events.filter((e) => e.featureIds.some((id) => ids.has(id)));
}

export function agreementsForFeature(data: AtlasData, feature: AtlasFeature): Agreement[] {
  const ids = new Set([feature.properties.id]);
  if (feature.properties.counterpartId) ids.add(feature.properties.counterpartId);
  return data.agreements.filter((a) => a.featureIds.some((id) => ids.has(id)));
}

/** The counterpart features across the border (explicit counterpartId, else same pairId). */
export function counterpartsOf(data: AtlasData, feature: AtlasFeature): AtlasFeature[] {
  const p = feature.properties;
  if (p.counterpartId) {
    const c = data.byId.get(p.counterpartId);
    if (c) return [c];
  }
  if (!p.pairId) return [];
  return data.features.filter((f) => f.properties.pairId === p.pairId && f.properties.side !== p.side);
}

/**
 * Other features drawn within `meters` of this one. Estimated points that start from the same
 * anchor land on the same spot (a gate, its market and its post at one commune), and a click
 * there can only pick one; the panel lists the rest so each stays reachable.
 */
export function sharingPosition(data: AtlasData, feature: AtlasFeature, meters = 60): AtlasFeature[] {
  const here = feature.geometry.coordinates;
  return data.features.filter((other) => other !== feature && distanceKm(here, other.geometry.coordinates) * 1000 <= meters);
}
