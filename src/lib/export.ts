/**
 * Export of what is filtered: GeoJSON and CSV with names, class, status as of the day,
 * coordinates, precision and source ids. Pure functions; the panel turns them into downloads.
 */
import { classAsOf, statusAsOf, type AtlasFeature } from '../data/model';

export interface ExportRow {
  id: string;
  kind: string;
  side: string;
  name_vi: string;
  name_zh: string;
  name_pinyin: string;
  name_en: string;
  class: string;
  status: string;
  as_of: string;
  lng: number;
  lat: number;
  precision: string;
  source_ids: string;
}

export function exportRows(features: AtlasFeature[], day: string): ExportRow[] {
  return features.map((f) => {
    const p = f.properties;
    return {
      id: p.id,
      kind: p.kind,
      side: p.side,
      name_vi: p.names.vi ?? '',
      name_zh: p.names.zh ?? '',
      name_pinyin: p.names.pinyin ?? '',
      name_en: p.names.en ?? '',
      class: ('class' in p ? classAsOf(f, day) : null) ?? '',
      status: statusAsOf(f, day) ?? '',
      as_of: day,
      lng: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      precision: p.location.precision,
      source_ids: [...new Set([...p.sourceIds, ...p.location.sourceIds])].join(' '),
    };
  });
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula (OWASP: leading = + - @ tab CR) are prefixed with '. */
export function toCsv(rows: ExportRow[]): string {
  const header: (keyof ExportRow)[] = ['id', 'kind', 'side', 'name_vi', 'name_zh', 'name_pinyin', 'name_en', 'class', 'status', 'as_of', 'lng', 'lat', 'precision', 'source_ids'];
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n';
}

export function toGeoJson(features: AtlasFeature[], day: string) {
  const rows = exportRows(features, day);
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f, i) => ({ type: 'Feature' as const, geometry: f.geometry, properties: rows[i] })),
  };
}
