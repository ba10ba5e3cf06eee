import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND } from '../data/kinds';
import { displayName } from '../data/model';
import { CrossingMode, FeatureKind, GateClass } from '../data/schema';
import { enumLabel } from '../i18n';
import { readDateDraft } from '../lib/date-draft';
import { todayIso } from '../lib/dates';
import { STATE_COLORS } from '../map/style';
import { answerFor, facetCounts, hiddenByStateFilters, SIDES, type FilterGroup } from '../state/answers';
import { provinceFrame } from '../state/frames';
import { PLANNER_STATES } from '../data/planner-state';
import { effectiveDay, visibilityFilters } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import { EARLIEST_AS_OF_DAY } from '../url/limits';
import { zoomToResults } from './camera';

/** First year the play button starts from: the treaty year, where the data starts to be dense. */
const PLAY_FROM_YEAR = 1999;
const PLAY_STEP_MS = 1200;

/** A typed date is applied once the typing stops for this long (or on Enter, or on leaving the field). */
const TYPING_IDLE_MS = 1200;

function DateControl() {
  const { t } = useTranslation();
  const date = useAppStore((s) => s.filters.date);
  const playing = useAppStore((s) => s.playing);
  const today = todayIso();
  const shown = date ?? today;
  const [draft, setDraft] = useState(shown);
  const [outOfRange, setOutOfRange] = useState(false);
  // The store moves the date too (play, Today, a link): the field follows it (set during render,
  // React's pattern for state derived from a changed prop; an effect would render twice).
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    setDraft(shown);
    setOutOfRange(false);
  }
  // Keyboard edits change one part at a time (06 → 2026-06-30 while the day and year are still to
  // come), so they wait for the typing to stop; a pick from the calendar applies at once.
  const typing = useRef<{ lastKey: number; timer: ReturnType<typeof setTimeout> | null }>({ lastKey: 0, timer: null });
  const commit = (value: string) => {
    if (typing.current.timer) clearTimeout(typing.current.timer);
    typing.current.timer = null;
    const read = readDateDraft(value, EARLIEST_AS_OF_DAY, today);
    if (read.kind === 'apply') appStore.getState().setFilters({ date: read.day === today ? null : read.day });
  };
  useEffect(() => () => {
    const timer = typing.current.timer;
    if (timer) clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = appStore.getState().filters.date;
      const year = current ? Number(current.slice(0, 4)) + 1 : PLAY_FROM_YEAR;
      const next = `${year}-12-31`;
      if (next >= today) {
        appStore.getState().setFilters({ date: null });
        appStore.getState().setPlaying(false);
      } else appStore.getState().setFilters({ date: next });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, today]);
  return (
    <fieldset className="date-control">
      <legend id="date-legend">{t('filters.date')}</legend>
      <input
        type="date"
        data-testid="date-input"
        aria-label={t('answers.dateLabel')}
        aria-describedby={outOfRange ? 'date-message' : undefined}
        aria-invalid={outOfRange || undefined}
        value={draft}
        max={today}
        min={EARLIEST_AS_OF_DAY}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
          else typing.current.lastKey = Date.now();
        }}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          setOutOfRange(readDateDraft(value, EARLIEST_AS_OF_DAY, today).kind === 'out-of-range');
          if (Date.now() - typing.current.lastKey > 300) {
            commit(value);
            return;
          }
          if (typing.current.timer) clearTimeout(typing.current.timer);
          typing.current.timer = setTimeout(() => commit(value), TYPING_IDLE_MS);
        }}
        onBlur={() => {
          // Leaving the field applies a complete day, and puts back the shown day otherwise.
          if (readDateDraft(draft, EARLIEST_AS_OF_DAY, today).kind === 'apply') commit(draft);
          else {
            if (typing.current.timer) clearTimeout(typing.current.timer);
            typing.current.timer = null;
            setDraft(shown);
          }
        }}
      />
      <button type="button" onClick={() => appStore.getState().setFilters({ date: null })} disabled={date === null}>
        {t('filters.today')}
      </button>
      <button type="button" data-testid="play-years" onClick={() => appStore.getState().setPlaying(!playing)} aria-pressed={playing}>
        {playing ? t('filters.stop') : t('filters.play')}
      </button>
      {outOfRange && (
        <p id="date-message" className="date-message" role="alert" data-testid="date-message">
          {t('answers.dateRange', { min: EARLIEST_AS_OF_DAY, max: today, shown })}
        </p>
      )}
    </fieldset>
  );
}

