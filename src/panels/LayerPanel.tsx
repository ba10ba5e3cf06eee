import { useTranslation } from 'react-i18next';
import { KIND_OF_LAYER, LAYER_IDS } from '../data/kinds';
import { enumLabel } from '../i18n';
import { LAYER_SHAPES } from '../map/icons';
import { BORDER_COLOR, LAYER_COLORS, SCOPE_RING_COLORS, STATE_COLORS } from '../map/style';
import { PLANNER_STATES } from '../data/planner-state';
import { appStore, useAppStore } from '../state/store';

export function LayerPanel() {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const baseLayer = useAppStore((s) => s.baseLayer);
  return (
    <section className="panel layer-panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layers.title')}</h2>
      <div data-testid="layer-toggles" className="layer-toggles">
        {LAYER_IDS.map((id) => (
          <label key={id} className="checkbox">
            <input type="checkbox" name={`layer-${id}`} checked={layers[id]} onChange={(e) => appStore.getState().setLayerVisible(id, e.target.checked)} />
            <span className={`swatch shape-${LAYER_SHAPES[id]}`} style={{ background: LAYER_COLORS[id] }} aria-hidden="true" />
            <span>{enumLabel(language, KIND_OF_LAYER[id].label.many)}</span>
          </label>
        ))}
      </div>
      <fieldset className="basemap-choice">
        <legend>{t('basemap.label')}</legend>
        {(['offline', 'osm'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name="basemap" value={value} checked={baseLayer === value} onChange={() => appStore.getState().setBaseLayer(value)} />
            {t(`basemap.${value}`)}
          </label>
        ))}
      </fieldset>
      <div data-testid="legend" className="legend">
        <h3>{t('legend.title')}</h3>
        <ul>
          <li>
            <span className="legend-line" style={{ background: BORDER_COLOR }} aria-hidden="true" /> {t('legend.border')}
          </li>
        </ul>
        <h4>{t('answers.legendTitle')}</h4>
        <ul data-testid="state-legend">
          {PLANNER_STATES.map((s) => (
            <li key={s} className="state-definition">
              <span className="swatch round" style={{ background: STATE_COLORS[s] }} aria-hidden="true" /> <span>{t(`answers.stateDefs.${s}`)}</span>
            </li>
          ))}
          {(['goods', 'passengers'] as const).map((scope) => (
            <li key={scope}>
              <span className="swatch round" style={{ background: '#fff', border: `3px solid ${SCOPE_RING_COLORS[scope]}` }} aria-hidden="true" /> {t(`answers.scopeLegend.${scope}`)}
            </li>
          ))}
        </ul>
        <ul>
          {LAYER_IDS.map((l) => (
            <li key={l}>
              <span className={`swatch shape-${LAYER_SHAPES[l]}`} style={{ background: KIND_OF_LAYER[l].hasStatus ? '#6b6b6b' : LAYER_COLORS[l] }} aria-hidden="true" />{' '}
              {enumLabel(language, KIND_OF_LAYER[l].label.many)}
              {KIND_OF_LAYER[l].hasStatus ? ` (${t('legend.byStatus')})` : ''}
            </li>
          ))}
          <li>
            <span className="swatch round" style={{ background: '#333' }} aria-hidden="true" /> {t('legend.sourced')}
          </li>
          <li>
            <span className="swatch round hollow" aria-hidden="true" /> {t('legend.estimated')}
          </li>
          <li>
            <span className="legend-line dashed" aria-hidden="true" /> {t('legend.pair')}
          </li>
        </ul>
      </div>
    </section>
  );
}
