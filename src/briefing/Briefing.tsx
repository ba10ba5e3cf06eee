/**
 * The print-ready briefing of what is on screen: title, as-of date (and comparison range), the
 * filters in words, the map as a picture with legend, scale and credit, the features shown, the
 * selected feature's or province's panel content, and the sources cited with publisher, date and
 * URL. Loaded with import() from the header button; print rules live in briefing.css (A4 portrait
 * or landscape, rows kept whole, page numbers in the page margin).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  agreementsForFeature,
  counterpartsOf,
  displayName,
  eventsForFeature,
  provincesOf,
  sortedHistory,
  type AtlasFeature,
} from '../data/model';
import type { AtlasEvent, Agreement, StatusChange } from '../data/schema';
import { enumLabel, eventKindLabel, inLanguage } from '../i18n';
import { todayIso } from '../lib/dates';
import { compareDates } from '../data/compare';
import { adminOn, adminWords, citedSource, provinceNamesOn, rowSourceIds, type CitedSource } from '../lib/planner-table';
import { checkMark, statusAnswer } from '../data/planner-state';
import type { MapImage } from '../map/capture';
import { captureMap } from '../state/capture';
import { effectiveDay, eventsUpTo, visibleFeatureIds } from '../state/selectors';
import { appStore, useAppStore } from '../state/store';
import type { AppState, Language } from '../state/types';
import { FigureText, Parties } from '../panels/PanelParts';
import { legendEntries, type LegendEntry } from './legend';
import './briefing.css';

type Orientation = 'portrait' | 'landscape';

/** The comparison day (`from=`, the store's compareFrom) when it lies before the as-of day. */
function comparisonFrom(state: AppState, day: string): string | null {
  return state.compareFrom && state.compareFrom < day ? state.compareFrom : null;
}

/** Numbers each cited source once, in order of first citation. */
class Citations {
  readonly order: string[] = [];
  cite(ids: string[]): number[] {
    return ids.map((id) => {
      let index = this.order.indexOf(id);
      if (index < 0) index = this.order.push(id) - 1;
      return index + 1;
    });
  }
}

function Refs({ numbers }: { numbers: number[] }) {
  if (!numbers.length) return null;
  return <span className="brief-refs"> [{numbers.join(', ')}]</span>;
}

function Text({ english, translations, language }: { english: string; translations?: { vi?: string; zh?: string }; language: Language }) {
  const { text, lang } = inLanguage(english, translations, language);
  return <span lang={lang}>{text}</span>;
}

/** On paper there is no tooltip: a fact not confirmed against its source says so in words. */
function CheckNote({ change }: { change: StatusChange }) {
  const { t } = useTranslation();
  const mark = checkMark(change);
  if (mark.checked) return null;
  return (
    <span className="brief-muted" data-testid="briefing-check" data-reason={mark.reason}>
      {' '}({t(`answers.check.${mark.reason}`)})
    </span>
  );
}

function Names({ feature }: { feature: AtlasFeature }) {
  const n = feature.properties.names;
  return (
    <>
      {n.vi && <span lang="vi">{n.vi}</span>}
      {n.zh && <> · <span lang="zh">{n.zh}</span></>}
      {n.pinyin && <> · {n.pinyin}</>}
      {n.en && <> · <span lang="en">{n.en}</span></>}
    </>
  );
}

function MapFigure({ image, error, legend, credit, t }: { image: MapImage | null; error: string | null; legend: LegendEntry[]; credit: string; t: (k: string) => string }) {
  return (
    <figure className="brief-map brief-keep" data-testid="briefing-map">
      {image ? (
        <div className="brief-map-frame" style={{ ['--ratio' as string]: String(image.width / image.height) }}>
          <img src={image.dataUrl} alt={t('meeting.briefing.map')} />
          {image.labels.map((l, i) => (
            <span key={i} className={`brief-map-label brief-map-label--${l.kind}`} style={{ left: `${(100 * l.x) / image.width}%`, top: `${(100 * l.y) / image.height}%` }}>
              {l.text}
            </span>
          ))}
          <span className="brief-scale" style={{ width: `${(100 * image.scale.widthPx) / image.width}%` }}>
            {image.scale.label}
          </span>
        </div>
      ) : (
        <p className="brief-muted">{error ? t('meeting.briefing.mapMissing') : t('meeting.briefing.mapWaiting')}</p>
      )}
      <figcaption>
        <ul className="brief-legend" aria-label={t('meeting.briefing.legend')}>
          {legend.map((e) => (
            <li key={e.label}>
              <span className={`brief-swatch brief-swatch--${e.shape}`} style={{ background: e.shape === 'line' ? e.color : undefined, borderColor: e.color, color: e.color }} aria-hidden="true" />
              {e.label}
            </li>
          ))}
        </ul>
        <p className="brief-credit">
          {t('meeting.briefing.credit')}: {credit}
        </p>
      </figcaption>
    </figure>
  );
}

