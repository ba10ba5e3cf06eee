import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/MapView';
import { ErrorBanner } from '../panels/ErrorBanner';
import { FilterPanel } from '../panels/FilterPanel';
import { LayerPanel } from '../panels/LayerPanel';
import { SearchBox } from '../panels/SearchBox';
import { UpdatePrompt } from './UpdatePrompt';
import { useCopyLink } from '../panels/copy';
import { shareUrl } from '../url/share';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';
import { useMapPadding } from './map-padding';

/** Focuses an element as soon as React has rendered it (the list is a lazy chunk: up to ~5 s). */
function focusWhenPresent(id: string, framesLeft = 300) {
  const element = document.getElementById(id);
  if (element) element.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusWhenPresent(id, framesLeft - 1));
}

// Loaded on demand, each as its own chunk: the panels of a selection, the list (with its
// exports) and the summary (with its charts) are not needed to draw the first screen.
const FeaturePanel = lazy(() => import('../panels/FeaturePanel').then((m) => ({ default: m.FeaturePanel })));
const ProvincePanel = lazy(() => import('../panels/ProvincePanel').then((m) => ({ default: m.ProvincePanel })));
const FeatureList = lazy(() => import('../panels/FeatureList').then((m) => ({ default: m.FeatureList })));
const Summary = lazy(() => import('../panels/Summary').then((m) => ({ default: m.Summary })));

function CopyLinkButton() {
  const { t } = useTranslation();
  const { message, copy } = useCopyLink();
  return (
    <span className="copy-link">
      <button type="button" data-testid="copy-link" onClick={() => copy(shareUrl(appStore.getState()))}>
        {t('copy.link')}
      </button>
      {message && (
        <span role="status" className="copied" data-testid="copy-confirmation">
          {message}
        </span>
      )}
    </span>
  );
}

/** While "Play years" runs, the year shown, large over the map (announced politely). */
function YearOverlay() {
  const { t } = useTranslation();
  const playing = useAppStore((s) => s.playing);
  const date = useAppStore((s) => s.filters.date);
  const year = (date ?? new Date().toISOString()).slice(0, 4);
  return (
    <div className="year-overlay" aria-live="polite" aria-label={t('answers.yearOnMap')} data-testid="year-overlay" hidden={!playing}>
      {playing ? year : ''}
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const listOpen = useAppStore((s) => s.listOpen);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const hasSelection = useAppStore((s) => s.selection.kind !== 'none');
  useMapPadding();
  // The sidebar is a drawer on narrow screens; whether it is open is not part of the shared state.
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => {
    // Escape closes the open panel (feature or province), as a dialog would; the search box
    // handles its own Escape first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if ((event.target as HTMLElement | null)?.closest?.('[data-testid="search-input"], select')) return;
      if (filtersOpen) setFiltersOpen(false);
      else if (appStore.getState().selection.kind !== 'none') appStore.getState().selectFeature(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [filtersOpen]);
  return (
    <div className={`app ${hasSelection ? 'with-panel' : ''} ${listOpen ? 'with-list' : ''} ${filtersOpen ? 'with-filters' : ''}`}>
      <a
        className="skip-link"
        href="#feature-list"
        onClick={(event) => {
          // No jump to a fragment: that fires popstate, and the list must open and take the focus.
          event.preventDefault();
          appStore.getState().setListOpen(true);
          focusWhenPresent('feature-list');
        }}
      >
        {t('skip.list')}
      </a>
      <header className="app-header">
        <h1>
          {t('app.title')} <small>{t('app.subtitle')}</small>
        </h1>
        <SearchBox />
        <label className="language">
          <span className="visually-hidden">{t('language.label')}</span>
          <select value={language} onChange={(e) => appStore.getState().setLanguage(e.target.value as Language)} data-testid="language">
            <option value="en">English</option>
            <option value="vi">Tiếng Việt</option>
            <option value="zh">中文</option>
          </select>
        </label>
        <button
          type="button"
          className="filters-toggle"
          data-testid="filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="sidebar"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          {t('filters.title')}
        </button>
        <button type="button" data-testid="list-toggle" aria-pressed={listOpen} onClick={() => appStore.getState().setListOpen(!listOpen)}>
          {listOpen ? t('list.close') : t('list.open')}
        </button>
        <CopyLinkButton />
      </header>
      <ErrorBanner />
      <main className="app-main">
        <div className="sidebar" id="sidebar" data-testid="sidebar">
          <button type="button" className="sidebar-close" onClick={() => setFiltersOpen(false)} aria-label={t('filters.close')}>
            ×
          </button>
          <FilterPanel />
          <LayerPanel />
          <Suspense fallback={null}>
            <Summary />
          </Suspense>
          <p className="attribution-note">{t('attribution.osm')}</p>
        </div>
        <div className="center">
          <MapView />
          <YearOverlay />
          {loadStatus.kind === 'loading' && (
            // Shown only when loading takes longer than half a second (a CSS animation delay).
            <p className="loading-indicator" role="status" data-testid="loading">
              <span className="loading-bar" aria-hidden="true" />
              {t('app.loading')}
            </p>
          )}
          {listOpen && (
            <Suspense fallback={null}>
              <FeatureList />
            </Suspense>
          )}
        </div>
        {hasSelection && (
          <Suspense fallback={null}>
            <FeaturePanel />
            <ProvincePanel />
          </Suspense>
        )}
      </main>
      <UpdatePrompt />
    </div>
  );
}
