import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDates } from '../data/compare';
import { displayName, type AtlasFeature } from '../data/model';
import type { FeatureState } from '../data/planner-state';
import { enumLabel, eventKindLabel } from '../i18n';
import { isValidDay } from '../lib/dates';
import { effectiveDay } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';
import { EARLIEST_AS_OF_DAY } from '../url/limits';
import { Localized } from './PanelParts';
import { SourceRefs } from './SourceRef';

/** "Suspended (closed) since 2020-02-01, goods only" in the chosen language. */
function StateText({ state, language }: { state: FeatureState; language: Language }) {
  const { t } = useTranslation();
  if (!state.status) return <span className="state-none">{t('activity.state.no-record')}</span>;
  return (
    <span>
      <strong>{enumLabel(language, state.status)}</strong> ({t(`activity.state.${state.state}`)})
      {state.scope && state.scope !== 'all' ? `, ${t(`activity.scope.${state.scope}`)}` : ''}
      {state.since ? ` ${t('activity.since', { date: state.since })}` : ''}
    </span>
  );
}

/**
 * The sidebar control for a comparison: an earlier day to compare the as-of day with. Only a
 * complete day before the as-of day applies; anything else says why beside the field.
 */
export function CompareControl() {
  const compareFrom = useAppStore((s) => s.compareFrom);
  const filters = useAppStore((s) => s.filters);
  // Remounted when the store's day changes (a link, Back, "Stop comparing"), so the field shows it.
  return <CompareInput key={compareFrom ?? ''} compareFrom={compareFrom} until={effectiveDay(filters)} />;
}

function CompareInput({ compareFrom, until }: { compareFrom: string | null; until: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(compareFrom ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const apply = (value: string, halfTyped: boolean) => {
    setText(value);
    // A date field reports '' both when emptied and while half typed (badInput); only emptied clears.
    if (value === '' && halfTyped) setMessage(null);
    else if (value === '') {
      setMessage(null);
      appStore.getState().setCompareFrom(null);
    } else if (!isValidDay(value)) setMessage(null); // half typed: wait
    else if (value < EARLIEST_AS_OF_DAY) setMessage(t('activity.compareTooEarly', { date: EARLIEST_AS_OF_DAY }));
    else if (value >= until) setMessage(t('activity.compareNotBefore', { date: until }));
    else {
      setMessage(null);
      appStore.getState().setCompareFrom(value);
    }
  };
  return (
    <section className="panel compare-control" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('activity.compareTitle')}</h2>
      <label>
        {t('activity.compareFrom')}{' '}
        <input type="date" data-testid="compare-from" value={text} min={EARLIEST_AS_OF_DAY} max={until} onChange={(e) => apply(e.target.value, e.target.validity.badInput)} aria-describedby="compare-message" />
      </label>{' '}
      <span className="muted">{t('activity.compareTo', { date: until })}</span>
      {compareFrom && (
        <button type="button" data-testid="compare-clear" onClick={() => appStore.getState().setCompareFrom(null)}>
          {t('activity.compareClear')}
        </button>
      )}
      <p id="compare-message" className="field-message" role="status">
        {message}
      </p>
    </section>
  );
}

/** What changed between the comparison day and the as-of day: statuses, new features, events. */
export function ChangesView() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const compareFrom = useAppStore((s) => s.compareFrom);
  const filters = useAppStore((s) => s.filters);
  const language = useAppStore((s) => s.language);
  const to = effectiveDay(filters);
  const result = useMemo(() => (data && compareFrom && compareFrom < to ? compareDates(data, compareFrom, to) : null), [data, compareFrom, to]);
  if (!data || !result) return null;
  const featureButton = (id: string, names: Parameters<typeof displayName>[0]) => (
    <button type="button" className="link change-feature" data-feature-id={id} onClick={() => appStore.getState().selectFeature(id, { fly: true })}>
      {displayName(names, language)}
    </button>
  );
  const kindAndSide = (feature: AtlasFeature) => (
    <span className="muted">
      ({enumLabel(language, feature.properties.kind)}, {enumLabel(language, feature.properties.side)})
    </span>
  );
  return (
    <section className="changes-view center-pane" data-testid="changes" aria-labelledby="changes-title">
      <header>
        <h2 id="changes-title">{t('activity.changesTitle', { from: result.from, to: result.to })}</h2>
        <button type="button" className="close" aria-label={t('activity.compareClear')} onClick={() => appStore.getState().setCompareFrom(null)}>
          ×
        </button>
      </header>
      <h3>{t('activity.changed', { count: result.changed.length })}</h3>
      <ul className="changes-list" data-testid="changes-status">
        {result.changed.map((c) => (
          <li key={c.feature.properties.id} data-testid="change-row" data-feature-id={c.feature.properties.id}>
            {featureButton(c.feature.properties.id, c.feature.properties.names)} {kindAndSide(c.feature)}
            <div className="change-states" data-testid="change-states">
              <StateText state={c.from} language={language} /> → <StateText state={c.to} language={language} />
            </div>
            {c.entries.length > 0 && (
              <ul className="change-entries">
                {c.entries.map((entry, i) => (
                  <li key={i} data-testid="change-entry">
                    <span className="event-date">{entry.date}</span> {entry.status ? enumLabel(language, entry.status) : ''}
                    {entry.scope && entry.scope !== 'all' ? ` (${t(`activity.scope.${entry.scope}`)})` : ''} —{' '}
                    <Localized english={entry.note} translations={entry.noteTranslations} language={language} /> <SourceRefs ids={entry.sourceIds} data={data} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('activity.appeared', { count: result.appeared.length })}</h3>
      <ul className="changes-list" data-testid="changes-appeared">
        {result.appeared.map((a) => (
          <li key={a.feature.properties.id} data-testid="appeared-row" data-feature-id={a.feature.properties.id}>
            <span className="event-date">{a.date}</span> {featureButton(a.feature.properties.id, a.feature.properties.names)} {kindAndSide(a.feature)}
            {a.entry ? (
              <>
                {' — '}
                {a.entry.status ? enumLabel(language, a.entry.status) : ''}: <Localized english={a.entry.note} translations={a.entry.noteTranslations} language={language} />{' '}
                <SourceRefs ids={a.entry.sourceIds} data={data} />
              </>
            ) : (
              <>
                {' — '}
                {t('activity.pairedSince')} <SourceRefs ids={a.feature.properties.sourceIds} data={data} />
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('activity.between', { count: result.events.length })}</h3>
      <ul className="changes-list" data-testid="changes-events">
        {result.events.map((e) => (
          <li key={e.id} data-testid="changes-event" data-event-id={e.id}>
            <span className="event-date">{e.date}</span> <span className="event-kind">{eventKindLabel(language, e.kind)}</span>{' '}
            <button type="button" className="link" onClick={() => appStore.getState().selectActivityItem('event', e.id)}>
              <Localized english={e.title} translations={e.titleTranslations} language={language} />
            </button>{' '}
            <SourceRefs ids={e.sourceIds} data={data} />
          </li>
        ))}
      </ul>
    </section>
  );
}
