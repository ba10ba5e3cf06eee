import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allProvincesOf, displayName, provincesOf, statusAsOf, type AtlasData, type AtlasFeature } from '../data/model';
import { KIND } from '../data/kinds';
import { enumLabel } from '../i18n';
import { toGeoJson } from '../lib/export';
import { exportFileName } from '../lib/planner-table';
import { downloadBlob, downloadPlannerCsv, downloadPlannerXlsx, exportSubject } from './exports';
import { effectiveDay, visibleFeatureIds } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';

type SortKey = 'name' | 'kind' | 'status' | 'province';

function download(name: string, type: string, text: string) {
  downloadBlob(name, new Blob([text], { type }));
}

/** The province the feature was in on the day (Hà Giang before the 2025 merger, Tuyên Quang after). */
function provinceNameOn(data: AtlasData, f: AtlasFeature, day: string, language: Language): string {
  const id = provincesOf(f, day)[0] ?? allProvincesOf(f)[0];
  const province = id ? data.provinces.get(id) : undefined;
  return province ? displayName(province.names, language) : '';
}

/**
 * The features that pass the filters, as a sortable table in sync with the map: selecting a row
 * selects on the map, and the selected feature's row is highlighted and scrolled into view. It
 * is also the accessible view and the fallback when the map cannot draw.
 */
export function FeatureList() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const selection = useAppStore((s) => s.selection);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'kind', ascending: true });
  const day = effectiveDay(filters);
  const selectedId = selection.kind === 'feature' ? selection.id : null;
  const features = useMemo(() => {
    if (!data) return [];
    return visibleFeatureIds(data, filters, layers, day).map((id) => data.byId.get(id)!);
  }, [data, filters, layers, day]);
  const rows = useMemo(() => {
    if (!data) return [];
    const value = (f: AtlasFeature): string => {
      switch (sort.key) {
        case 'name': return displayName(f.properties.names, language);
        // By the label the user reads, then west to east within a type.
        case 'kind': return `${enumLabel(language, KIND[f.properties.kind].label.one)} ${f.geometry.coordinates[0].toFixed(3)}`;
        case 'status': return statusAsOf(f, day) ?? '~';
        case 'province': return provinceNameOn(data, f, day, language);
      }
    };
    // One key per row, not one per comparison.
    const keyed = features.map((f) => ({ f, key: value(f) }));
    keyed.sort((a, b) => (sort.ascending ? 1 : -1) * a.key.localeCompare(b.key, language));
    return keyed.map(({ f }) => f);
  }, [data, features, sort, language, day]);
  const [working, setWorking] = useState(false);
  const exportInput = (atlas: AtlasData) => ({ data: atlas, features: rows, day, language, subject: exportSubject(atlas, appStore.getState()), t });
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // After the rows are laid out (a shared link opens list and selection together).
    const frame = requestAnimationFrame(() => selectedRow.current?.scrollIntoView?.({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [selectedId, rows]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }))}>
        {label} {sort.key === key ? (sort.ascending ? '▲' : '▼') : ''}
      </button>
    </th>
  );
  return (
    <section className="panel feature-list" id="feature-list" tabIndex={-1} data-testid="feature-list" aria-labelledby="list-title">
      <header>
        <h2 id="list-title">{t('list.title', { count: rows.length })}</h2>
        <button type="button" data-testid="export-geojson" onClick={() => download(exportFileName(data ? exportSubject(data, appStore.getState()) : [], day, 'geojson'), 'application/geo+json', JSON.stringify(toGeoJson(rows, day), null, 1))}>
          {t('export.geojson')}
        </button>
        <button type="button" data-testid="export-csv" onClick={() => data && downloadPlannerCsv(exportInput(data))}>
          {t('meeting.export.csv')}
        </button>
        <button
          type="button"
          data-testid="export-xlsx"
          disabled={working}
          onClick={async () => {
            if (!data) return;
            setWorking(true);
            try {
              await downloadPlannerXlsx(exportInput(data));
            } finally {
              setWorking(false);
            }
          }}
        >
          {working ? t('meeting.export.working') : t('meeting.export.xlsx')}
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {header('name', t('list.name'))}
                {header('kind', t('list.type'))}
                {header('status', t('list.status'))}
                {header('province', t('list.province'))}
                <th scope="col">{t('list.precision')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => {
                const p = f.properties;
                const selected = p.id === selectedId;
                const status = statusAsOf(f, day);
                return (
                  <tr key={p.id} ref={selected ? selectedRow : undefined} className={selected ? 'selected' : ''} aria-selected={selected} data-feature-id={p.id}>
                    <td>
                      <button type="button" className="link" onClick={() => appStore.getState().selectFeature(p.id, { fly: true })}>
                        {displayName(p.names, language)}
                      </button>
                      {p.names.zh && language !== 'zh' ? <span className="muted" lang="zh"> {p.names.zh}</span> : null}
                    </td>
                    <td>{enumLabel(language, KIND[p.kind].label.one)} ({p.side})</td>
                    <td>{status ? enumLabel(language, status) : '—'}</td>
                    <td>{data ? provinceNameOn(data, f, day, language) : ''}</td>
                    <td>{enumLabel(language, p.location.precision)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
