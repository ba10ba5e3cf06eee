import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_ACTIVITY_FILTER, filterActivity, pairsWithEvents } from '../data/activity';
import { displayName, type AtlasData } from '../data/model';
import { EventKind } from '../data/schema';
import { eventKindLabel } from '../i18n';
import { isValidDay } from '../lib/dates';
import { effectiveDay } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';
import { Localized } from './PanelParts';
import { SourceRefs } from './SourceRef';

/** "Hữu Nghị ↔ Youyiguan": a pair named by its sides, Vietnamese first. */
function pairLabel(data: AtlasData, ids: string[], language: Language): string {
  const features = ids.map((id) => data.byId.get(id)).filter((f) => f !== undefined);
  features.sort((a, b) => (a.properties.side === b.properties.side ? 0 : a.properties.side === 'VN' ? -1 : 1));
  const names = [...new Set(features.map((f) => displayName(f.properties.names, language)))];
  return names.join(' ↔ ');
}

/**
 * The border-wide activity list: every event up to the as-of day, newest first, filtered by kind,
 * province, crossing pair and date range (all kept in the URL). Each row opens the event and
 * links to its features.
 */
export function ActivityView() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const activity = useAppStore((s) => s.activity);
  const filters = useAppStore((s) => s.filters);
  const language = useAppStore((s) => s.language);
  const selection = useAppStore((s) => s.selection);
  const day = effectiveDay(filters);
  const events = useMemo(() => (data ? filterActivity(data, activity.filter, day) : []), [data, activity.filter, day]);
  const pairs = useMemo(() => (data ? [...pairsWithEvents(data).entries()].map(([id, ids]) => ({ id, label: pairLabel(data, ids, language) })).sort((a, b) => a.label.localeCompare(b.label, language)) : []), [data, language]);
  if (!data || !activity.open) return null;
  const f = activity.filter;
  const set = appStore.getState().setActivityFilter;
  const provinces = [...data.provinces.values()].sort((a, b) => (a.country === b.country ? displayName(a.names, language).localeCompare(displayName(b.names, language), language) : a.country === 'VN' ? -1 : 1));
  const onDay = (key: 'from' | 'to') => (e: React.ChangeEvent<HTMLInputElement>) => {
    // Only a complete day or an emptied field changes the range; a half-typed date changes nothing.
    const value = e.target.value;
    if (value === '' && !e.target.validity.badInput) set({ [key]: null });
    else if (isValidDay(value)) set({ [key]: value });
  };
  const filtered = f.kinds.length || f.provinces.length || f.pair || f.from || f.to;
  return (
    <section className="activity-view center-pane" data-testid="activity-view" aria-labelledby="activity-title">
      <header>
        <h2 id="activity-title">{t('activity.title')}</h2>
        <span role="status" data-testid="activity-count">
          {t('activity.count', { count: events.length })}
        </span>
        <button type="button" className="close" aria-label={t('activity.close')} onClick={() => appStore.getState().closeActivity()}>
          ×
        </button>
      </header>
      <div className="activity-filters">
        <label>
          {t('activity.kind')}{' '}
          <select data-testid="activity-kind" value={f.kinds[0] ?? ''} onChange={(e) => set({ kinds: e.target.value ? [e.target.value as EventKind] : [] })}>
            <option value="">{t('activity.any')}</option>
            {EventKind.options.map((k) => (
              <option key={k} value={k}>
                {eventKindLabel(language, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity.province')}{' '}
          <select data-testid="activity-province" value={f.provinces[0] ?? ''} onChange={(e) => set({ provinces: e.target.value ? [e.target.value] : [] })}>
            <option value="">{t('activity.any')}</option>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>
                {displayName(p.names, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity.pair')}{' '}
          <select data-testid="activity-pair" value={f.pair ?? ''} onChange={(e) => set({ pair: e.target.value || null })}>
            <option value="">{t('activity.any')}</option>
            {pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity.from')} <input type="date" data-testid="activity-from" defaultValue={f.from ?? ''} key={`from-${f.from}`} onChange={onDay('from')} />
        </label>
        <label>
          {t('activity.to')} <input type="date" data-testid="activity-to" defaultValue={f.to ?? ''} key={`to-${f.to}`} onChange={onDay('to')} />
        </label>
        {filtered ? (
          <button type="button" data-testid="activity-clear" onClick={() => set(EMPTY_ACTIVITY_FILTER)}>
            {t('activity.clear')}
          </button>
        ) : null}
      </div>
      {events.length === 0 ? (
        <p className="muted" data-testid="activity-empty">
          {t('activity.empty')}
        </p>
      ) : (
        <ol className="activity-list" data-testid="activity-list">
          {events.map((e) => (
            <li key={e.id} data-testid="activity-row" data-event-id={e.id} className={selection.kind === 'event' && selection.id === e.id ? 'selected' : ''}>
              <span className="event-date">{e.date}</span> <span className="event-kind">{eventKindLabel(language, e.kind)}</span>{' '}
              <button type="button" className="link event-open" onClick={() => appStore.getState().selectActivityItem('event', e.id)}>
                <Localized english={e.title} translations={e.titleTranslations} language={language} />
              </button>
              {e.uncertain && <span className="badge">{t('panel.uncertain')}</span>}
              {e.featureIds.length > 0 && (
                <span className="activity-features">
                  {' — '}
                  {e.featureIds.map((id) => {
                    const feature = data.byId.get(id);
                    return feature ? (
                      <button key={id} type="button" className="link" data-feature-id={id} onClick={() => appStore.getState().selectFeature(id, { fly: true })}>
                        {displayName(feature.properties.names, language)}
                      </button>
                    ) : null;
                  })}
                </span>
              )}{' '}
              <SourceRefs ids={e.sourceIds} data={data} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