function CheckboxGroup<T extends string>(props: {
  legend: string;
  name: FilterGroup;
  options: readonly T[];
  selected: readonly string[];
  label: (value: T) => string;
  count?: (value: T) => number;
  swatch?: (value: T) => string;
  title?: (value: T) => string;
  onToggle?: (value: T, checked: boolean) => void;
}) {
  return (
    <fieldset className="checkbox-group" data-testid={`filter-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.options.map((value) => (
        <label key={value} className="checkbox" title={props.title?.(value)}>
          <input
            type="checkbox"
            value={value}
            checked={props.selected.includes(value)}
            onChange={(e) => {
              appStore.getState().toggleInFilter(props.name, value as never);
              props.onToggle?.(value, e.target.checked);
            }}
          />
          {props.swatch && <span className="swatch round" style={{ background: props.swatch(value) }} aria-hidden="true" />}
          <span>{props.label(value)}</span>
          {props.count && (
            <span className="count" data-testid="count">
              {props.count(value)}
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel() {
  const { t } = useTranslation();
  const filters = useAppStore((s) => visibilityFilters(s.filters));
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  const day = effectiveDay(filters);
  const provinces = useMemo(() => (data ? [...data.provinces.values()].filter((p) => p.country === 'VN' || p.country === 'CN') : []), [data]);
  const provinceIds = provinces.map((p) => p.id);
  const facets = useMemo(() => {
    if (!data) return null;
    const { all } = answerFor(data, filters, day);
    return {
      kinds: facetCounts(all, filters, day, 'kinds', FeatureKind.options),
      states: facetCounts(all, filters, day, 'states', PLANNER_STATES),
      classes: facetCounts(all, filters, day, 'classes', GateClass.options),
      modes: facetCounts(all, filters, day, 'modes', CrossingMode.options),
      provinces: facetCounts(all, filters, day, 'provinces', provinceIds),
      hidden: hiddenByStateFilters(all, filters, day),
    };
    // provinceIds follows data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, filters, day]);
  const provinceLabel = (id: string) => {
    const p = data?.provinces.get(id);
    if (!p) return id;
    const dates = p.validTo ? ` (–${p.validTo.slice(0, 4)})` : p.validFrom ? ` (${p.validFrom.slice(0, 4)}–)` : '';
    return `${displayName(p.names, language)}${dates}`;
  };
  const frameProvinces = () => {
    const { data: current, filters: now } = appStore.getState();
    if (!current || !now.provinces.length) return;
    const bounds = provinceFrame(current, now.provinces);
    if (bounds) appStore.getState().requestCamera({ kind: 'bounds', bounds });
  };
  return (
    <section className="panel filter-panel" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <DateControl />
      <fieldset className="side-choice" data-testid="filter-side">
        <legend>{t('answers.side.legend')}</legend>
        {SIDES.map((side) => (
          <label key={side} className="radio">
            <input type="radio" name="side" value={side} checked={filters.side === side} onChange={() => appStore.getState().setFilters({ side })} />
            {t(`answers.side.${side}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxGroup
        legend={t('answers.kinds')}
        name="kinds"
        options={FeatureKind.options}
        selected={filters.kinds}
        label={(v) => enumLabel(language, KIND[v].label.many)}
        count={(v) => facets?.kinds[v] ?? 0}
      />
      <CheckboxGroup
        legend={t('answers.stateLegend', { date: day })}
        name="states"
        options={PLANNER_STATES}
        selected={filters.states}
        label={(v) => t(`answers.states.${v}`)}
        title={(v) => t(`answers.stateDefs.${v}`)}
        count={(v) => facets?.states[v] ?? 0}
        swatch={(v) => STATE_COLORS[v]}
      />
      {facets && facets.hidden > 0 && (
        <p className="state-note muted" data-testid="state-note">
          {t('answers.stateFilterNote', { count: facets.hidden })}
        </p>
      )}
      <CheckboxGroup legend={t('filters.class')} name="classes" options={GateClass.options} selected={filters.classes} label={(v) => enumLabel(language, v)} count={(v) => facets?.classes[v] ?? 0} />
      <CheckboxGroup legend={t('filters.mode')} name="modes" options={CrossingMode.options} selected={filters.modes} label={(v) => enumLabel(language, v)} count={(v) => facets?.modes[v] ?? 0} />
      <CheckboxGroup
        legend={t('filters.province')}
        name="provinces"
        options={provinceIds}
        selected={filters.provinces}
        label={provinceLabel}
        count={(v) => facets?.provinces[v] ?? 0}
        onToggle={frameProvinces}
      />
      <div className="filter-actions">
        <button type="button" data-testid="zoom-to-results" onClick={zoomToResults}>
          {t('answers.zoomToResults')}
        </button>
        <button type="button" onClick={() => appStore.getState().resetFilters()}>
          {t('filters.reset')}
        </button>
      </div>
    </section>
  );
}
