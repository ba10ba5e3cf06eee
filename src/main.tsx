/**
 * Boot: decode the URL into the store (before the map exists, so the map starts from the linked
 * view), load and validate the data, check the link against it, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled fonts (unicode-range subsets, fetched only as needed) so Vietnamese and Chinese text
// renders the same offline on every machine, including browsers without CJK system fonts.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import './styles.css';
import { App } from './app/App';
import { loadAtlasData } from './data/load';
import { buildSearchIndex } from './data/search-index';
import { followStoreLanguage } from './i18n';
import { appStore } from './state/store';
import { applyUrl, checkLinkAgainstData, startUrlSync } from './url/sync';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  followStoreLanguage(appStore);
  const linkProblems = applyUrl(appStore, location.search, { moveCamera: false });
  appStore.getState().setLinkProblems(linkProblems);
  const base = `${import.meta.env.BASE_URL}geo/`;
  const { data, problems } = await loadAtlasData((path) => fetch(path), base);
  appStore.getState().setData(data, buildSearchIndex(data.features, [...data.provinces.values()]), problems);
  performance.mark('border-atlas:data-loaded');
  appStore.getState().setLinkProblems([...linkProblems, ...checkLinkAgainstData(appStore)]);
  startUrlSync(appStore, { location, pushState: history.pushState.bind(history), replaceState: history.replaceState.bind(history), addEventListener: window.addEventListener.bind(window) as never, removeEventListener: window.removeEventListener.bind(window) as never });
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  // Last resort: never a blank page.
  const element = document.getElementById('root');
  if (element) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.dataset.testid = 'error-banner';
    message.textContent = `Border Atlas could not start: ${(error as Error)?.message ?? String(error)}`;
    element.replaceChildren(message);
  }
});
