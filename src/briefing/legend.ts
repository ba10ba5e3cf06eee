/**
 * The legend of the map picture (briefing and PNG), in the UI language: the border line, the
 * state colours of gates and openings, and the shape of each layer. Colours come from the map
 * style, so the legend cannot drift from the map.
 */
import { LAYER_IDS } from '../data/model';
import { enumLabel } from '../i18n';
import { LAYER_SHAPES } from '../map/icons';
import { BORDER_COLOR, LAYER_COLORS, STATE_COLORS } from '../map/style';
import { PLANNER_STATES } from '../data/planner-state';

export interface LegendEntry {
  label: string;
  color: string;
  shape: 'line' | 'circle' | 'diamond' | 'square' | 'triangle';
}

export function legendEntries(t: (key: string) => string, language: 'en' | 'vi' | 'zh'): LegendEntry[] {
  return [
    { label: t('meeting.legend.border'), color: BORDER_COLOR, shape: 'line' },
    ...PLANNER_STATES.map((s) => ({ label: t(`answers.states.${s}`), color: STATE_COLORS[s], shape: 'circle' as const })),
    ...LAYER_IDS.map((l) => ({ label: enumLabel(language, l), color: l === 'gates' || l === 'openings' ? '#6b6b6b' : LAYER_COLORS[l], shape: LAYER_SHAPES[l] })),
  ];
}
