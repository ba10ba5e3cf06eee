/**
 * Downloads of what is shown: the planner's CSV and XLSX (same table, in the UI language) with
 * a file name that says what they hold. The XLSX writer is loaded on first use (import()), so
 * it is not in the initial bundle.
 */
import { displayName, type AtlasData, type AtlasFeature } from '../data/model';
import { exportFileName, plannerCsv, plannerRows, plannerSources, type Translate } from '../lib/planner-table';
import type { AppState } from '../state/types';

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the export is about, for its file name: the province filters (Vietnamese names), or the border. */
export function exportSubject(data: AtlasData, state: Pick<AppState, 'filters' | 'selection'>): string[] {
  if (state.selection.kind === 'province') {
    const p = data.provinces.get(state.selection.id);
    return p ? [displayName(p.names, 'vi')] : [];
  }
  return state.filters.provinces.map((id) => data.provinces.get(id)).filter((p) => p !== undefined).map((p) => displayName(p.names, 'vi'));
}

interface ExportInput {
  data: AtlasData;
  features: AtlasFeature[];
  day: string;
  language: 'en' | 'vi' | 'zh';
  subject: string[];
  t: Translate;
}

export function downloadPlannerCsv({ data, features, day, language, subject, t }: ExportInput) {
  const csv = plannerCsv(plannerRows(data, features, day, language, t), t);
  downloadBlob(exportFileName(subject, day, 'csv'), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

export async function downloadPlannerXlsx({ data, features, day, language, subject, t }: ExportInput) {
  const { plannerXlsx } = await import('../lib/planner-xlsx');
  const blob = await plannerXlsx(plannerRows(data, features, day, language, t), plannerSources(data, features), t);
  downloadBlob(exportFileName(subject, day, 'xlsx'), blob);
}
