import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../data/model';
import { AGREEMENT_HIT_PREFIX, EVENT_HIT_PREFIX, PROVINCE_HIT_PREFIX } from '../data/search-ids';
import { ensureSearchIndex } from '../app/search-index-loader';
import { enumLabel, eventKindLabel, inLanguage } from '../i18n';
import { appStore, useAppStore } from '../state/store';

/** At most this many places, then at most this many events and agreements, in one list. */
const PLACE_HITS = 8;
const ACTIVITY_HITS = 8;

/**
 * Search as you type over every feature, province, event and agreement: places first, then
 * events and agreements (their own group). Arrow keys move through the results, Enter chooses,
 * Escape clears. Choosing a place flies to it and opens its panel; choosing an event or an
 * agreement opens its panel.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useAppStore((s) => s.filters.query);
  const index = useAppStore((s) => s.searchIndex);
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => (index ? [...index.search(query, PLACE_HITS), ...index.searchActivity(query, ACTIVITY_HITS)] : []), [index, query]);
  const firstActivity = hits.findIndex((h) => h.id.startsWith(EVENT_HIT_PREFIX) || h.id.startsWith(AGREEMENT_HIT_PREFIX));

  const choose = (id: string) => {
    if (id.startsWith(EVENT_HIT_PREFIX)) appStore.getState().selectActivityItem('event', id.slice(EVENT_HIT_PREFIX.length));
    else if (id.startsWith(AGREEMENT_HIT_PREFIX)) appStore.getState().selectActivityItem('agreement', id.slice(AGREEMENT_HIT_PREFIX.length));
    else if (id.startsWith(PROVINCE_HIT_PREFIX)) appStore.getState().selectProvince(id.slice(PROVINCE_HIT_PREFIX.length), { fly: true });
    else appStore.getState().selectFeature(id, { fly: true });
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      choose(hits[active].id);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const listId = 'search-results';
  return (
    <div className="search-box">
      <input
        type="search"
        data-testid="search-input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `search-hit-${hits[active].id.replace(':', '-')}` : undefined}
        onChange={(e) => {
          appStore.getState().setFilters({ query: e.target.value });
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          void ensureSearchIndex(appStore);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {/* No list until the index is built (a moment after the first focus), rather than a false "No match". */}
      {open && query.trim() && index && (
        <ul className="search-results" id={listId} role="listbox" data-testid="search-results">
          {hits.length === 0 && <li className="search-none">{t('search.none')}</li>}
          {hits.map((hit, i) => {
            const common = {
              id: `search-hit-${hit.id.replace(':', '-')}`,
              role: 'option',
              'aria-selected': i === active,
              className: i === active ? 'active' : '',
              onMouseDown: (e: React.MouseEvent) => {
                e.preventDefault();
                choose(hit.id);
              },
            } as const;
            const heading =
              i === firstActivity ? (
                <li key="activity-heading" role="presentation" className="search-group">
                  {t('activity.searchGroup')}
                </li>
              ) : null;
            if (hit.id.startsWith(EVENT_HIT_PREFIX) || hit.id.startsWith(AGREEMENT_HIT_PREFIX)) {
              const isEvent = hit.id.startsWith(EVENT_HIT_PREFIX);
              const event = isEvent ? data?.events.find((e) => `${EVENT_HIT_PREFIX}${e.id}` === hit.id) : undefined;
              const agreement = isEvent ? undefined : data?.agreements.find((a) => `${AGREEMENT_HIT_PREFIX}${a.id}` === hit.id);
              if (!event && !agreement) return null;
              const title = event ? inLanguage(event.title, event.titleTranslations, language) : inLanguage(agreement!.title.en, agreement!.title, language);
              const date = event ? event.date : (agreement!.signed ?? agreement!.inForce ?? '');
              const kind = event ? eventKindLabel(language, event.kind) : t('activity.agreement');
              return [
                heading,
                <li key={hit.id} {...common} data-hit-kind={isEvent ? 'event' : 'agreement'}>
                  <span className="hit-name" lang={title.lang}>
                    {title.text}
                  </span>
                  <span className="hit-meta">
                    {date} — {kind}
                  </span>
                </li>,
              ];
            }
            const province = hit.id.startsWith(PROVINCE_HIT_PREFIX) ? data?.provinces.get(hit.id.slice(PROVINCE_HIT_PREFIX.length)) : undefined;
            const feature = data?.byId.get(hit.id);
            if (!feature && !province) return null;
            const n = feature ? feature.properties.names : province!.names;
            const kind = feature ? enumLabel(language, feature.properties.kind) : province!.type === 'region' ? 'Region' : 'Province';
            const side = enumLabel(language, feature ? feature.properties.side : province!.country);
            return (
              <li key={hit.id} {...common}>
                <span className="hit-name">{displayName(n, language)}</span>
                <span className="hit-meta">
                  {[n.zh, n.pinyin].filter(Boolean).join(' · ')} — {kind} ({side})
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
