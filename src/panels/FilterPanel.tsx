import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../data/model';
import { CrossingMode, GateClass, GateStatus } from '../data/schema';
import { enumLabel } from '../i18n';
import { todayIso } from '../lib/dates';
import { effectiveDay, statusCounts } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import { STATUS_COLORS } from '../map/style';
import { EARLIEST_AS_OF_DAY } from '../url/limits';

/** First year the play button starts from: the treaty year, where the data starts to be dense. */
const PLAY_FROM_YEAR = 1999;
const PLAY_STEP_MS = 1200;

function DateControl() {
  const { t } = useTranslation();
  const date = useAppStore((s) => s.filters.date);
  const [playing, setPlaying] = useState(false);
  const today = todayIso();
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = appStore.getState().filters.date;
      const year = current ? Number(current.slice(0, 4)) + 1 : PLAY_FROM_YEAR;
      const next = `${year}-12-31`;
      if (next >= today) {
        appStore.getState().setFilters({ date: null });
        setPlaying(false);
      } else appStore.getState().setFilters({ date: next });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, today]);
  return (
    <fieldset className="date-control">
      <legend>{t('filters.date')}</legend>
      <input
        type="date"
        aria-label={t('filters.date')}
        data-testid="date-input"
        value={date ?? today}
        max={today}
        min={EARLIEST_AS_OF_DAY}
        onChange={(e) => {
          const value = e.target.value;
          appStore.getState().setFilters({ date: value && value !== today ? value : null });
        }}
      />
      <button type="button" onClick={() => appStore.getState().setFilters({ date: null })} disabled={date === null}>
        {t('filters.today')}
      </button>
      <button type="button" data-testid="play-years" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
        {playing ? t('filters.stop') : t('filters.play')}
      </button>
    </fieldset>
  );
}

function CheckboxGroup<T extends string>(props: {
  legend: string;
  name: 'statuses' | 'classes' | 'modes' | 'provinces';
  options: readonly T[];
  selected: readonly string[];
  label: (value: T) => string;
  count?: (value: T) => number;
  swatch?: (value: T) => string;
}) {
  return (
    <fieldset className="checkbox-group" data-testid={`filter-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.options.map((value) => (
        <label key={value} className="checkbox">
          <input
            type="checkbox"
            value={value}
            checked={props.selected.includes(value)}
            onChange={() => appStore.getState().toggleInFilter(props.name, value as never)}
          />
          {props.swatch && <span className="swatch" style={{ background: props.swatch(value) }} aria-hidden="true" />}
          <span>{props.label(value)}</span>
          {props.count && <span className="count">{props.count(value)}</span>}
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel() {
  const { t } = useTranslation();
  const filters = useAppStore((s) => s.filters);
  const layers = useAppStore((s) => s.layers);
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  const day = effectiveDay(filters);
  const counts = useMemo(() => (data ? statusCounts(data, filters, layers, day) : null), [data, filters, layers, day]);
  const provinces = useMemo(() => (data ? [...data.provinces.values()].filter((p) => p.country === 'VN' || p.country === 'CN') : []), [data]);
  const provinceIds = provinces.map((p) => p.id);
  const provinceLabel = (id: string) => {
    const p = data?.provinces.get(id);
    if (!p) return id;
    const dates = p.validTo ? ` (–${p.validTo.slice(0, 4)})` : p.validFrom ? ` (${p.validFrom.slice(0, 4)}–)` : '';
    return `${displayName(p.names, language)}${dates}`;
  };
  return (
    <section className="panel filter-panel" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <DateControl />
      <CheckboxGroup
        legend={t('filters.status')}
        name="statuses"
        options={GateStatus.options}
        selected={filters.statuses}
        label={(v) => enumLabel(language, v)}
        count={(v) => counts?.[v] ?? 0}
        swatch={(v) => STATUS_COLORS[v]}
      />
      {counts && counts.unknown > 0 && (
        <p className="status-unknown muted" data-testid="status-unknown">
          <span className="swatch" style={{ background: STATUS_COLORS.unknown }} aria-hidden="true" />
          {t('filters.unknown', { count: counts.unknown, date: day })}
        </p>
      )}
      <CheckboxGroup legend={t('filters.class')} name="classes" options={GateClass.options} selected={filters.classes} label={(v) => enumLabel(language, v)} />
      <CheckboxGroup legend={t('filters.mode')} name="modes" options={CrossingMode.options} selected={filters.modes} label={(v) => enumLabel(language, v)} />
      <CheckboxGroup legend={t('filters.province')} name="provinces" options={provinceIds} selected={filters.provinces} label={provinceLabel} />
      <button type="button" onClick={() => appStore.getState().resetFilters()}>
        {t('filters.reset')}
      </button>
    </section>
  );
}
