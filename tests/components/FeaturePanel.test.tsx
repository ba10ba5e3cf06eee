import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, fireEvent, render } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAtlasData, type Fetcher } from '../../src/data/load';
import type { AtlasData } from '../../src/data/model';
import { buildSearchIndex } from '../../src/data/search-index';
import { FeaturePanel } from '../../src/panels/FeaturePanel';
import { safeHref, shortCitation } from '../../src/panels/SourceRef';
import { appStore } from '../../src/state/store';
import { makeData, makeFeature, makeSource } from '../fixtures/factories';

// Path arithmetic on strings: jsdom replaces the global URL, which node's fileURLToPath rejects.
const GEO_DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../public/geo')}/`;

/** Serves public/geo from disk: the network edge is the only thing faked. */
const diskFetcher: Fetcher = async (path) => {
  const body = readFileSync(`${GEO_DIR}${path.replace(/^\/geo\//, '')}`, 'utf8');
  return { ok: true, status: 200, text: async () => body };
};

let realData: AtlasData;

beforeAll(async () => {
  const { data, problems } = await loadAtlasData(diskFetcher, '/geo/');
  expect(problems).toEqual([]);
  realData = data;
});

function useData(data: AtlasData) {
  appStore.getState().setData(data, buildSearchIndex(data.features), []);
}

function select(id: string) {
  act(() => appStore.getState().selectFeature(id));
}

const panel = (container: HTMLElement) => container.querySelector('[data-testid="feature-panel"]');

beforeEach(() => {
  appStore.setState(appStore.getInitialState(), true);
});

