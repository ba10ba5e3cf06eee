/**
 * The planner's table as an XLSX workbook: sheet 1 the features (headers in the UI language,
 * header row frozen, sensible widths), sheet 2 the sources with title, publisher, date and URL.
 * Loaded with import() from the export button only, so write-excel-file (and fflate) stay out of
 * the initial bundle.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import {
  PLANNER_COLUMNS,
  neutralise,
  plannerHeaders,
  sourceHeaders,
  type CitedSource,
  type PlannerRow,
  type Translate,
} from './planner-table';

const WIDTH: Partial<Record<(typeof PLANNER_COLUMNS)[number], number>> = {
  name: 30, nameVi: 30, nameZh: 16, pinyin: 22, nameEn: 30, kind: 16, side: 12, class: 16, state: 16, since: 12,
  province: 18, admin: 30, counterpart: 36, lat: 10, lng: 10, precision: 18, sources: 60,
};

function headerRow(headers: string[]): SheetData[number] {
  return headers.map((value) => ({ value, fontWeight: 'bold' as const }));
}

/** The workbook as a Blob; sheet names are translated too ("Đối tượng", "Nguồn"). */
export async function plannerXlsx(rows: PlannerRow[], sources: CitedSource[], t: Translate): Promise<Blob> {
  const features: SheetData = [
    headerRow(plannerHeaders(t)),
    ...rows.map((r) => PLANNER_COLUMNS.map((k) => {
      const value = neutralise(r[k]);
      return typeof value === 'number' ? { value, type: Number } : { value, type: String };
    })),
  ];
  const sourceRows: SheetData = [
    headerRow(sourceHeaders(t)),
    ...sources.map((s) => [s.id, s.title, s.publisher, s.date, s.url].map((v) => ({ value: String(neutralise(v)), type: String }))),
  ];
  return writeXlsxFile([
    { data: features, sheet: t('meeting.sheet.features'), stickyRowsCount: 1, columns: PLANNER_COLUMNS.map((k) => ({ width: WIDTH[k] ?? 14 })) },
    { data: sourceRows, sheet: t('meeting.sheet.sources'), stickyRowsCount: 1, columns: [{ width: 10 }, { width: 70 }, { width: 30 }, { width: 12 }, { width: 60 }] },
  ]).toBlob();
}
