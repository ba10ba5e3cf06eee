/**
 * DATA_FILES: every file in public/geo with the zod schema that parses it. The app's loader, the
 * CI validator, the data scripts and the JSON Schema export all read this registry.
 */
import type { z } from 'zod';
import { KINDS, type FeatureFileSchema, type LayerId } from './kinds';
import { AgreementsFile, EventsFile, ProvincesFile, SourcesFile } from './schema';
import { BasemapFile, BorderFile } from './schema-geometry';

export interface DataFile<S extends z.ZodType = z.ZodType> {
  /** File name in public/geo. */
  file: string;
  schema: S;
  /**
   * The key of the file's list of records, where it has one: the loader checks each record on
   * its own with the list's item schema, so a bad record costs that record, not the file.
   */
  items?: string;
}

const featureFiles = Object.fromEntries(KINDS.map((k) => [k.layer, { file: k.file, schema: k.schema, items: 'features' }])) as Record<LayerId, DataFile<FeatureFileSchema>>;

export const DATA_FILES = {
  ...featureFiles,
  sources: { file: 'sources.json', schema: SourcesFile, items: 'sources' },
  agreements: { file: 'agreements.json', schema: AgreementsFile, items: 'agreements' },
  events: { file: 'events.json', schema: EventsFile, items: 'events' },
  provinces: { file: 'provinces.json', schema: ProvincesFile, items: 'provinces' },
  border: { file: 'border.geojson', schema: BorderFile },
  basemap: { file: 'basemap.geojson', schema: BasemapFile },
} as const satisfies Record<string, DataFile>;

export type DataFileName = keyof typeof DATA_FILES;

/** The curated files (hand-edited, validated in CI); border and basemap are generated. */
export const CURATED_FILES = [...KINDS.map((k) => k.layer), 'sources', 'agreements', 'events', 'provinces'] as const satisfies readonly DataFileName[];
export type CuratedFileName = (typeof CURATED_FILES)[number];
