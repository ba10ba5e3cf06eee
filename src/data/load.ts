/**
 * Fetches every data file, validates it with its zod schema (the DATA_FILES registry) and returns
 * typed collections plus a list of problems. A bad record costs one record: the files that hold a
 * list (features, sources, agreements, events, provinces) are checked one item at a time with the
 * item schema of the file's own schema, so one string coordinate or one `javascript:` URL drops
 * that record and keeps the rest. Ids are unique within each file and across the feature files;
 * a repeated id keeps the first record. A file that fails to load or parse drops only itself.
 * Every problem names the file, the record (id, or `#index` when it has no readable id) and why.
 */
import { z } from 'zod';
import { DATA_FILES, type DataFile } from './files';
import { KINDS } from './kinds';
import { buildAtlasData, type AtlasData, type AtlasFeature, type BorderInfo } from './model';
import type { BasemapFile, BorderFile } from './schema-geometry';

/**
 * Why a file or a record was dropped. The banner words each reason in the UI language
 * (`harden2.load.<reason>` in src/i18n); `detail` is the technical part (HTTP status, parser or
 * schema message) and stays as the browser or the schema gave it.
 */
export type LoadReason = 'fetch' | 'html' | 'json' | 'schema' | 'record' | 'duplicate';

export interface LoadProblem {
  file: string;
  reason: LoadReason;
  /** The record that was dropped: its id, or `#index` in the file's list; absent when the whole file was. */
  record?: string;
  /** HTTP status, parser message, schema issues, or (duplicate) the file that holds the first record. */
  detail: string;
  /** True when the problem drops the whole file of a map layer ("that layer is not shown"). */
  layer: boolean;
}

export type Fetcher = (path: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** Longest zod detail kept per problem; the banner cuts the sentence again. */
const MAX_ISSUES = 3;

function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > MAX_ISSUES ? ` (+${error.issues.length - MAX_ISSUES} more)` : '';
  return first.join('; ') + more;
}

const LAYER_FILES = new Set<string>(KINDS.map((k) => k.file));

async function fetchJson(fetcher: Fetcher, base: string, file: string): Promise<{ value?: unknown; problem?: LoadProblem }> {
  const layer = LAYER_FILES.has(file);
  try {
    const response = await fetcher(`${base}${file}`);
    if (!response.ok) return { problem: { file, reason: 'fetch', detail: `HTTP ${response.status}`, layer } };
    const text = await response.text();
    // Dev and preview servers answer a missing file with the app's own page (SPA fallback).
    if (/^\s*<(!doctype|html)/i.test(text)) return { problem: { file, reason: 'html', detail: '', layer } };
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { problem: { file, reason: 'json', detail: (error as Error).message, layer } };
    }
  } catch (error) {
    return { problem: { file, reason: 'fetch', detail: (error as Error).message, layer } };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id a raw item carries (`id`, or `properties.id` for a GeoJSON feature), if it is a string. */
function rawId(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const id = isRecord(item.properties) ? item.properties.id : item.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** The item schema of a file schema's list, read from the schema itself (so there is no second schema to keep in step). */
function itemSchemaOf(schema: z.ZodType, key: string): z.ZodType | null {
  if (!(schema instanceof z.ZodObject)) return null;
  const list: unknown = schema.shape[key];
  return list instanceof z.ZodArray ? (list.element as z.ZodType) : null;
}

/**
 * Ids already taken, shared by the files that share an id space (the five feature files), so a
 * repeated id is dropped whether it repeats in its own file or in another.
 */
export type IdRegistry = Map<string, string>;

/**
 * Parses an already fetched value with a file's schema. Files with a list (`items`) are checked
 * one item at a time: bad and duplicated items are dropped with a problem each, the rest kept.
 * Returns null, with a problem, only when the file as a whole cannot be used.
 */
export function parseDataFile<T>(entry: DataFile<z.ZodType<T>>, value: unknown, problems: LoadProblem[], ids: IdRegistry = new Map()): T | null {
  const layer = LAYER_FILES.has(entry.file);
  const key = entry.items;
  const itemSchema = key ? itemSchemaOf(entry.schema, key) : null;
  if (!key || !itemSchema || !isRecord(value) || !Array.isArray(value[key])) {
    const parsed = entry.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ file: entry.file, reason: 'schema', detail: describeIssues(parsed.error), layer });
    return null;
  }
  // The envelope (type, meta) with an empty list, then each item on its own.
  const envelope = entry.schema.safeParse({ ...value, [key]: [] });
  if (!envelope.success) {
    problems.push({ file: entry.file, reason: 'schema', detail: describeIssues(envelope.error), layer });
    return null;
  }
  const kept: unknown[] = [];
  (value[key] as unknown[]).forEach((item, index) => {
    const id = rawId(item);
    const record = id ?? `#${index}`;
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) {
      problems.push({ file: entry.file, record, reason: 'record', detail: describeIssues(parsed.error), layer: false });
      return;
    }
    if (id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined) {
        problems.push({ file: entry.file, record, reason: 'duplicate', detail: first, layer: false });
        return;
      }
      ids.set(id, entry.file);
    }
    kept.push(parsed.data);
  });
  return { ...(envelope.data as object), [key]: kept } as T;
}