describe('FeaturePanel with the real data', () => {
  beforeEach(() => useData(realData));

  it('renders nothing when no feature is selected', () => {
    const { container } = render(<FeaturePanel />);
    expect(container.innerHTML).toBe('');
  });

  it('shows the Vietnamese name, the status line and the counterpart of Thanh Thủy', () => {
    // A fixed day: the data gains recent entries (2024: reported operating), so "today" moves.
    appStore.getState().setFilters({ date: '2023-06-01' });
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-vn');
    expect(container.querySelector('dd[lang="vi"]')?.textContent).toBe('Thanh Thủy');
    // The state, then the detailed status with its date and source.
    act(() => appStore.getState().setFilters({ date: '2024-01-01' }));
    expect(container.querySelector('[data-testid="feature-status"]')?.textContent).toMatch(/^Status as of 2024-01-01: Open · Restored since 2023-02-20/);
    act(() => appStore.getState().setFilters({ date: '2022-06-01' }));
    expect(container.querySelector('[data-testid="feature-status"]')?.textContent).toMatch(/^Status as of 2022-06-01: Closed · Suspended since /);
    const counterpart = container.querySelectorAll('[data-testid="counterpart-link"]');
    expect(counterpart).toHaveLength(1);
    expect(counterpart[0].textContent).toBe('Tianbao port (China)');
    // Both markers are surveyed, a few metres apart, so no "estimated" caveat.
    expect(container.querySelector('[data-testid="counterpart-distance"]')?.textContent).toBe('0.0 km apart on the map');
  });

  it('shows the Vietnamese and Chinese names of the Chinese side, Tianbao', () => {
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-cn');
    expect(container.querySelector('dd[lang="vi"]')?.textContent).toBe('Thiên Bảo');
    expect(container.querySelector('dd[lang="zh"]')?.textContent).toBe('天保');
  });

  it('links at least one source, and only with http(s)', () => {
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-vn');
    const links = [...container.querySelectorAll<HTMLAnchorElement>('ol.sources a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
  });

  it('shows no estimated-position badge for a surveyed point', () => {
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-vn');
    const position = container.querySelector('[data-testid="feature-position"]');
    expect(position?.className).toBe('position');
    expect(position?.querySelector('.badge')).toBeNull();
  });

  it('shows the estimated-position badge for an estimated point', () => {
    const feature = realData.byId.get('a-pa-chai-longfu-vn');
    expect(feature?.properties.location.precision).toMatch(/^estimated/);
    const { container } = render(<FeaturePanel />);
    select('a-pa-chai-longfu-vn');
    expect(container.querySelector('[data-testid="feature-position"] .badge')?.textContent).toBe('Estimated position');
  });

  it('cites each source of the position once, even when the anchor cites the same source', () => {
    const { container } = render(<FeaturePanel />);
    select('a-pa-chai-longfu-vn');
    const markers = [...container.querySelectorAll('[data-testid="feature-position"] .source-ref')].map((m) => m.getAttribute('data-source-id'));
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers).size).toBe(markers.length);
  });

  it('selects the counterpart when its button is clicked', () => {
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-vn');
    fireEvent.click(container.querySelector('[data-testid="counterpart-link"]')!);
    expect(appStore.getState().selection).toEqual({ kind: 'feature', featureKind: 'gate', id: 'thanh-thuy-tianbao-cn' });
    expect(container.querySelector('dd[lang="zh"]')?.textContent).toBe('天保');
  });

  it('lists the features drawn at the same spot at Móng Cái and selects one from there', () => {
    const { container } = render(<FeaturePanel />);
    select('mong-cai-dongxing-vn');
    const same = container.querySelector('[data-testid="same-position"]');
    expect(same).not.toBeNull();
    const buttons = [...same!.querySelectorAll('button')];
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const market = buttons.find((b) => /market/i.test(b.textContent ?? ''));
    expect(market).toBeDefined();
    act(() => fireEvent.click(market!));
    const selection = appStore.getState().selection;
    expect(selection.kind === 'feature' && selection.id).not.toBe('mong-cai-dongxing-vn');
    expect(selection.kind === 'feature' && realData.byId.get(selection.id)?.properties.kind).toBe('market');
  });

  it('shows event kinds as words in the chosen language, not ids', () => {
    appStore.getState().setLanguage('vi');
    const { container } = render(<FeaturePanel />);
    select('huu-nghi-youyiguan-vn');
    const kinds = [...container.querySelectorAll('.event-kind')].map((e) => e.textContent);
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).not.toMatch(/^[a-z]+(-[a-z]+)*$/);
    // Event titles come in Vietnamese too.
    const titles = [...container.querySelectorAll('.event-title')];
    expect(titles.length).toBeGreaterThan(0);
    const translated = new Set(realData.events.map((e) => e.titleTranslations?.vi));
    for (const title of titles) {
      expect(title.getAttribute('lang')).toBe('vi');
      expect(translated.has(title.textContent ?? '')).toBe(true);
    }
  });

  it('marks the events and agreements that were not confirmed against their source, and only those', () => {
    // Read from the data: a gate whose events include one that is inferred or unreadable.
    const unconfirmed = realData.events.find((e) => e.check && e.check.result !== 'confirmed' && e.featureIds.some((id) => realData.byId.get(id)?.properties.kind === 'gate'));
    expect(unconfirmed, 'an unconfirmed event about a gate').toBeDefined();
    const gateId = unconfirmed!.featureIds.find((id) => realData.byId.get(id)?.properties.kind === 'gate')!;
    const { container } = render(<FeaturePanel />);
    select(gateId);
    const items = [...container.querySelectorAll('[data-testid="event"]')];
    const item = items.find((li) => li.querySelector('.event-title')?.textContent === unconfirmed!.title);
    expect(item, `event ${unconfirmed!.id} listed for ${gateId}`).toBeDefined();
    expect(item!.querySelector('[data-testid="check-mark"]')?.getAttribute('data-reason')).toBe(unconfirmed!.check!.result);
    // A confirmed event of the same list carries no mark.
    const confirmed = items.filter((li) => realData.events.find((e) => e.title === li.querySelector('.event-title')?.textContent)?.check?.result === 'confirmed');
    for (const li of confirmed) expect(li.querySelector('[data-testid="check-mark"]')).toBeNull();
  });

  it('shows the description in the chosen language where a translation exists, saying so, and English otherwise', () => {
    const tianbao = realData.byId.get('thanh-thuy-tianbao-cn')!;
    expect(tianbao.properties.descriptionTranslations?.zh).toBeTruthy();
    appStore.getState().setLanguage('zh');
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-cn');
    const description = container.querySelector('[data-testid="feature-description"]')!;
    expect(description.getAttribute('lang')).toBe('zh');
    expect(description.textContent).toBe(tianbao.properties.descriptionTranslations!.zh);
    expect(container.querySelector('.translation-note')).not.toBeNull();
    act(() => appStore.getState().setLanguage('en'));
    expect(container.querySelector('[data-testid="feature-description"]')!.textContent).toBe(tianbao.properties.description);
    expect(container.querySelector('.translation-note')).toBeNull();
  });

  it('shows the position method, agreement parties and figure labels in Vietnamese, the method marked lang="vi"', () => {
    appStore.getState().setLanguage('vi');
    const { container } = render(<FeaturePanel />);
    select('ma-lu-thang-jinshuihe-vn');
    const method = container.querySelector('[data-testid="position-method"]')!;
    expect(method.getAttribute('lang')).toBe('vi');
    expect(method.textContent).toMatch(/^Không tìm thấy vị trí cấp xã cho phía Việt Nam.*cách 0\.2 km\), vào sâu 250 m trong lãnh thổ Việt Nam\.$/);
    const parties = () => [...container.querySelectorAll('[data-testid="agreement-parties"]')].map((p) => p.textContent);
    expect(parties()).toContain('Chính phủ Việt Nam');
    expect(parties()).toContain('Thủ tướng Chính phủ Việt Nam');
    const figures = [...container.querySelectorAll('.figures li')].map((li) => li.textContent);
    expect(figures).toContain('Diện tích khu: 43 ha');
    // English stays for a language with no translation, marked as English.
    act(() => appStore.getState().setLanguage('en'));
    expect(container.querySelector('[data-testid="position-method"]')!.getAttribute('lang')).toBe('en');
    expect(parties()).toContain('Government of Vietnam');
  });

  it('shows the counterpart note in Chinese where no counterpart is drawn', () => {
    appStore.getState().setLanguage('zh');
    const { container } = render(<FeaturePanel />);
    select('na-hinh-vn');
    const note = container.querySelector('[data-testid="counterpart-note"]')!;
    expect(note.getAttribute('lang')).toBe('zh');
    expect(note.textContent).toBe('现有来源未提及中方对应地点的名称。');
  });

  it('shows uncertainties in Chinese where translated', () => {
    appStore.getState().setLanguage('zh');
    const { container } = render(<FeaturePanel />);
    select('soc-giang-pingmeng-cn');
    const items = [...container.querySelectorAll('.uncertainties li span[lang]')];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].getAttribute('lang')).toBe('zh');
    expect(items[0].textContent).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows status-history notes in Chinese where translated', () => {
    appStore.getState().setLanguage('zh');
    const { container } = render(<FeaturePanel />);
    select('huu-nghi-youyiguan-vn');
    const notes = [...container.querySelectorAll('[data-testid="status-history"] li span[lang]')];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.getAttribute('lang') === 'zh')).toBe(true);
    expect(notes[0].textContent).toMatch(/[\u4e00-\u9fff]/);
  });

  it('closes (clears the selection) with the close button', () => {
    const { container } = render(<FeaturePanel />);
    select('thanh-thuy-tianbao-vn');
    fireEvent.click(container.querySelector('button.close')!);
    expect(appStore.getState().selection).toEqual({ kind: 'none' });
    expect(panel(container)).toBeNull();
  });
});

