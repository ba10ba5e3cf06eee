/**
 * Owns the map's container. Creates the adapter once the data is there and destroys it on
 * unmount; nothing else in React touches the map.
 */
import { useEffect, useRef } from 'react';
import { appStore, useAppStore } from '../state/store';
import { BorderMap } from './adapter';
import { webglProblem } from './webgl';

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const data = useAppStore((s) => s.data);
  const mapStatus = useAppStore((s) => s.mapStatus);

  useEffect(() => {
    if (!container.current || !data) return;
    const problem = webglProblem();
    if (problem) {
      appStore.getState().setMapStatus({ kind: 'failed', message: problem });
      appStore.getState().setListOpen(true);
      return;
    }
    let adapter: BorderMap | null = null;
    try {
      adapter = new BorderMap(container.current, appStore, data, {
        onFirstIdle: () => performance.mark('border-atlas:first-idle'),
      });
    } catch (error) {
      appStore.getState().setMapStatus({ kind: 'failed', message: `The map could not start: ${(error as Error).message}` });
      appStore.getState().setListOpen(true);
    }
    return () => adapter?.destroy();
  }, [data]);

  return (
    <div className={mapStatus.kind === 'failed' ? 'map-area map-area--failed' : 'map-area'}>
      <div ref={container} className="map-container" data-testid="map" aria-label="Map of the Vietnam–China border" role="region" />
      {mapStatus.kind === 'failed' && (
        <div className="map-fallback" role="alert">
          <p>{mapStatus.message}</p>
          <p>The list of features still works: use the list view and the search box.</p>
        </div>
      )}
    </div>
  );
}
