/**
 * Owns the map's container. As soon as the border and basemap have loaded it creates the adapter
 * (MapLibre is a chunk of its own, loaded by a dynamic import of the adapter module) and destroys
 * it on unmount; the features are added by the adapter when they arrive. Nothing else in React
 * touches the map.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { appStore, useAppStore } from '../state/store';
import { isWebglFailure } from './webgl';
import { BasemapSwitch } from './BasemapSwitch';

/** Starts loading the adapter and MapLibre; main.tsx calls it at boot, in parallel with the data. */
export const loadMapAdapter = () => import('./adapter');

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const geometry = useAppStore((s) => s.geometry);
  const mapStatus = useAppStore((s) => s.mapStatus);
  const { t } = useTranslation();

  useEffect(() => {
    if (!container.current || !geometry) return;
    let adapter: { destroy(): void } | null = null;
    let cancelled = false;
    // On failure the list shows by itself (App derives it from mapStatus); listOpen, which the
    // URL carries, is left alone, so a link copied from the fallback has no list=1.
    const fail = (message: string) => appStore.getState().setMapStatus({ kind: 'failed', message });
    loadMapAdapter().then(
      ({ BorderMap }) => {
        if (cancelled || !container.current) return;
        try {
          adapter = new BorderMap(container.current, appStore, geometry, {
            onFirstIdle: () => performance.mark('border-atlas:first-idle'),
          });
        } catch (error) {
          // No WebGL shows here, when MapLibre asks for its context: a test context of our own
          // before it cost ~0.5 s of first idle in software WebGL (a second context, never freed).
          const t = i18n.getFixedT(appStore.getState().language);
          fail(isWebglFailure(error) ? t('mapview.noWebgl') : t('mapview.couldNotStart', { message: (error as Error)?.message ?? String(error) }));
        }
      },
      (error: unknown) => fail(i18n.getFixedT(appStore.getState().language)('mapview.couldNotLoad', { message: (error as Error)?.message ?? String(error) })),
    );
    return () => {
      cancelled = true;
      adapter?.destroy();
    };
  }, [geometry]);

  return (
    <div className={mapStatus.kind === 'failed' ? 'map-area map-area--failed' : 'map-area'}>
      <div ref={container} className="map-container" data-testid="map" aria-label={t('mapview.region')} role="region" />
      {mapStatus.kind !== 'failed' && <BasemapSwitch />}
      {mapStatus.kind === 'failed' && (
        <div className="map-fallback" role="alert">
          <p>{mapStatus.message}</p>
          <p>{t('mapview.listStillWorks')}</p>
        </div>
      )}
    </div>
  );
}
