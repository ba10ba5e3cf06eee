/**
 * Export of what is filtered: GeoJSON and CSV with names, provinces, class, status as of the day,
 * coordinates, precision, counterpart and source ids. Pure functions; the panel turns them into
 * downloads.
 */
import { classAsOf, provincesOf, statusAsOf, type AtlasFeature } from '../data/model';

export interface ExportRow {
  id: string;
  kind: string;
  side: string;
  /** Province id(s) in force on the as-of day, joined by a space (two around a boundary change). */
  province: string;
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
  /** The feature across the border, where the data holds it; '' otherwise. */
  counterpart_id: string;
  source_ids: string;
}

/** CSV column order. Typed over every ExportRow key, so a new field cannot be left out of the CSV. */
const CSV_COLUMNS = Object.keys({
  id: true,
  kind: true,
  side: true,
  province: true,
  name_vi: true,
  name_zh: true,
  name_pinyin: true,
  name_en: true,
  class: true,
  status: true,
  as_of: true,
  lng: true,
  lat: true,
  precision: true,
  counterpart_id: true,
  source_ids: true,
} satisfies Record<keyof ExportRow, true>) as (keyof ExportRow)[];

/**
 * A UTF-8 byte order mark. Excel reads a CSV without one in the system code page, which turns
 * "Móng Cái" and "友谊关" into mojibake; with it, Excel (and every other reader) takes UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

/** One row per feature, with every dated value taken as of `day` (YYYY-MM-DD). */
export function exportRows(features: AtlasFeature[], day: string): ExportRow[] {
  return features.map((f) => {
    const p = f.properties;
    return {
      id: p.id,
      kind: p.kind,
      side: p.side,
      province: provincesOf(f, day).join(' '),
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
      counterpart_id: p.counterpartId ?? '',
      source_ids: [...new Set([...p.sourceIds, ...p.location.sourceIds])].join(' '),
    };
  });
}

/**
 * RFC 4180 CSV with CRLF line ends, starting with a UTF-8 byte order mark. Text cells that a
 * spreadsheet would run as a formula (OWASP: leading = + - @ tab CR) are prefixed with '.
 */
export function toCsv(rows: ExportRow[]): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((h) => cell(r[h])).join(','))];
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** A FeatureCollection of the features with the same properties as the CSV rows. */
export function toGeoJson(features: AtlasFeature[], day: string) {
  const rows = exportRows(features, day);
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f, i) => ({ type: 'Feature' as const, geometry: f.geometry, properties: rows[i] })),
  };
}
