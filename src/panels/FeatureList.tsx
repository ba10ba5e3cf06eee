import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allProvincesOf, displayName, provincesOf, type AtlasData, type AtlasFeature } from '../data/model';
import { KIND } from '../data/kinds';
import { enumLabel } from '../i18n';
import { toCsv, toGeoJson } from '../lib/export';
import { answerFor, emptiedBy, rowName, rowSides, type FilterGroup, type Row } from '../state/answers';
import { DEFAULT_FILTERS } from '../state/slices/filters';
import { effectiveDay } from '../state/selectors';
import { StateText } from './StateText';
import { zoomToResults } from './camera';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';

type SortKey = 'name' | 'kind' | 'status' | 'province';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The province the feature was in on the day (Hà Giang before the 2025 merger, Tuyên Quang after). */
function provinceNameOn(data: AtlasData, f: AtlasFeature, day: string, language: Language): string {
  const id = provincesOf(f, day)[0] ?? allProvincesOf(f)[0];
  const province = id ? data.provinces.get(id) : undefined;
  return province ? displayName(province.names, language) : '';
}

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
  const filters = useAppStore((s) => s.filters);
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
        <button type="button" onClick={zoomToResults} disabled={rows.length === 0}>
          {t('answers.zoomToResults')}
        </button>
        <button type="button" data-testid="export-geojson" onClick={() => download('border-atlas.geojson', 'application/geo+json', JSON.stringify(toGeoJson(features, day), null, 1))}>
          {t('export.geojson')}
        </button>
        <button type="button" data-testid="export-csv" onClick={() => download('border-atlas.csv', 'text/csv;charset=utf-8', toCsv(toGeoJson(features, day).features.map((f) => f.properties)))}>
          {t('export.csv')}
        </button>
      </header>
      {rows.length === 0 ? (
        <EmptyAnswer rows={answer?.all ?? []} />
      ) : (
        <div className="table-scroll">
          <table>
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
              {rows.map((row) => {
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
