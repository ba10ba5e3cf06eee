import { useTranslation } from 'react-i18next';
import { allProvincesOf, displayName } from '../data/model';
import { enumLabel } from '../i18n';
import { nextDay } from '../lib/dates';
import { effectiveDay, eventsUpTo, visibilityFilters } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import { yearRange } from '../data/activity';
import { EventList } from './EventList';
import { AgreementsSection } from './AgreementText';
import { Localized, NamesList, PanelHeader } from './PanelParts';
import { SourceRefs } from './SourceRef';

/**
 * A province's panel: names, the dates it existed (2025 mergers), border lengths by source,
 * notes, its features, agreements, and province-level events such as Joint Working Group
 * sessions and party secretaries' conferences.
 */
export function ProvincePanel() {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  const filters = useAppStore((s) => visibilityFilters(s.filters));
  const province = selection.kind === 'province' ? data?.provinces.get(selection.id) : undefined;
  if (!data || !province) return null;
  const day = effectiveDay(filters);
  const successor = province.successorId ? data.provinces.get(province.successorId) : undefined;
  const predecessors = [...data.provinces.values()].filter((p) => p.successorId === province.id);
  const features = data.features.filter((f) => allProvincesOf(f).includes(province.id));
  const agreements = data.agreements.filter((a) => a.provinceIds.includes(province.id));
  const events = eventsUpTo(
    data.events.filter((e) => e.provinceIds.includes(province.id)),
    day,
  );
  return (
    <aside className="panel feature-panel province-panel" data-testid="province-panel" aria-labelledby="province-title">
      <PanelHeader titleId="province-title" title={displayName(province.names, language)} />
      <p className="feature-kind">
        {t(province.type === 'region' ? 'province.region' : 'province.province')} · {enumLabel(language, province.country)}
        {province.validFrom || province.validTo ? ` · ${province.validFrom ?? '…'} – ${province.validTo ?? t('panel.now')}` : ''}
      </p>
      <NamesList names={province.names} />
      {successor && (
        <p>
          {t('province.mergedInto')}{' '}
          <button type="button" className="link" onClick={() => appStore.getState().selectProvince(successor.id, { fly: true })}>
            {displayName(successor.names, language)}
          </button>{' '}
          {province.validTo ? t('province.on', { date: nextDay(province.validTo) }) : t('province.noDate')}.
        </p>
      )}
      {predecessors.length > 0 && (
        <p>
          {t('province.tookIn')}{' '}
          {predecessors.map((p) => (
            <button key={p.id} type="button" className="link" onClick={() => appStore.getState().selectProvince(p.id, { fly: true })}>
              {displayName(p.names, language)}
            </button>
          ))}
        </p>
      )}
      {province.borderLengths.length > 0 && (
        <>
          <h3>{t('province.borderLength')}</h3>
          <ul>
            {province.borderLengths.map((l, i) => (
              <li key={i}>
                {l.km.toLocaleString(language)} km{l.asOf ? ` (${l.asOf})` : ''}{l.note ? ` — ${l.note}` : ''} <SourceRefs ids={l.sourceIds} data={data} />
              </li>
            ))}
          </ul>
        </>
      )}
      {province.notes.length > 0 && (
        <>
          <h3>{t('panel.notes')}</h3>
          <ul>
            {province.notes.map((n, i) => (
              <Localized as="li" key={i} english={n.text} translations={n.textTranslations} language={language}>
                {' '}
                <SourceRefs ids={n.sourceIds} data={data} />
              </Localized>
            ))}
          </ul>
        </>
      )}
      <h3>{t('province.features', { count: features.length })}</h3>
      <ul className="province-features">
        {features.map((f) => (
          <li key={f.properties.id}>
            <button type="button" className="link" onClick={() => appStore.getState().selectFeature(f.properties.id, { fly: true })}>
              {displayName(f.properties.names, language)}
            </button>{' '}
            <span className="muted">({enumLabel(language, f.properties.kind)}, {f.properties.side})</span>
          </li>
        ))}
      </ul>
      <AgreementsSection agreements={agreements} data={data} language={language} />
      <h3>{t('panel.provinceEvents')}</h3>
      <EventList
        events={events}
        data={data}
        language={language}
        onYear={(year) => appStore.getState().openActivity({ kinds: [], pair: null, provinces: [province.id], ...yearRange(year) })}
      />
    </aside>
  );
}
