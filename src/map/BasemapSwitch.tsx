/**
 * The basemap switch on the map itself (offline / OpenStreetMap), the hint past the offline map's
 * detail, and the notice when the online tiles fail. Reads and writes the store only; the
 * adapter shows the layers.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../state/store';
import { OFFLINE_DETAIL_MAX_ZOOM, OSM_TILES_FAILED } from './context';

export function BasemapSwitch() {
  const { t } = useTranslation();
  const basemap = useAppStore((s) => s.baseLayer);
  const zoom = useAppStore((s) => s.view?.zoom ?? 0);
  const failed = useAppStore((s) => s.mapNotices.includes(OSM_TILES_FAILED));
  const choose = (value: 'offline' | 'osm') => appStore.getState().setBaseLayer(value);
  return (
    <div className="basemap-switch" data-testid="basemap-switch">
      <div role="radiogroup" aria-label={t('mapctx.switchLabel')} className="basemap-switch__buttons">
        {(['offline', 'osm'] as const).map((value) => (
          <button key={value} type="button" role="radio" aria-checked={basemap === value} className={basemap === value ? 'is-on' : ''} onClick={() => choose(value)}>
            {t(`mapctx.${value}`)}
          </button>
        ))}
      </div>
      {basemap === 'offline' && zoom > OFFLINE_DETAIL_MAX_ZOOM && (
        <p className="basemap-switch__hint" data-testid="osm-hint">
          {t('mapctx.hint')}{' '}
          <button type="button" onClick={() => choose('osm')}>
            {t('mapctx.hintAction')}
          </button>
        </p>
      )}
      {basemap === 'osm' && failed && (
        <p className="basemap-switch__notice" role="status" data-testid="osm-failed">
          {t('mapctx.failed')}
        </p>
      )}
    </div>
  );
}
