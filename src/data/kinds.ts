/**
 * The five kinds of point feature, in one table: the data file each lives in, its layer id (the
 * store's `layers` key and the URL's `layers=` value), its MapLibre source and layer ids, and the
 * enum-label keys for one feature and for the layer. Every other module (loader, validator,
 * scripts, map style and adapter, list, bench, tests) reads this table; none spells a kind's
 * file or layer name itself. The order is the display order and the click priority on the map
 * (where points overlap, the earlier kind wins).
 *
 * To add a kind: add it to `FeatureKind` in schema.ts, write its `*File` schema there, add a row
 * here and its labels in src/i18n.
 */
import type { Feature, Point } from 'geojson';
import type { z } from 'zod';
import { CommunesFile, GatesFile, MarketsFile, OpeningsFile, PostsFile, type AtlasProperties, type FeatureKind } from './schema';

/** What every feature file schema parses to, as far as the loader and validator care. */
export type FeatureFileSchema = z.ZodType<{ features: Feature<Point, AtlasProperties>[] }>;

export interface KindInfo<L extends string = string> {
  kind: FeatureKind;
  /** Layer id: the store's `layers` key and the URL's `layers=` value. */
  layer: L;
  /** The file in public/geo. */
  file: string;
  schema: FeatureFileSchema;
  /** MapLibre source and layer ids. */
  sourceId: string;
  mapLayerId: string;
  /** Enum-label keys (src/i18n): one feature, and the layer as a whole. */
  label: { one: string; many: string };
  /** Gates and openings are coloured by their status as of the day. */
  hasStatus: boolean;
}

export const KINDS = [
  {
    kind: 'gate',
    layer: 'gates',
    file: 'gates.geojson',
    schema: GatesFile as unknown as FeatureFileSchema,
    sourceId: 'features-gates',
    mapLayerId: 'points-gates',
    label: { one: 'gate', many: 'gates' },
    hasStatus: true,
  },
  {
    kind: 'opening',
    layer: 'openings',
    file: 'openings.geojson',
    schema: OpeningsFile as unknown as FeatureFileSchema,
    sourceId: 'features-openings',
    mapLayerId: 'points-openings',
    label: { one: 'opening', many: 'openings' },
    hasStatus: true,
  },
  {
    kind: 'market',
    layer: 'markets',
    file: 'markets.geojson',
    schema: MarketsFile as unknown as FeatureFileSchema,
    sourceId: 'features-markets',
    mapLayerId: 'points-markets',
    label: { one: 'market', many: 'markets' },
    hasStatus: false,
  },
  {
    kind: 'commune',
    layer: 'communes',
    file: 'communes.geojson',
    schema: CommunesFile as unknown as FeatureFileSchema,
    sourceId: 'features-communes',
    mapLayerId: 'points-communes',
    label: { one: 'commune', many: 'communes' },
    hasStatus: false,
  },
  {
    kind: 'post',
    layer: 'posts',
    file: 'posts.geojson',
    schema: PostsFile as unknown as FeatureFileSchema,
    sourceId: 'features-posts',
    mapLayerId: 'points-posts',
    label: { one: 'post', many: 'posts' },
    hasStatus: false,
  },
] as const satisfies readonly KindInfo[];

export type LayerId = (typeof KINDS)[number]['layer'];

/** Layer ids in display order. */
export const LAYER_IDS: readonly LayerId[] = KINDS.map((k) => k.layer);

/** The table row of each kind. */
export const KIND: Record<FeatureKind, KindInfo<LayerId>> = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as Record<FeatureKind, KindInfo<LayerId>>;

/** The table row of each layer. */
export const KIND_OF_LAYER: Record<LayerId, KindInfo<LayerId>> = Object.fromEntries(KINDS.map((k) => [k.layer, k])) as Record<LayerId, KindInfo<LayerId>>;

export const LAYER_OF_KIND: Record<FeatureKind, LayerId> = Object.fromEntries(KINDS.map((k) => [k.kind, k.layer])) as Record<FeatureKind, LayerId>;

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}
