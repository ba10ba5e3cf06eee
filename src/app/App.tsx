import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/MapView';
import { ErrorBanner } from '../panels/ErrorBanner';
import { FeatureList } from '../panels/FeatureList';
import { FeaturePanel } from '../panels/FeaturePanel';
import { ProvincePanel } from '../panels/ProvincePanel';
import { FilterPanel } from '../panels/FilterPanel';
import { LayerPanel } from '../panels/LayerPanel';
import { SearchBox } from '../panels/SearchBox';
import { Summary } from '../panels/Summary';
import { UpdatePrompt } from './UpdatePrompt';
import { useCopyLink } from '../panels/copy';
import { shareUrl } from '../url/share';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';

// The briefing (and the print rules in its CSS) load on first use, not with the app.
const Briefing = lazy(() => import('../briefing/Briefing'));

/** Focuses an element as soon as React has rendered it (a few frames at most). */
function focusWhenPresent(id: string, framesLeft = 20) {
  const element = document.getElementById(id);
  if (element) element.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusWhenPresent(id, framesLeft - 1));
}

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

export function App() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const listOpen = useAppStore((s) => s.listOpen);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const hasSelection = useAppStore((s) => s.selection.kind !== 'none');
  // The sidebar is a drawer on narrow screens; whether it is open is not part of the shared state.
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Whether the briefing is open is not part of the shared state (a link opens the app, not a print view).
  const [briefingOpen, setBriefingOpen] = useState(false);
  const closeBriefing = useCallback(() => setBriefingOpen(false), []);
  useEffect(() => {
    // Escape closes the open panel (feature or province), as a dialog would; the search box
    // handles its own Escape first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // The briefing closes itself first.
      if (document.documentElement.classList.contains('briefing-open')) return;
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
            <option value="en" lang="en">English</option>
            <option value="vi" lang="vi">Tiếng Việt</option>
            <option value="zh" lang="zh">中文</option>
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
        <button type="button" data-testid="briefing" onClick={() => setBriefingOpen(true)} disabled={loadStatus.kind !== 'ready'}>
          {t('meeting.briefing.open')}
        </button>
      </header>
      <ErrorBanner />
      <main className="app-main">
        <div className="sidebar" id="sidebar" data-testid="sidebar">
          <button type="button" className="sidebar-close" onClick={() => setFiltersOpen(false)} aria-label={t('filters.close')}>
            ×
          </button>
          <FilterPanel />
          <LayerPanel />
          <Summary />
          <p className="attribution-note">{t('attribution.osm')}</p>
        </div>
        <div className="center">
          {loadStatus.kind === 'loading' ? <p className="loading">{t('app.loading')}</p> : <MapView />}
          {listOpen && <FeatureList />}
        </div>
        <FeaturePanel />
        <ProvincePanel />
      </main>
      {briefingOpen && (
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <Briefing onClose={closeBriefing} />
        </Suspense>
      )}
      <UpdatePrompt />
    </div>
  );
}
