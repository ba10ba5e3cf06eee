/**
 * Boot: decode the URL into the store (before the map exists, so the map starts from the linked
 * view), render the shell at once, and load in parallel: MapLibre (its own chunk), the border and
 * basemap (the map starts from them), and the feature files (validated with the same zod schemas,
 * then added to the map and the panels). The search index is built in idle time afterwards.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled fonts (unicode-range subsets, fetched only as needed) so Vietnamese and Chinese text
// renders the same offline on every machine, including browsers without CJK system fonts.
// Latin, Latin Extended and Vietnamese only: the UI writes no Cyrillic, Greek or Devanagari.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import './styles.css';
import { App } from './app/App';
import { buildSearchIndexWhenIdle, ensureSearchIndex } from './app/search-index-loader';
import { loadFeatureParts, loadGeometry, type Fetcher } from './data/load';
import { buildAtlasData } from './data/model';
import { followStoreLanguage, loadLanguage } from './i18n';
import { loadMapAdapter } from './map/MapView';
import { appStore } from './state/store';
import { applyUrl, checkLinkAgainstData, showLinkedSelection, startUrlSync } from './url/sync';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  followStoreLanguage(appStore);
  const linkProblems = applyUrl(appStore, location.search, { moveCamera: false });
  // Read before the map starts writing its camera into the store.
  const linkHasView = appStore.getState().view !== null;
  appStore.getState().setLinkProblems(linkProblems);
  // A link in Vietnamese or Chinese renders in it from the first frame (a small chunk, local).
  await loadLanguage(appStore.getState().language).catch(() => {});
  // MapLibre downloads while the data does; WebGL is checked when the map is created.
  void loadMapAdapter().catch(() => {});
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Noto Sans SC's ~100 @font-face rules are 90 KB of CSS: a stylesheet of its own, requested
  // right after the shell so it never blocks first paint (Chinese names show within a frame or two).
  void import('@fontsource/noto-sans-sc/400.css');
  const base = `${import.meta.env.BASE_URL}geo/`;
  const fetcher: Fetcher = (path) => fetch(path);
  const geometryLoaded = loadGeometry(fetcher, base).then((result) => {
    // The map starts now; a broken border or basemap is in the banner and does not stop it.
    appStore.getState().setGeometry(result.geometry, result.problems);
    return result;
  });
  const [geometry, features] = await Promise.all([geometryLoaded, loadFeatureParts(fetcher, base)]);
  const data = buildAtlasData({ ...features.parts, ...geometry.geometry });
  appStore.getState().setData(data, null, [...geometry.problems, ...features.problems]);
  performance.mark('border-atlas:data-loaded');
  appStore.getState().setLinkProblems([...linkProblems, ...checkLinkAgainstData(appStore)]);
  // A link that selects something but carries no view (written by hand, or cut short) shows what
  // it selects, as choosing it in the app would; a link with a view keeps its view.
  if (!linkHasView) showLinkedSelection(appStore);
  startUrlSync(appStore, {
    location,
    pushState: history.pushState.bind(history),
    replaceState: history.replaceState.bind(history),
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  });
  // A link with a search shows its results at once; otherwise the index waits for idle time.
  if (appStore.getState().filters.query.trim()) void ensureSearchIndex(appStore);
  else buildSearchIndexWhenIdle(appStore);
}

boot().catch((error: unknown) => {
  const message = `Border Atlas could not start: ${(error as Error)?.message ?? String(error)}`;
  // The shell is up: the banner says it. If even the shell failed, a plain message: never a blank page.
  appStore.getState().setLoadFailed(message);
  const element = document.getElementById('root');
  if (element && !element.querySelector('.app')) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.dataset.testid = 'error-banner';
    p.textContent = message;
    element.replaceChildren(p);
  }
});
