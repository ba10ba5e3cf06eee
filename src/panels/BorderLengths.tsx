import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../data/model';
import type { BorderLength } from '../data/schema';
import type { Language } from '../state/types';
import { SourceRefs } from './SourceRef';

function formatKm(km: number, language: Language) {
  return km.toLocaleString(language, { maximumFractionDigits: 3 });
}

function LengthFigure({ length, language, data }: { length: BorderLength; language: Language; data: AtlasData }) {
  const { t } = useTranslation();
  const qualifier = length.qualifier ? `${t(`length.${length.qualifier}`)} ` : '';
  return (
    <>
      <strong>
        {qualifier}
        {formatKm(length.km, language)} km
      </strong>
      {length.asOf ? ` (${length.asOf})` : ''}
      {length.note ? ` — ${length.note}` : ''} <SourceRefs ids={length.sourceIds} data={data} />
    </>
  );
}

/**
 * The length of the drawn line beside the published figures. They disagree (about 1,300 to
 * 1,449.566 km), and a planner quoting one needs to see which source says what.
 */
export function BorderLengths({ data, language }: { data: AtlasData; language: Language }) {
  const { t } = useTranslation();
  const headline = data.borderLengths.find((l) => l.headline);
  const others = data.borderLengths.filter((l) => l !== headline);
  return (
    <div className="border-lengths" data-testid="border-lengths">
      {data.border && <p>{t('summary.borderMeasured', { km: formatKm(data.border.lengthKm, language) })}</p>}
      {headline && (
        <p>
          {t('summary.borderHeadline')}: <LengthFigure length={headline} language={language} data={data} />
        </p>
      )}
      {others.length > 0 && (
        <details>
          <summary>{t('summary.borderOthers', { count: others.length })}</summary>
          <ul>
            {others.map((l, i) => (
              <li key={i}>
                <LengthFigure length={l} language={language} data={data} />
              </li>
            ))}
          </ul>
          <p className="muted">{t('summary.borderWhy')}</p>
        </details>
      )}
    </div>
  );
}
