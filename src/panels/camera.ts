/** Camera requests the panels make (the adapter does the moving). */
import { featuresFrame } from '../state/frames';
import { effectiveDay, visibleFeatureIds } from '../state/selectors';
import { appStore } from '../state/store';

/** Frames what the filters leave on the map ("Zoom to results"). */
export function zoomToResults() {
  const { data, filters, layers, requestCamera } = appStore.getState();
  if (!data) return;
  const bounds = featuresFrame(data, visibleFeatureIds(data, filters, layers, effectiveDay(filters)));
  if (bounds) requestCamera({ kind: 'bounds', bounds, maxZoom: 11 });
}
