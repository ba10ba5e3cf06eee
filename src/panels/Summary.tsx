import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../data/model';
import { STATE_COLORS } from '../map/style';
import { yearOf } from '../lib/dates';
import { activityPerYear, yearRange } from '../data/activity';
import { CHART_FIRST_YEAR, effectiveDay, provinceCounts, stateCounts, visibilityFilters, visibleFeatureIds, yearAxis } from '../state/selectors';
import { PLANNER_STATES } from '../data/planner-state';
import { appStore, useAppStore } from '../state/store';
import { BorderLengths } from './BorderLengths';

/** Counts for what is filtered, and events per year as a small bar chart (plain SVG). */
export function Summary() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => visibilityFilters(s.filters));
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const day = effectiveDay(filters);
  const summary = useMemo(() => {
    if (!data) return null;
    const ids = visibleFeatureIds(data, filters, layers, day);
    return {
      states: stateCounts(data, filters, day),
      provinces: provinceCounts(data, ids, day),
      // Counted as the activity list counts (province filter, up to the day), so a bar's number is
      // the number of rows its click lists.
      years: activityPerYear(data, { provinces: filters.provinces }, day),
    };
  }, [data, filters, layers, day]);
  if (!data || !summary) return null;
  return (
    <section className="panel summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <BorderLengths data={data} language={language} />
      <h3>{t('summary.byStatus')}</h3>
      <ul className="bars">
        {PLANNER_STATES.filter((state) => summary.states[state] > 0).map((state) => (
          <li key={state}>
            <span className="swatch round" style={{ background: STATE_COLORS[state] }} aria-hidden="true" />
            {t(`answers.states.${state}`)}: {summary.states[state]}
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
      <EventsChart
        years={summary.years}
        lastYear={yearOf(day)}
        onYear={(year) => appStore.getState().openActivity({ kinds: [], pair: null, provinces: filters.provinces, ...yearRange(year) })}
      />
    </section>
  );
}

/**
 * Bars on a linear year axis (plain SVG), with a tick every five years and a "before" bar. With
 * onYear, a bar with events is a button (click, Enter or Space) that lists that year's events.
 */
export function EventsChart({ years, lastYear, onYear }: { years: { year: number; count: number }[]; lastYear: number; onYear?: (year: number) => void }) {
  const { t } = useTranslation();
  const { before, bins } = yearAxis(years, lastYear);
  const max = Math.max(1, before, ...bins.map((b) => b.count));
  const bar = Math.max(3, Math.floor(230 / bins.length));
  const offset = 28; // room for the "before" bar
  const height = (n: number) => Math.round((n / max) * 55);
  const label = [...(before ? [`${t('summary.before', { year: CHART_FIRST_YEAR })}: ${before}`] : []), ...bins.filter((b) => b.count).map((b) => `${b.year}: ${b.count}`)].join(', ');
  return (
    // With clickable bars the chart is a group of buttons (an "img" may not hold controls: axe
    // nested-interactive); without, one picture with its numbers as the label.
    <svg width={offset + bar * bins.length + 2} height={72} role={onYear ? 'group' : 'img'} aria-label={label} data-testid="events-chart">
      {before > 0 && (
        <rect x={1} y={60 - height(before)} width={bar + 2} height={height(before)} fill="#8c8c8c">
          <title>{`${t('summary.before', { year: CHART_FIRST_YEAR })}: ${before}`}</title>
        </rect>
      )}
      <text x={1} y={70} fontSize={9}>{`<${CHART_FIRST_YEAR}`}</text>
      {bins.map((b, i) => (
        <rect
          key={b.year}
          x={offset + i * bar}
          y={60 - height(b.count)}
          width={bar - 1}
          height={height(b.count)}
          fill="#0072b2"
          data-year={b.year}
          data-count={b.count}
          className={onYear && b.count ? 'chart-bar' : undefined}
          {...(onYear && b.count
            ? {
                role: 'button',
                tabIndex: 0,
                'aria-label': t('activity.barLabel', { year: b.year, count: b.count }),
                onClick: () => onYear(b.year),
                onKeyDown: (e: React.KeyboardEvent) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onYear(b.year);
                  }
                },
              }
            : {})}
        >
          <title>{`${b.year}: ${b.count}`}</title>
        </rect>
      ))}
      {bins
        .filter((b) => b.year % 5 === 0)
        .map((b) => (
          <text key={b.year} x={offset + (b.year - CHART_FIRST_YEAR) * bar} y={70} fontSize={9}>
            {b.year}
          </text>
        ))}
    </svg>
  );
}
