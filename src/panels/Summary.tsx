import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../data/model';
import { enumLabel } from '../i18n';
import { STATUS_COLORS } from '../map/style';
import { effectiveDay, eventsPerYear, provinceCounts, statusCounts, visibleFeatureIds } from '../state/selectors';
import { useAppStore } from '../state/store';
import { BorderLengths } from './BorderLengths';

/** Counts for what is filtered, and events per year as a small bar chart (plain SVG). */
export function Summary() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const day = effectiveDay(filters);
  const summary = useMemo(() => {
    if (!data) return null;
    const ids = visibleFeatureIds(data, filters, layers, day);
    return {
      statuses: statusCounts(data, filters, layers, day),
      provinces: provinceCounts(data, ids),
      years: eventsPerYear(data, day, new Set(ids)),
    };
  }, [data, filters, layers, day]);
  if (!data || !summary) return null;
  const maxYear = Math.max(1, ...summary.years.map((y) => y.count));
  const barWidth = summary.years.length ? Math.max(3, Math.floor(260 / summary.years.length)) : 3;
  return (
    <section className="panel summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <BorderLengths data={data} language={language} />
      <h3>{t('summary.byStatus')}</h3>
      <ul className="bars">
        {Object.entries(summary.statuses)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => (
            <li key={status}>
              <span className="swatch round" style={{ background: STATUS_COLORS[status as keyof typeof STATUS_COLORS] }} aria-hidden="true" />
              {enumLabel(language, status)}: {n}
            </li>
          ))}
      </ul>
      <h3>{t('summary.byProvince')}</h3>
      <ul className="bars">
        {Object.entries(summary.provinces).map(([id, n]) => (
          <li key={id}>
            {data.provinces.get(id) ? displayName(data.provinces.get(id)!.names, language) : id}: {n}
          </li>
        ))}
      </ul>
      <h3>{t('summary.eventsPerYear')}</h3>
      <svg width={barWidth * summary.years.length + 2} height={70} role="img" aria-label={summary.years.map((y) => `${y.year}: ${y.count}`).join(', ')}>
        {summary.years.map((y, i) => {
          const h = Math.round((y.count / maxYear) * 55);
          return (
            <rect key={y.year} x={i * barWidth + 1} y={60 - h} width={barWidth - 1} height={h} fill="#0072b2">
              <title>{`${y.year}: ${y.count}`}</title>
            </rect>
          );
        })}
        {summary.years.length > 0 && (
          <>
            <text x={1} y={69} fontSize={9}>{summary.years[0].year}</text>
            <text x={barWidth * summary.years.length - 22} y={69} fontSize={9}>{summary.years[summary.years.length - 1].year}</text>
          </>
        )}
      </svg>
    </section>
  );
}
