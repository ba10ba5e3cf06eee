/**
 * Fetches every data file, validates it with its zod schema (the DATA_FILES registry) and returns
 * typed collections plus a list of problems. A file that fails to load or parse drops only its own
 * layer; the problem names the file, so the banner can say exactly what is missing.
 */
import type { z } from 'zod';
import { DATA_FILES, type DataFile } from './files';
import { KINDS } from './kinds';
import { buildAtlasData, type AtlasData, type AtlasFeature, type BorderInfo } from './model';
import type { BorderFile } from './schema-geometry';

export interface LoadProblem {
  file: string;
  message: string;
}

export type Fetcher = (path: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

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

/** Parses an already fetched value with a file's schema; null and a problem when it does not match. */
export function parseDataFile<T>(entry: DataFile<z.ZodType<T>>, value: unknown, problems: LoadProblem[]): T | null {
  const parsed = entry.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.push({ file: entry.file, message: `does not match the schema: ${describeIssues(parsed.error)}` });
  return null;
}

async function loadValidated<T>(fetcher: Fetcher, base: string, entry: DataFile<z.ZodType<T>>, problems: LoadProblem[]): Promise<T | null> {
  const { value, problem } = await fetchJson(fetcher, base, entry.file);
  if (problem) {
    problems.push(problem);
    return null;
  }
  return parseDataFile(entry, value, problems);
}

function borderInfo(file: BorderFile | null): BorderInfo | null {
  const line = file?.features[0];
  if (!line) return null;
  const p = line.properties;
  return { line, lengthKm: p.lengthKm, officialLengthKm: p.officialLengthKm, source: p.source, licence: p.licence };
}

/** Loads all data. Never throws: every failure becomes a LoadProblem. */
export async function loadAtlasData(fetcher: Fetcher, base: string): Promise<{ data: AtlasData; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const [featureFiles, sources, agreements, events, provinces, border, basemap] = await Promise.all([
    Promise.all(KINDS.map((k) => loadValidated(fetcher, base, DATA_FILES[k.layer], problems))),
    loadValidated(fetcher, base, DATA_FILES.sources, problems),
    loadValidated(fetcher, base, DATA_FILES.agreements, problems),
    loadValidated(fetcher, base, DATA_FILES.events, problems),
    loadValidated(fetcher, base, DATA_FILES.provinces, problems),
    loadValidated(fetcher, base, DATA_FILES.border, problems),
    loadValidated(fetcher, base, DATA_FILES.basemap, problems),
  ]);
  const features: AtlasFeature[] = featureFiles.flatMap((f) => f?.features ?? []);
  const data = buildAtlasData({
    features,
    sources: sources?.sources ?? [],
    agreements: agreements?.agreements ?? [],
    events: events?.events ?? [],
    provinces: provinces?.provinces ?? [],
    borderLengths: provinces?.borderLengths ?? [],
    border: borderInfo(border),
    basemap,
  });
  return { data, problems };
}
