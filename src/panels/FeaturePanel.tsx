import { useTranslation } from 'react-i18next';
import {
  agreementsForFeature,
  allProvincesOf,
  classAsOf,
  counterpartsOf,
  displayName,
  eventsForFeature,
  sharingPosition,
} from '../data/model';
import { enumLabel } from '../i18n';
import { adminWords } from '../lib/planner-table';
import { distanceKm } from '../lib/distance';
import { buildRows } from '../state/answers';
import { featureState, sideChanges, sortChanges } from '../data/planner-state';
import { effectiveDay, eventsUpTo, visibilityFilters, visibleFeatureIds } from '../state/selectors';
import { CheckMark, StateText } from './StateText';
import { appStore, useAppStore } from '../state/store';
import { shareUrl } from '../url/share';
import { yearRange } from '../data/activity';
import { EventList } from './EventList';
import { AgreementsSection } from './AgreementText';
import { SourceItem, SourceRefs } from './SourceRef';
import { useCopyLink } from './copy';
import { Localized, NamesList, PanelHeader } from './PanelParts';

export function FeaturePanel() {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const language = useAppStore((s) => s.language);
  const filters = useAppStore((s) => visibilityFilters(s.filters));
  const layers = useAppStore((s) => s.layers);
  const { message: copied, copy } = useCopyLink();
  const feature = selection.kind === 'feature' ? data?.byId.get(selection.id) : undefined;
  if (!data || !feature) return null;
  const day = effectiveDay(filters);
  const p = feature.properties;
  const hasHistory = p.kind === 'gate' || p.kind === 'opening' || p.kind === 'market';
  const state = featureState(data, feature, day);
  // With both sides counted as one crossing, the map colours the crossing's state: say it too.
  const crossing =
    state && filters.side === 'both' ? buildRows(data, 'both', day).find((r) => r.members.length > 1 && r.members.includes(feature)) : undefined;
  const klass = 'class' in p ? classAsOf(feature, day) : null;
  const counterparts = counterpartsOf(data, feature);
  const agreements = agreementsForFeature(data, feature);
  // Its own entries, and the counterpart's entries about the pair as a whole, newest first.
  const history = sortChanges(sideChanges(data, feature)).reverse();
  const events = eventsUpTo(eventsForFeature(data, feature), day);
  const provinceIds = allProvincesOf(feature);
  const provinceEvents = eventsUpTo(
    data.events.filter((e) => e.featureIds.length === 0 && e.provinceIds.some((id) => provinceIds.includes(id))),
    day,
  );
  const provinceNotes = provinceIds.flatMap((id) => (data.provinces.get(id)?.notes ?? []).map((n) => ({ ...n, province: id })));
  const citedIds = [
    ...new Set([
      ...p.sourceIds,
      ...p.location.sourceIds,
      ...(p.location.anchor?.sourceIds ?? []),
      ...history.flatMap((h) => h.change.sourceIds),
      ...agreements.flatMap((a) => a.sourceIds),
      ...events.flatMap((e) => e.sourceIds),
    ]),
  ];
  const copyFeatureLink = () => copy(shareUrl(appStore.getState(), { selection: { kind: 'feature', featureKind: p.kind, id: p.id } }));
  const estimated = p.location.precision.startsWith('estimated');
  const samePosition = sharingPosition(data, feature);
  return (
    <aside className="panel feature-panel" data-testid="feature-panel" aria-labelledby="feature-title">
      <PanelHeader titleId="feature-title" title={displayName(p.names, language)} />
      <p className="feature-kind">
        {enumLabel(language, p.kind)} · {enumLabel(language, p.side)}
        {klass ? ` · ${enumLabel(language, klass)}` : ''}
      </p>
      {state && (
        <p className="feature-status" data-testid="feature-status">
          {t('panel.status', { date: day })}: <StateText answer={state} data={data} />
        </p>
      )}
      {crossing?.answer && crossing.answer.change !== state?.change && (
        <p className="feature-status crossing-status" data-testid="crossing-status">
          {t('answers.crossing')}: <StateText answer={crossing.answer} data={data} />
        </p>
      )}
      {!visibleFeatureIds(data, filters, layers, day).includes(p.id) && (
        <p className="hidden-note" role="note" data-testid="hidden-by-filters">
          {t('panel.hiddenByFilters')}
        </p>
      )}
      <NamesList names={p.names} />
      <button type="button" onClick={copyFeatureLink} data-testid="copy-feature-link">{t('copy.feature')}</button>
      {copied && <span role="status" className="copied">{copied}</span>}
      <Localized as="p" className="description" testId="feature-description" english={p.description} translations={p.descriptionTranslations} language={language} />
      {language !== 'en' && p.descriptionTranslations?.[language] && <p className="muted translation-note">{t('panel.translated')}</p>}
      {p.uncertainties?.length ? (
        <ul className="uncertainties">
          {p.uncertainties.map((u, i) => (
            <li key={u}>
              ⚠ <Localized english={u} translations={p.uncertaintyTranslations?.[i]} language={language} />
            </li>
          ))}
        </ul>
      ) : null}

      <h3>{t('panel.counterpart')}</h3>
      {counterparts.length ? (
        <ul className="counterparts">
          {counterparts.map((c) => (
            <li key={c.properties.id}>
              <button type="button" className="link" data-testid="counterpart-link" onClick={() => appStore.getState().selectFeature(c.properties.id, { fly: true })}>
                {displayName(c.properties.names, language)} ({enumLabel(language, c.properties.side)})
              </button>{' '}
              <span className="muted" data-testid="counterpart-distance">
                {t('panel.apart', { km: distanceKm(feature.geometry.coordinates, c.geometry.coordinates).toFixed(1) })}
                {estimated || c.properties.location.precision.startsWith('estimated') ? `, ${t('panel.apartEstimated')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {p.counterpartNote ? <Localized english={p.counterpartNote} translations={p.counterpartNoteTranslations} language={language} testId="counterpart-note" /> : t('panel.noCounterpart')}
        </p>
      )}

      <h3>{t('panel.position')}</h3>
      <p className={estimated ? 'position estimated' : 'position'} data-testid="feature-position">
        {estimated && <span className="badge warn">{t('panel.estimated')}</span>} {enumLabel(language, p.location.precision)}:{' '}
        {feature.geometry.coordinates[1].toFixed(4)}°N {feature.geometry.coordinates[0].toFixed(4)}°E.{' '}
        <Localized english={p.location.method} translations={p.location.methodTranslations} language={language} testId="position-method" />{' '}
        <SourceRefs ids={[...new Set([...p.location.sourceIds, ...(p.location.anchor?.sourceIds ?? [])])]} data={data} />
      </p>

      {samePosition.length > 0 && (
        <details className="same-position" data-testid="same-position" open={estimated}>
          <summary>{t('panel.samePosition', { count: samePosition.length })}</summary>
          <p className="muted">{t('panel.samePositionHint')}</p>
          <ul>
            {samePosition.map((f) => (
              <li key={f.properties.id}>
                <button type="button" className="link" onClick={() => appStore.getState().selectFeature(f.properties.id)}>
                  {displayName(f.properties.names, language)}
                </button>{' '}
                <span className="muted">({enumLabel(language, f.properties.kind)} · {enumLabel(language, f.properties.side)})</span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <h3>{t('panel.admin')}</h3>
      <ul className="admin">
        {p.admin.map((a, i) => (
          <li key={i}>
            {adminWords(a, language)}
            {a.commune || a.district || a.prefecture ? (language === 'zh' ? '，' : ', ') : ''}
            <button type="button" className="link" data-testid="province-link" onClick={() => appStore.getState().selectProvince(a.provinceId, { fly: true })}>
              {data.provinces.get(a.provinceId) ? displayName(data.provinces.get(a.provinceId)!.names, language) : a.provinceId}
            </button>
            {a.validFrom || a.validTo ? ` (${a.validFrom ?? '…'} – ${a.validTo ?? t('panel.now')})` : ''}
          </li>
        ))}
      </ul>

      <AgreementsSection agreements={agreements} data={data} language={language} parties />

      {hasHistory && (
        <>
          <h3>{t('panel.history')}</h3>
          {history.length ? (
            <ol className="status-history" data-testid="status-history">
              {history.map(({ change: h, featureId }, i) => (
                <li key={i}>
                  <span className="event-date">{h.date}</span> {h.status ? enumLabel(language, h.status) : ''}
                  {h.class ? ` → ${enumLabel(language, h.class)}` : ''}
                  {h.scope && h.scope !== 'all' ? ` (${t(`answers.scope.${h.scope}`)})` : ''}
                  {h.uncertain && <span className="badge">{t('panel.uncertain')}</span>}
                  {h.pair && <span className="badge" title={featureId !== p.id ? data.byId.get(featureId)?.properties.id : undefined}>{t('answers.pairEntry')}</span>} —{' '}
                  <Localized english={h.note} translations={h.noteTranslations} language={language} />{' '}
                  <SourceRefs ids={h.sourceIds} data={data} />
                  <CheckMark change={h} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('panel.none')}</p>
          )}
        </>
      )}

      <h3>{t('panel.events')}</h3>
      <EventList
        events={events}
        data={data}
        language={language}
        // The pair's events where the feature has a pair (both sides), else its provinces'.
        onYear={(year) =>
          appStore.getState().openActivity({ kinds: [], ...(p.pairId ? { pair: p.pairId, provinces: [] } : { pair: null, provinces: provinceIds }), ...yearRange(year) })
        }
      />

      {provinceEvents.length > 0 && (
        <details className="province-events">
          <summary>
            {t('panel.provinceEvents')} ({provinceEvents.length})
          </summary>
          <EventList events={provinceEvents} data={data} language={language} />
        </details>
      )}
      {provinceNotes.length > 0 && (
        <details>
          <summary>{t('panel.notes')} ({provinceNotes.length})</summary>
          <ul>
            {provinceNotes.map((n, i) => (
              <Localized as="li" key={i} english={n.text} translations={n.textTranslations} language={language}>
                {' '}
                <SourceRefs ids={n.sourceIds} data={data} />
              </Localized>
            ))}
          </ul>
        </details>
      )}

      <h3>{t('panel.sources')}</h3>
      <ol className="sources">
        {citedIds.map((id) => (
          <SourceItem key={id} id={id} data={data} />
        ))}
      </ol>
    </aside>
  );
}