describe('FeaturePanel with a hostile source url', () => {
  it('renders a javascript: url as text, never as a link', () => {
    const feature = makeFeature({ id: 'hostile-vn', names: { vi: 'Hostile' }, sourceIds: ['evil-src'] });
    const evil = makeSource('evil-src', { title: 'Evil source title', url: 'javascript:alert(1)' });
    useData(makeData([feature], { sources: [makeSource('src-test'), evil] }));
    const { container } = render(<FeaturePanel />);
    select('hostile-vn');
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.toLowerCase().includes('javascript'))).toBe(false);
    const item = [...container.querySelectorAll('ol.sources li')].find((li) => li.textContent?.includes('[evil-src]'));
    expect(item?.textContent).toContain('Evil source title');
    expect(item?.querySelector('a')).toBeNull();
  });
});

describe('safeHref', () => {
  it.each([
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['not a url', undefined],
    [undefined, undefined],
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://example.org', 'http://example.org/'],
  ])('safeHref(%j) is %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('shortCitation', () => {
  const base = makeSource('x');
  it('gives the publisher without its parenthesis, and the year', () => {
    expect(shortCitation({ ...base, publisher: 'VietnamPlus (VNA)', date: '2024-03-30' }, 'x')).toBe('VietnamPlus 2024');
    expect(shortCitation({ ...base, publisher: "People's Army Newspaper (Quân đội Nhân dân), VNA translation", date: '2023-12-13' }, 'x')).toBe(
      "People's Army Newspaper 2023",
    );
  });
  it('shortens a long publisher and leaves out a missing date', () => {
    const label = shortCitation({ ...base, publisher: 'IBRU Centre for Borders Research, Durham University', date: null }, 'x');
    expect(label).toBe('IBRU Centre for Borders Re…');
  });
  it('falls back to the id for an unknown source', () => {
    expect(shortCitation(undefined, 's999')).toBe('s999');
  });
});