export default function Briefing({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const state = useAppStore((s) => s);
  const { data, filters, layers, language, selection } = state;
  const day = effectiveDay(filters);
  const from = comparisonFrom(state, day);
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  const [image, setImage] = useState<MapImage | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    let live = true;
    captureMap(appStore)
      .then((picture) => live && setImage(picture))
      .catch((error: Error) => live && setImageError(error.message));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    // Printing shows only the briefing (briefing.css); Escape closes it like a dialog.
    document.documentElement.classList.add('briefing-open');
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('briefing-open');
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const legend = useMemo(() => legendEntries(t, language), [t, language]);
  if (!data) return null;
  const citations = new Citations();
  const selected = selection.kind === 'feature' ? data.byId.get(selection.id) : undefined;
  const province = selection.kind === 'province' ? data.provinces.get(selection.id) : undefined;
  const visible = visibleFeatureIds(data, filters, layers, day).map((id) => data.byId.get(id)!);
  const shown = selected ? [selected, ...counterpartsOf(data, selected)] : province ? visible.filter((f) => provincesOf(f, day).includes(province.id)) : visible;
  const subject = selected ? displayName(selected.properties.names, language) : province ? displayName(province.names, language) : filters.provinces.map((id) => data.provinces.get(id)).filter((p) => p !== undefined).map((p) => displayName(p.names, language)).join(', ');
  const credit = t('attribution.osm');

  const filterLines: [string, string][] = [];
  if (filters.states.length) filterLines.push([t('meeting.briefing.statuses'), filters.states.map((s) => t(`answers.states.${s}`)).join(', ')]);
  if (filters.classes.length) filterLines.push([t('meeting.briefing.classes'), filters.classes.map((c) => enumLabel(language, c)).join(', ')]);
  if (filters.modes.length) filterLines.push([t('meeting.briefing.modes'), filters.modes.map((m) => enumLabel(language, m)).join(', ')]);
  if (filters.provinces.length) filterLines.push([t('meeting.briefing.provinces'), filters.provinces.map((id) => (data.provinces.get(id) ? displayName(data.provinces.get(id)!.names, language) : id)).join(', ')]);
  if (filters.query) filterLines.push([t('meeting.briefing.query'), filters.query]);
  const layerList = (Object.keys(layers) as (keyof typeof layers)[]).filter((l) => layers[l]).map((l) => enumLabel(language, l)).join(', ');

  // The planner state as the panel says it: state · detailed status since when.
  const stateCell = (f: AtlasFeature) => {
    const s = statusAnswer(data, f, day);
    if (!s) return '—';
    const state = t(`answers.states.${s.state}`);
    return s.status ? `${state} · ${enumLabel(language, s.status)} ${t('answers.since', { date: s.since })}` : state;
  };

  const featureRows = shown.map((f) => ({ f, refs: citations.cite(rowSourceIds(f)) }));

  const history: StatusChange[] = selected ? [...sortedHistory(selected)].reverse() : [];
  const agreements: Agreement[] = selected ? agreementsForFeature(data, selected) : [];
  const events: AtlasEvent[] = selected ? eventsUpTo(eventsForFeature(data, selected), day) : province ? eventsUpTo(data.events.filter((e) => e.provinceIds.includes(province.id)), day) : [];

  const detail = selected ? (
    <section className="brief-section" data-testid="briefing-selected">
      <h2>
        {t('meeting.briefing.selected')}: {displayName(selected.properties.names, language)}
      </h2>
      <dl className="brief-facts">
        <dt>{t('meeting.col.name')}</dt>
        <dd><Names feature={selected} /></dd>
        <dt>{t('meeting.col.kind')}</dt>
        <dd>{enumLabel(language, selected.properties.kind)} · {enumLabel(language, selected.properties.side)}</dd>
        <dt>{t('meeting.col.state')}</dt>
        <dd>{stateCell(selected)}</dd>
        <dt>{t('meeting.col.province')}</dt>
        <dd>{provinceNamesOn(data, selected, day, language)}{adminOn(selected, day).map((a) => adminWords(a, language)).filter(Boolean).map((w) => ` — ${w}`).join('')}</dd>
        <dt>{t('meeting.briefing.position')}</dt>
        <dd>
          {enumLabel(language, selected.properties.location.precision)}: {selected.geometry.coordinates[1].toFixed(4)}°N {selected.geometry.coordinates[0].toFixed(4)}°E.{' '}
          <Text english={selected.properties.location.method} translations={selected.properties.location.methodTranslations} language={language} />
        </dd>
        {selected.properties.uncertainties?.length ? (
          <>
            <dt>{t('meeting.briefing.uncertainties')}</dt>
            <dd>
              <ul className="brief-list" data-testid="briefing-uncertainties">
                {selected.properties.uncertainties.map((u, i) => (
                  <li key={i}>
                    <Text english={u} translations={selected.properties.uncertaintyTranslations?.[i]} language={language} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('meeting.briefing.description')}</dt>
        <dd><Text english={selected.properties.description} translations={selected.properties.descriptionTranslations} language={language} /></dd>
        <dt>{t('meeting.briefing.counterpart')}</dt>
        <dd>
          {counterpartsOf(data, selected).map((c) => (
            <span key={c.properties.id} className="brief-counterpart">
              <Names feature={c} /> ({enumLabel(language, c.properties.side)}, {stateCell(c)})
            </span>
          ))}
          {counterpartsOf(data, selected).length === 0 ? (
            selected.properties.counterpartNote ? (
              <Text english={selected.properties.counterpartNote} translations={selected.properties.counterpartNoteTranslations} language={language} />
            ) : (
              t('panel.noCounterpart')
            )
          ) : null}
        </dd>
      </dl>
      {history.length > 0 && (
        <>
          <h3>{t('meeting.briefing.history')}</h3>
          <table className="brief-table" data-testid="briefing-history">
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td className="brief-date">{h.date}</td>
                  <td>{h.status ? enumLabel(language, h.status) : ''}{h.class ? ` → ${enumLabel(language, h.class)}` : ''}</td>
                  <td>
                    <Text english={h.note} translations={h.noteTranslations} language={language} />
                    <CheckNote change={h} />
                    <Refs numbers={citations.cite(h.sourceIds)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('meeting.briefing.agreements')}</h3>
      {agreements.length ? (
        <ul className="brief-list">
          {agreements.map((a) => (
            <li key={a.id}>
              <strong><Text english={a.title.en} translations={a.title} language={language} /></strong> {a.signed ? `(${a.signed})` : ''} — <Parties parties={a.parties} translations={a.partyTranslations} language={language} />. <Text english={a.description} translations={a.descriptionTranslations} language={language} />
              <Refs numbers={citations.cite(a.sourceIds)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="brief-muted">{t('meeting.briefing.none')}</p>
      )}
    </section>
  ) : province ? (
    <section className="brief-section" data-testid="briefing-selected">
      <h2>
        {t('meeting.briefing.province')}: {displayName(province.names, language)}
      </h2>
      {province.notes.length > 0 && (
        <ul className="brief-list">
          {province.notes.map((n, i) => (
            <li key={i}>
              <Text english={n.text} translations={n.textTranslations} language={language} />
              <Refs numbers={citations.cite(n.sourceIds)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  ) : null;

  const eventList =
    selected || province ? (
      <section className="brief-section">
        <h3>{t('meeting.briefing.events')}</h3>
        {events.length ? (
          <ul className="brief-list brief-events">
            {events.map((e) => (
              <li key={e.id}>
                <span className="brief-date">{e.date}</span> <em>{eventKindLabel(language, e.kind)}</em> —{' '}
                <strong><Text english={e.title} translations={e.titleTranslations} language={language} /></strong>.{' '}
                <Text english={e.description} translations={e.descriptionTranslations} language={language} />
                {e.figures?.length ? (
                  <span className="brief-figures">
                    {' '}
                    {e.figures.map((f) => {
                      return (
                        <span key={f.label}>
                          <FigureText figure={f} language={language} />.{' '}
                        </span>
                      );
                    })}
                  </span>
                ) : null}
                <Refs numbers={citations.cite(e.sourceIds)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="brief-muted">{t('meeting.briefing.none')}</p>
        )}
      </section>
    ) : null;

  // The comparison range: what changed since the earlier day, for the features shown.
  const shownIds = new Set(shown.map((f) => f.properties.id));
  const comparison = from ? compareDates(data, from, day) : null;
  const changed = comparison ? comparison.changed.filter((c) => shownIds.has(c.feature.properties.id)) : [];
  const changeList = comparison ? (
    <section className="brief-section" data-testid="briefing-changes">
      <h2>{t('lang3.briefing.changesSince', { from, to: day })}</h2>
      {changed.length ? (
        <ul className="brief-list">
          {changed.map((c) => (
            <li key={c.feature.properties.id}>
              <strong>{displayName(c.feature.properties.names, language)}</strong>: {t(`answers.states.${c.from.state}`)}
              {c.from.since ? ` (${c.from.since})` : ''} → {t(`answers.states.${c.to.state}`)}
              {c.to.since ? ` (${c.to.since})` : ''}
              <Refs numbers={citations.cite(c.entries.flatMap((e) => e.sourceIds))} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="brief-muted">{t('lang3.briefing.noChanges', { from })}</p>
      )}
    </section>
  ) : null;

  // Sources are numbered in order of citation; read after every section above has cited.
  const sources: CitedSource[] = citations.order.map((id) => citedSource(data, id));
  const link = location.href;

  return (
    <div className="briefing-overlay" role="dialog" aria-modal="true" aria-label={t('meeting.briefing.dialog')} data-testid="briefing-view">
      <div className="briefing-toolbar">
        <button type="button" data-testid="briefing-print" onClick={() => window.print()}>
          {t('meeting.briefing.print')}
        </button>
        <label>
          <input type="radio" name="orientation" checked={orientation === 'portrait'} onChange={() => setOrientation('portrait')} /> {t('meeting.briefing.portrait')}
        </label>
        <label>
          <input type="radio" name="orientation" data-testid="briefing-landscape" checked={orientation === 'landscape'} onChange={() => setOrientation('landscape')} /> {t('meeting.briefing.landscape')}
        </label>
        <button
          type="button"
          data-testid="export-png"
          disabled={!image || working}
          onClick={async () => {
            if (!image) return;
            setWorking(true);
            try {
              const { saveMapPicture } = await import('./map-picture');
              await saveMapPicture(image, {
                title: [t('meeting.briefing.title'), subject].filter(Boolean).join(' — '),
                date: from ? t('lang3.briefing.range', { from, to: day }) : t('meeting.briefing.asOf', { date: day }),
                credit,
                legend,
                fileSubject: subject ? [selected ? (selected.properties.names.vi ?? subject) : subject] : [],
                day,
              });
            } finally {
              setWorking(false);
            }
          }}
        >
          {t('meeting.export.png')}
        </button>
        <button type="button" data-testid="briefing-close" onClick={onClose}>
          {t('meeting.briefing.close')}
        </button>
      </div>
      <article className={`briefing-doc briefing-doc--${orientation}`} data-testid="briefing-doc" lang={language}>
        <header className="brief-header">
          <h1 data-testid="briefing-title">
            {t('meeting.briefing.title')}
            {subject ? `: ${subject}` : ''}
          </h1>
          <p className="brief-sub">{t('meeting.briefing.subtitle')}</p>
          <p className="brief-date-line" data-testid="briefing-date">
            <strong>{t('meeting.briefing.asOf', { date: day })}</strong>
            {from ? (
              <>
                {' · '}
                <span data-testid="briefing-range">{t('lang3.briefing.range', { from, to: day })}</span>
              </>
            ) : null}
          </p>
        </header>
        <section className="brief-section brief-keep" data-testid="briefing-filters">
          <h2>{t('meeting.briefing.filters')}</h2>
          {filterLines.length ? (
            <dl className="brief-facts">
              {filterLines.map(([k, v]) => (
                <div key={k} className="brief-fact">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>{t('meeting.briefing.noFilters')}</p>
          )}
          <p>
            {t('meeting.briefing.layers')}: {layerList}
          </p>
        </section>
        <MapFigure image={image} error={imageError} legend={legend} credit={credit} t={t} />
        {detail}
        {changeList}
        <section className="brief-section" data-testid="briefing-features">
          <h2>{t('meeting.briefing.features', { count: shown.length })}</h2>
          <table className="brief-table">
            <thead>
              <tr>
                <th>{t('meeting.col.name')}</th>
                <th>{t('meeting.col.kind')}</th>
                <th>{t('meeting.col.state')}</th>
                <th>{t('meeting.col.province')}</th>
              </tr>
            </thead>
            <tbody>
              {featureRows.map(({ f, refs }) => (
                <tr key={f.properties.id}>
                  <td>
                    <Names feature={f} />
                    <Refs numbers={refs} />
                  </td>
                  <td>
                    {enumLabel(language, f.properties.kind)} · {enumLabel(language, f.properties.side)}
                  </td>
                  <td>{f.properties.kind === 'gate' || f.properties.kind === 'opening' || f.properties.kind === 'market' ? stateCell(f) : '—'}</td>
                  <td>{provinceNamesOn(data, f, day, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {eventList}
        <section className="brief-section" data-testid="briefing-sources">
          <h2>{t('meeting.briefing.sources', { count: sources.length })}</h2>
          <ol className="brief-sources">
            {sources.map((s) => (
              <li key={s.id}>
                {s.title} — {s.publisher}
                {s.date ? `, ${s.date}` : ''}
                {s.url ? (
                  <>
                    {'. '}
                    <a href={s.url}>{s.url}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        <footer className="brief-footer">
          {t('meeting.briefing.made', { date: todayIso() })} <a href={link}>{link}</a>
        </footer>
      </article>
    </div>
  );
}
