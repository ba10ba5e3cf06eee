import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allProvincesOf, displayName, provincesOf, type AtlasData, type AtlasFeature } from '../data/model';
import { KIND } from '../data/kinds';
import { enumLabel } from '../i18n';
import { toGeoJson } from '../lib/export';
import { exportFileName } from '../lib/planner-table';
import { downloadBlob, downloadPlannerCsv, downloadPlannerXlsx, exportSubject } from './exports';
import { answerFor, emptiedBy, rowName, rowSides, type FilterGroup, type Row } from '../state/answers';
import { DEFAULT_FILTERS } from '../state/slices/filters';
import { effectiveDay, visibilityFilters } from '../state/selectors';
import { rowWindow, scrollTopCentring, WINDOW_THRESHOLD } from '../lib/window-rows';
import { StateText } from './StateText';
import { zoomToResults } from './camera';
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

/** Height of one row of a windowed list, in px; styles.css holds windowed rows to it. */
const ROW_HEIGHT = 24;

const PLANNER_ORDER = ['open', 'closed', 'not-yet-open', 'no-recent-record', 'no-record'];

/** An empty answer says which filter emptied it and offers to clear that filter. */
function EmptyAnswer({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const filters = useAppStore((s) => s.filters);
  const day = effectiveDay(filters);
  const culprits = emptiedBy(rows, filters, day);
  const clear = (group: FilterGroup) => appStore.getState().setFilters({ [group]: [] });
  return (
    <div className="empty-answer" data-testid="empty-answer" role="status">
      {culprits.length ? (
        culprits.map(({ group, rows: count }) => (
          <p key={group}>
            {t('answers.emptyBy', { filter: t(`answers.groups.${group}`), count })}{' '}
            <button type="button" data-testid={`clear-${group}`} onClick={() => clear(group)}>
              {t('answers.clear', { filter: t(`answers.groups.${group}`) })}
            </button>
          </p>
        ))
      ) : (
        <p>
          {t('answers.emptyAll')}{' '}
          <button type="button" data-testid="clear-all" onClick={() => appStore.getState().setFilters({ ...DEFAULT_FILTERS, date: filters.date })}>
            {t('answers.clearAll')}
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * The features that pass the filters, as a sortable table in sync with the map: selecting a row
 * selects on the map, and the selected feature's row is highlighted and scrolled into view. It
 * is also the accessible view and the fallback when the map cannot draw.
 */
export function FeatureList() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  // Not re-rendered per search keystroke: the search text hides no row.
  const filters = useAppStore((s) => visibilityFilters(s.filters));
  const language = useAppStore((s) => s.language);
  const selection = useAppStore((s) => s.selection);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'kind', ascending: true });
  const day = effectiveDay(filters);
  const selectedId = selection.kind === 'feature' ? selection.id : null;
  // The list is the answer to the filters (layers only change what the map draws).
  const answer = useMemo(() => (data ? answerFor(data, filters, day) : null), [data, filters, day]);
  const rows = useMemo(() => {
    if (!data || !answer) return [];
    const value = (row: Row): string => {
      const f = row.members[0];
      switch (sort.key) {
        case 'name': return rowName(row, language);
        // By the label the user reads, then west to east within a type.
        case 'kind': return `${enumLabel(language, KIND[f.properties.kind].label.one)} ${f.geometry.coordinates[0].toFixed(3)}`;
        case 'status': return row.answer ? `${PLANNER_ORDER.indexOf(row.answer.state)}` : '~';
        case 'province': return provinceNameOn(data, f, day, language);
      }
    };
    // One key per row, not one per comparison.
    const keyed = answer.rows.map((row) => ({ row, key: value(row) }));
    keyed.sort((a, b) => (sort.ascending ? 1 : -1) * a.key.localeCompare(b.key, language));
    return keyed.map(({ row }) => row);
  }, [data, answer, sort, language, day]);
  const features = useMemo(() => rows.flatMap((row) => row.members), [rows]);
  const [working, setWorking] = useState(false);
  const exportInput = (atlas: AtlasData) => ({ data: atlas, features, day, language, subject: exportSubject(atlas, appStore.getState()), t });
  const selectedRow = useRef<HTMLTableRowElement>(null);
  // Long lists render only the rows in view (lib/window-rows.ts): 20,000 rows in the DOM took
  // seconds to open and to re-render on every selection. Short lists render every row.
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const frameRef = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frameRef.current);
    frameRef.current = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    });
  };
  const win = rowWindow(rows.length, view.top, view.height, ROW_HEIGHT);
  const windowed = win.end - win.start < rows.length || win.padTop > 0;
  useEffect(() => {
    // After the rows are laid out (a shared link opens list and selection together).
    const frame = requestAnimationFrame(() => {
      const el = scroller.current;
      const index = selectedId ? rows.findIndex((row) => row.members.some((m) => m.properties.id === selectedId)) : -1;
      if (el && index >= 0 && rows.length > WINDOW_THRESHOLD) {
        // A windowed row may not be rendered yet: scroll by arithmetic, not by element.
        const top = index * ROW_HEIGHT;
        if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = scrollTopCentring(index, el.clientHeight, ROW_HEIGHT);
      } else selectedRow.current?.scrollIntoView?.({ block: 'center' });
    });
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
        <button type="button" onClick={zoomToResults} disabled={rows.length === 0}>
          {t('answers.zoomToResults')}
        </button>
                <button type="button" data-testid="export-geojson" onClick={() => download(exportFileName(data ? exportSubject(data, appStore.getState()) : [], day, 'geojson'), 'application/geo+json', JSON.stringify(toGeoJson(features, day), null, 1))}>
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
        <EmptyAnswer rows={answer?.all ?? []} />
      ) : (
        <div className="table-scroll" ref={scroller} onScroll={onScroll}>
          <table className={windowed ? 'feature-list--windowed' : undefined}>
            <thead>
              <tr>
                {header('name', t('list.name'))}
                {header('kind', t('list.type'))}
                {header('status', t('answers.stateColumn'))}
                {header('province', t('list.province'))}
                <th scope="col">{t('list.precision')}</th>
              </tr>
            </thead>
            <tbody>
              {win.padTop > 0 && <tr aria-hidden="true" className="row-spacer" style={{ height: win.padTop }} />}
              {rows.slice(win.start, win.end).map((row) => {
                const f = row.members[0];
                const p = f.properties;
                const selected = row.members.some((m) => m.properties.id === selectedId);
                return (
                  <tr
                    key={row.key}
                    ref={selected ? selectedRow : undefined}
                    className={selected ? 'selected' : ''}
                    aria-selected={selected}
                    data-feature-id={row.key}
                    data-member-ids={row.members.map((m) => m.properties.id).join(' ')}
                  >
                    <td>
                      {row.members.map((m, i) => (
                        <span key={m.properties.id} className="row-member">
                          {i > 0 ? ' ↔ ' : ''}
                          <button type="button" className="link" onClick={() => appStore.getState().selectFeature(m.properties.id, { fly: true })}>
                            {displayName(m.properties.names, language)}
                          </button>
                          {m.properties.names.zh && language !== 'zh' && m.properties.side === 'CN' ? <span className="muted" lang="zh"> {m.properties.names.zh}</span> : null}
                        </span>
                      ))}
                    </td>
                    <td>
                      {enumLabel(language, KIND[p.kind].label.one)} ({rowSides(row).join('–')})
                    </td>
                    <td>{row.answer ? <StateText answer={row.answer} data={data} /> : '—'}</td>
                    <td>{data ? provinceNameOn(data, f, day, language) : ''}</td>
                    <td>{enumLabel(language, p.location.precision)}</td>
                  </tr>
                );
              })}
              {win.padBottom > 0 && <tr aria-hidden="true" className="row-spacer" style={{ height: win.padBottom }} />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
