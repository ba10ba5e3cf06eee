import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../data/model';
import type { AtlasEvent } from '../data/schema';
import { eventKindLabel } from '../i18n';
import { yearOf } from '../lib/dates';
import type { Language } from '../state/types';
import { appStore } from '../state/store';
import { FigureText, Localized } from './PanelParts';
import { SourceRefs } from './SourceRef';
import { CheckMark } from './StateText';

/**
 * Dated activity newest first, grouped by year, filterable by kind, each with its sources. A
 * title opens the event's panel; with onYear, a year heading lists that year in the activity view.
 */
export function EventList({ events, data, language, onYear }: { events: AtlasEvent[]; data: AtlasData; language: Language; onYear?: (year: number) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('all');
  const kinds = useMemo(() => [...new Set(events.map((e) => e.kind))].sort(), [events]);
  const shown = kind === 'all' ? events : events.filter((e) => e.kind === kind);
  const byYear = new Map<number, AtlasEvent[]>();
  for (const e of shown) {
    const list = byYear.get(yearOf(e.date));
    if (list) list.push(e);
    else byYear.set(yearOf(e.date), [e]);
  }
  if (events.length === 0) return <p className="muted">{t('panel.none')}</p>;
  return (
    <div className="event-list">
      {kinds.length > 1 && (
        <label className="event-kind-filter">
          <span className="visually-hidden">{t('harden2.eventKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="event-kind">
            <option value="all">{t('panel.eventsAll')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>{eventKindLabel(language, k)}</option>
            ))}
          </select>
        </label>
      )}
      {[...byYear.entries()].map(([year, list]) => (
        <section key={year} className="event-year">
          <h4>
            {onYear ? (
              <button type="button" className="link" data-testid="event-year" title={t('activity.yearInList', { year })} onClick={() => onYear(year)}>
                {year}
              </button>
            ) : (
              year
            )}
          </h4>
          <ul>
            {list.map((e) => (
              <li key={e.id} className="event" data-testid="event">
                <span className="event-date">{e.date}</span> <span className="event-kind">{eventKindLabel(language, e.kind)}</span>
                {e.uncertain && <span className="badge">{t('panel.uncertain')}</span>}
                <div>
                  <button type="button" className="link" onClick={() => appStore.getState().selectActivityItem('event', e.id)}>
                    <Localized className="event-title" english={e.title} translations={e.titleTranslations} language={language} />
                  </button>
                </div>
                <Localized as="div" className="event-description" english={e.description} translations={e.descriptionTranslations} language={language} />
                {e.figures?.length ? (
                  <ul className="figures">
                    {e.figures.map((f) => (
                      <li key={f.label}>
                        <FigureText figure={f} language={language} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                <CheckMark change={e} /> <SourceRefs ids={e.sourceIds} data={data} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
