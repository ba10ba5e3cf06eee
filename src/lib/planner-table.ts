/**
 * The planner's table of what is shown: one row per feature with headers and values in the UI
 * language (labels, not slugs), names in every script, both sides of a pair named, the state
 * and since when, the province in force on the day, and the sources as titles with URLs. The
 * CSV, the XLSX and the briefing all read this one table. Pure: the caller passes `t`.
 */
import { classAsOf, counterpartsOf, displayName, provincesOf, sortedHistory, type AtlasData, type AtlasFeature } from '../data/model';
import type { Source } from '../data/schema';
import { enumLabel } from '../i18n';
import { statusAnswer } from '../data/planner-state';
import { fold } from './text';

export type Language = 'en' | 'vi' | 'zh';
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Column keys in output order. The header of key k is t(`meeting.col.${k}`). */
export const PLANNER_COLUMNS = [
  'name',
  'nameVi',
  'nameZh',
  'pinyin',
  'nameEn',
  'kind',
  'side',
  'class',
  'state',
  'status',
  'since',
  'reported',
  'province',
  'admin',
  'counterpart',
  'lat',
  'lng',
  'precision',
  'sources',
] as const;
export type PlannerColumn = (typeof PLANNER_COLUMNS)[number];
export type PlannerRow = Record<PlannerColumn, string | number> & { id: string };

export interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  date: string;
  url: string;
}

/** The admin periods in force on the day (two around a boundary change, one otherwise). */
export function adminOn(feature: AtlasFeature, day: string) {
  const periods = feature.properties.admin.filter((a) => !((a.validFrom && day < a.validFrom) || (a.validTo && day > a.validTo)));
  return periods.length ? periods : feature.properties.admin.slice(-1);
}

/** Commune, district, prefecture of a period, in the UI language where the data has it. */
export function adminWords(period: AtlasFeature['properties']['admin'][number], language: Language): string {
  const pick = (key: 'commune' | 'district' | 'prefecture') => (language === 'zh' && period.zh?.[key]) || period[key];
  return [pick('commune'), pick('district'), pick('prefecture')].filter(Boolean).join(language === 'zh' ? '，' : ', ');
}

export function provinceNamesOn(data: AtlasData, feature: AtlasFeature, day: string, language: Language): string {
  const ids = provincesOf(feature, day);
  const list = ids.length ? ids : [feature.properties.admin.at(-1)?.provinceId ?? ''];
  return list
    .map((id) => data.provinces.get(id))
    .filter((p) => p !== undefined)
    .map((p) => displayName(p.names, language))
    .join('; ');
}

/** Every source a feature's row rests on: names, position, anchor and its status history. */
export function rowSourceIds(feature: AtlasFeature): string[] {
  const p = feature.properties;
  return [...new Set([...p.sourceIds, ...p.location.sourceIds, ...(p.location.anchor?.sourceIds ?? []), ...sortedHistory(feature).flatMap((h) => h.sourceIds)])];
}

export function citedSource(data: AtlasData, id: string): CitedSource {
  const s: Source | undefined = data.sources.get(id);
  return { id, title: s?.title ?? id, publisher: s?.publisher ?? '', date: s?.date ?? '', url: s?.url ?? '' };
}

/** A counterpart named in every script the data has ("Hà Khẩu / 河口 / Hekou"). */
function allNames(names: AtlasFeature['properties']['names']): string {
  return [...new Set([names.vi, names.zh, names.en].filter(Boolean))].join(' / ');
}

export function plannerRows(data: AtlasData, features: AtlasFeature[], day: string, language: Language, t: Translate): PlannerRow[] {
  return features.map((f) => {
    const p = f.properties;
    // The planner state the panel and the list show, beside the detailed status it comes from.
    const state = statusAnswer(data, f, day);
    const klass = 'class' in p ? classAsOf(f, day) : null;
    const sources = rowSourceIds(f).map((id) => citedSource(data, id));
    return {
      id: p.id,
      name: displayName(p.names, language),
      nameVi: p.names.vi ?? '',
      nameZh: p.names.zh ?? '',
      pinyin: p.names.pinyin ?? '',
      nameEn: p.names.en ?? '',
      kind: enumLabel(language, p.kind),
      side: enumLabel(language, p.side),
      class: klass ? enumLabel(language, klass) : '',
      state: state ? t(`answers.states.${state.state}`) : '',
      status: state?.status ? enumLabel(language, state.status) : '',
      since: state?.since ?? '',
      reported: state?.reported ?? '',
      province: provinceNamesOn(data, f, day, language),
      admin: adminOn(f, day)
        .map((a) => adminWords(a, language))
        .filter(Boolean)
        .join('; '),
      counterpart: counterpartsOf(data, f)
        .map((c) => allNames(c.properties.names))
        .join('; '),
      lat: Number(f.geometry.coordinates[1].toFixed(5)),
      lng: Number(f.geometry.coordinates[0].toFixed(5)),
      precision: enumLabel(language, p.location.precision),
      sources: sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; '),
    };
  });
}

/** The sources the rows cite, each once, in first-cited order. */
export function plannerSources(data: AtlasData, features: AtlasFeature[]): CitedSource[] {
  const ids = [...new Set(features.flatMap(rowSourceIds))];
  return ids.map((id) => citedSource(data, id));
}

export function plannerHeaders(t: Translate): string[] {
  return PLANNER_COLUMNS.map((k) => t(`meeting.col.${k}`));
}

export function sourceHeaders(t: Translate): string[] {
  return ['id', 'title', 'publisher', 'date', 'url'].map((k) => t(`meeting.src.${k}`));
}

/**
 * A text cell a spreadsheet would run as a formula (OWASP: leading = + - @ tab CR) gets a
 * leading apostrophe, so it stays text. Numbers stay numbers.
 */
export function neutralise(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A UTF-8 byte order mark, so Excel reads "Móng Cái" and "友谊关" as UTF-8. */
export const BOM = '\uFEFF';

/** RFC 4180 CSV with CRLF line ends and a BOM, every text cell neutralised. */
export function csvOf(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(neutralise(value));
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function plannerCsv(rows: PlannerRow[], t: Translate): string {
  return csvOf(
    plannerHeaders(t),
    rows.map((r) => PLANNER_COLUMNS.map((k) => r[k])),
  );
}

/** A file-name part from a place name: "Lào Cai" → "lao-cai", "友谊关" kept. */
export function slugPart(text: string): string {
  return fold(text).replace(/\s+/g, '-').slice(0, 40);
}

/**
 * A file name that says what it holds: `border-atlas_<what>_<day>[_from-<day>].<ext>`, where
 * `what` is the selected feature or province, the province filters, or "border".
 */
export function exportFileName(what: string[], day: string, ext: string, from?: string | null): string {
  const subject = what.map(slugPart).filter(Boolean).join('+') || 'border';
  return `border-atlas_${subject}_${from ? `${from}_to_` : ''}${day}.${ext}`;
}
