import { useTranslation } from 'react-i18next';
import { displayName, type AtlasData } from '../data/model';
import type { Agreement, AtlasEvent } from '../data/schema';
import { enumLabel, eventKindLabel, inLanguage } from '../i18n';
import { appStore, useAppStore } from '../state/store';
import type { Language } from '../state/types';
import { FigureText, Localized, PanelHeader, Parties } from './PanelParts';
import { SourceRefs } from './SourceRef';
import { CheckMark } from './StateText';

/** Links to the features (click selects and flies to one) and provinces an item names. */
export function PlaceLinks({ featureIds, provinceIds, data, language }: { featureIds: string[]; provinceIds: string[]; data: AtlasData; language: Language }) {
  const { t } = useTranslation();
  const features = featureIds.map((id) => data.byId.get(id)).filter((f) => f !== undefined);
  const provinces = provinceIds.map((id) => data.provinces.get(id)).filter((p) => p !== undefined);
  if (features.length === 0 && provinces.length === 0) return <p className="muted">{t('activity.noPlaces')}</p>;
  return (
    <ul className="place-links" data-testid="event-places">
      {features.map((f) => (
        <li key={f.properties.id}>
          <button type="button" className="link" data-feature-id={f.properties.id} onClick={() => appStore.getState().selectFeature(f.properties.id, { fly: true })}>
            {displayName(f.properties.names, language)}
          </button>{' '}
          <span className="muted">({enumLabel(language, f.properties.kind)}, {enumLabel(language, f.properties.side)})</span>
        </li>
      ))}
      {provinces.map((p) => (
        <li key={p.id}>
          <button type="button" className="link" onClick={() => appStore.getState().selectProvince(p.id, { fly: true })}>
            {displayName(p.names, language)}
          </button>{' '}
          <span className="muted">({t(p.type === 'region' ? 'province.region' : 'province.province')})</span>
        </li>
      ))}
    </ul>
  );
}

function EventBody({ event, data, language }: { event: AtlasEvent; data: AtlasData; language: Language }) {
  const { t } = useTranslation();
  const agreements = event.agreementIds.map((id) => data.agreements.find((a) => a.id === id)).filter((a) => a !== undefined);
  return (
    <>
      <p className="feature-kind" data-testid="event-meta">
        <span data-testid="event-date">{event.date}</span> · {eventKindLabel(language, event.kind)}
        {event.sessionNumber ? ` · ${t('activity.session', { n: event.sessionNumber })}` : ''}
        {event.uncertain && <span className="badge">{t('panel.uncertain')}</span>}
        <CheckMark change={event} />
      </p>
      <Localized as="p" english={event.description} translations={event.descriptionTranslations} language={language} />
      <h3>{t('activity.places')}</h3>
      <PlaceLinks featureIds={event.featureIds} provinceIds={event.provinceIds} data={data} language={language} />
      {event.figures?.length ? (
        <>
          <h3>{t('activity.figures')}</h3>
          <ul className="figures">
            {event.figures.map((f) => (
              <li key={f.label}>
                <FigureText figure={f} language={language} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {agreements.length > 0 && (
        <>
          <h3>{t('panel.agreements')}</h3>
          <ul>
            {agreements.map((a) => (
              <li key={a.id}>
                {a.signed ? `${a.signed} ` : ''}
                <button type="button" className="link" onClick={() => appStore.getState().selectActivityItem('agreement', a.id)}>
                  <Localized english={a.title.en} translations={a.title} language={language} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('panel.sources')}</h3>
      <SourceRefs ids={event.sourceIds} data={data} />
    </>
  );
}

function AgreementBody({ agreement, data, language }: { agreement: Agreement; data: AtlasData; language: Language }) {
  const { t } = useTranslation();
  const events = data.events.filter((e) => e.agreementIds.includes(agreement.id));
  return (
    <>
      <p className="feature-kind" data-testid="event-meta">
        <span data-testid="event-date">{agreement.signed ?? agreement.inForce ?? t('activity.undated')}</span> · {t(`activity.agreementType.${agreement.type}`)} ·{' '}
        {t(`activity.level.${agreement.level}`)}
        {agreement.uncertain && <span className="badge">{t('panel.uncertain')}</span>}
        <CheckMark change={agreement} />
      </p>
      {agreement.inForce && agreement.inForce !== agreement.signed && <p>{t('activity.inForce', { date: agreement.inForce })}</p>}
      <p>
        {t('activity.parties')}: <Parties parties={agreement.parties} translations={agreement.partyTranslations} language={language} separator="; " />
      </p>
      <Localized as="p" english={agreement.description} translations={agreement.descriptionTranslations} language={language} />
      <h3>{t('activity.places')}</h3>
      <PlaceLinks featureIds={agreement.featureIds} provinceIds={agreement.provinceIds} data={data} language={language} />
      {events.length > 0 && (
        <>
          <h3>{t('activity.relatedEvents')}</h3>
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                {e.date}{' '}
                <button type="button" className="link" onClick={() => appStore.getState().selectActivityItem('event', e.id)}>
                  <Localized english={e.title} translations={e.titleTranslations} language={language} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('panel.sources')}</h3>
      <SourceRefs ids={agreement.sourceIds} data={data} />
    </>
  );
}

/** The panel of a selected event or agreement: what, when, where (linked), figures, agreements, sources. */
export function EventPanel() {
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  if (!data || (selection.kind !== 'event' && selection.kind !== 'agreement')) return null;
  const event = selection.kind === 'event' ? data.events.find((e) => e.id === selection.id) : undefined;
  const agreement = selection.kind === 'agreement' ? data.agreements.find((a) => a.id === selection.id) : undefined;
  if (!event && !agreement) return null;
  const title = event ? { english: event.title, translations: event.titleTranslations } : { english: agreement!.title.en, translations: agreement!.title };
  const { text } = inLanguage(title.english, title.translations, language);
  return (
    <aside className="panel feature-panel event-panel" data-testid="event-panel" data-item-id={selection.id} aria-labelledby="event-title">
      <PanelHeader titleId="event-title" title={text} />
      {event && <EventBody event={event} data={data} language={language} />}
      {agreement && <AgreementBody agreement={agreement} data={data} language={language} />}
    </aside>
  );
}