function borderInfo(file: BorderFile | null): BorderInfo | null {
  const line = file?.features[0];
  if (!line) return null;
  const p = line.properties;
  return { line, lengthKm: p.lengthKm, officialLengthKm: p.officialLengthKm, source: p.source, licence: p.licence };
}

async function loadValidated<T>(fetcher: Fetcher, base: string, entry: DataFile<z.ZodType<T>>, problems: LoadProblem[]): Promise<T | null> {
  const { value, problem } = await fetchJson(fetcher, base, entry.file);
  if (problem) {
    problems.push(problem);
    return null;
  }
  return parseDataFile(entry, value, problems);
}

/** The border and the basemap: what the map needs to start, before any feature data. */
export interface GeometryParts {
  border: BorderInfo | null;
  basemap: BasemapFile | null;
}

/** Everything else, as plain validated collections (structured-cloneable, so a worker can send it). */
export type FeatureParts = Omit<Parameters<typeof buildAtlasData>[0], 'border' | 'basemap'>;

/** Loads and validates border.geojson and basemap.geojson. Never throws. */
export async function loadGeometry(fetcher: Fetcher, base: string): Promise<{ geometry: GeometryParts; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const [border, basemap] = await Promise.all([
    loadValidated(fetcher, base, DATA_FILES.border, problems),
    loadValidated(fetcher, base, DATA_FILES.basemap, problems),
  ]);
  return { geometry: { border: borderInfo(border), basemap }, problems };
}

/** Loads and validates the features and the other curated files, one record at a time. Never throws. */
export async function loadFeatureParts(fetcher: Fetcher, base: string): Promise<{ parts: FeatureParts; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const entries = [...KINDS.map((k) => DATA_FILES[k.layer]), DATA_FILES.sources, DATA_FILES.agreements, DATA_FILES.events, DATA_FILES.provinces];
  // Files arrive in any order, but the problems and the "first record wins" rule must not
  // depend on it: fetch everything first, then parse in the registry's order.
  const answers = await Promise.all(entries.map((entry) => fetchJson(fetcher, base, entry.file)));
  const fetched = new Map(entries.map((entry, i) => [entry.file, answers[i]]));
  const parse = <T,>(entry: DataFile<z.ZodType<T>>, ids?: IdRegistry): T | null => {
    const { value, problem } = fetched.get(entry.file) ?? {};
    if (problem) {
      problems.push(problem);
      return null;
    }
    return parseDataFile(entry, value, problems, ids);
  };
  const featureIds: IdRegistry = new Map();
  const featureFiles = KINDS.map((k) => parse(DATA_FILES[k.layer], featureIds));
  const sources = parse(DATA_FILES.sources);
  const agreements = parse(DATA_FILES.agreements);
  const events = parse(DATA_FILES.events);
  const provinces = parse(DATA_FILES.provinces);
  const features: AtlasFeature[] = featureFiles.flatMap((f) => f?.features ?? []);
  return {
    parts: {
      features,
      sources: sources?.sources ?? [],
      agreements: agreements?.agreements ?? [],
      events: events?.events ?? [],
      provinces: provinces?.provinces ?? [],
      borderLengths: provinces?.borderLengths ?? [],
    },
    problems,
  };
}

/** Loads all data. Never throws: every failure becomes a LoadProblem. */
export async function loadAtlasData(fetcher: Fetcher, base: string): Promise<{ data: AtlasData; problems: LoadProblem[] }> {
  const [geometry, features] = await Promise.all([loadGeometry(fetcher, base), loadFeatureParts(fetcher, base)]);
  return { data: buildAtlasData({ ...features.parts, ...geometry.geometry }), problems: [...features.problems, ...geometry.problems] };
}
