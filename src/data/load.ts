/**
 * Fetches every data file, validates it with the zod schemas and returns typed collections plus a
 * list of problems. A file that fails to load or parse drops only its own layer; the problem
 * names the file, so the banner can say exactly what is missing.
 */
import type { z } from 'zod';
import {
  AgreementsFile,
  CommunesFile,
  EventsFile,
  GatesFile,
  MarketsFile,
  OpeningsFile,
  PostsFile,
  ProvincesFile,
  SourcesFile,
} from './schema';
import { buildAtlasData, type AtlasData, type AtlasFeature, type BorderInfo } from './model';
import type { Feature, LineString } from 'geojson';

export interface LoadProblem {
  file: string;
  message: string;
}

export type Fetcher = (path: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

const FEATURE_FILES = [
  ['gates.geojson', GatesFile],
  ['openings.geojson', OpeningsFile],
  ['markets.geojson', MarketsFile],
  ['communes.geojson', CommunesFile],
  ['posts.geojson', PostsFile],
] as const;

function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return first.join('; ') + more;
}

async function fetchJson(fetcher: Fetcher, base: string, file: string): Promise<{ value?: unknown; problem?: LoadProblem }> {
  try {
    const response = await fetcher(`${base}${file}`);
    if (!response.ok) return { problem: { file, message: `could not be loaded (HTTP ${response.status})` } };
    const text = await response.text();
    // Dev and preview servers answer a missing file with the app's own page (SPA fallback).
    if (/^\s*<(!doctype|html)/i.test(text)) return { problem: { file, message: 'was not found (the server sent a web page instead)' } };
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { problem: { file, message: `is not valid JSON (${(error as Error).message})` } };
    }
  } catch (error) {
    return { problem: { file, message: `could not be loaded (${(error as Error).message})` } };
  }
}

async function loadValidated<T>(fetcher: Fetcher, base: string, file: string, schema: z.ZodType<T>, problems: LoadProblem[]): Promise<T | null> {
  const { value, problem } = await fetchJson(fetcher, base, file);
  if (problem) {
    problems.push(problem);
    return null;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    problems.push({ file, message: `does not match the schema: ${describeIssues(parsed.error)}` });
    return null;
  }
  return parsed.data;
}

function parseBorder(value: unknown): BorderInfo | null {
  const collection = value as { features?: Feature<LineString, Record<string, unknown>>[] } | null;
  const line = collection?.features?.[0];
  if (!line || line.geometry?.type !== 'LineString' || !Array.isArray(line.geometry.coordinates) || line.geometry.coordinates.length < 2) return null;
  const p = line.properties ?? {};
  return {
    line,
    lengthKm: Number(p.lengthKm) || 0,
    officialLengthKm: Number(p.officialLengthKm) || 0,
    source: String(p.source ?? ''),
    licence: String(p.licence ?? ''),
  };
}

/** Loads all data. Never throws: every failure becomes a LoadProblem. */
export async function loadAtlasData(fetcher: Fetcher, base: string): Promise<{ data: AtlasData; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const [featureFiles, sources, agreements, events, provinces, borderRaw] = await Promise.all([
    Promise.all(FEATURE_FILES.map(([file, schema]) => loadValidated(fetcher, base, file, schema as z.ZodType<{ features: unknown[] }>, problems))),
    loadValidated(fetcher, base, 'sources.json', SourcesFile, problems),
    loadValidated(fetcher, base, 'agreements.json', AgreementsFile, problems),
    loadValidated(fetcher, base, 'events.json', EventsFile, problems),
    loadValidated(fetcher, base, 'provinces.json', ProvincesFile, problems),
    fetchJson(fetcher, base, 'border.geojson'),
  ]);
  if (borderRaw.problem) problems.push(borderRaw.problem);
  const border = borderRaw.value === undefined ? null : parseBorder(borderRaw.value);
  if (borderRaw.value !== undefined && !border) problems.push({ file: 'border.geojson', message: 'has no border line' });
  const features = featureFiles.flatMap((f) => (f ? (f.features as AtlasFeature[]) : []));
  const data = buildAtlasData({
    features,
    sources: sources?.sources ?? [],
    agreements: agreements?.agreements ?? [],
    events: events?.events ?? [],
    provinces: provinces?.provinces ?? [],
    borderLengths: provinces?.borderLengths ?? [],
    border,
  });
  return { data, problems };
}
