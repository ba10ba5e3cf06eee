/**
 * Every word in the chosen language, continued (issue 11, item 4): a gate panel in Vietnamese and
 * Chinese shows its position method, its agreements' parties and its events' figures translated,
 * with no English method or party text left; the briefing of a comparison view says "changes
 * since <from>" in the UI language. Expected texts are read from the data files, so the tests
 * follow translation edits; the assertions name real words a planner reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession } from './session';

const start = browserSession();

const GATE = 'ma-lu-thang-jinshuihe-vn';
const FROM = '2021-06-01';

type Tr = { vi?: string; zh?: string };
const gates = JSON.parse(readFileSync('public/geo/gates.geojson', 'utf8')) as { features: { properties: { id: string; location: { method: string; methodTranslations?: Tr } } }[] };
const gate = gates.features.find((f) => f.properties.id === GATE)!.properties;
const agreements = (JSON.parse(readFileSync('public/geo/agreements.json', 'utf8')) as { agreements: { featureIds: string[]; parties: string[]; partyTranslations?: Tr[] }[] }).agreements.filter((a) =>
  a.featureIds.includes(GATE),
);
type EventRow = { id: string; featureIds: string[]; agreementIds: string[]; titleTranslations?: Tr; figures?: { label: string; labelTranslations?: Tr }[] };
const allEvents = (JSON.parse(readFileSync('public/geo/events.json', 'utf8')) as { events: EventRow[] }).events;
const events = allEvents.filter((e) => e.featureIds.includes(GATE) && e.figures?.length);
/** The 2025 master-plan event: figures, and the Prime Minister's decision as its agreement. */
const masterPlan = allEvents.find((e) => e.id === 't156-ma-lu-thang-master-plan')!;
const decision = (JSON.parse(readFileSync('public/geo/agreements.json', 'utf8')) as { agreements: { id: string; title: Tr & { en: string }; parties: string[]; partyTranslations?: Tr[] }[] }).agreements.find(
  (a) => a.id === masterPlan.agreementIds[0],
)!;

/** Words a planner reads, per language: a phrase of the method, a party, a figure label, the briefing's range. */
const EXPECTED = {
  vi: { method: 'Không tìm thấy vị trí cấp xã cho phía Việt Nam', party: 'Chính phủ Việt Nam', figure: 'Diện tích khu', range: `Thay đổi từ ${FROM}` },
  zh: { method: '越南一侧未找到乡级位置', party: '越南政府', figure: '区域面积', range: `自${FROM}以来的变化` },
} as const;

/** English texts that must not be left in the vi/zh UI: method sentences, party names, figure labels. */
const ENGLISH_LEFT = [
  'No commune-level position was found',
  'Then moved to the point of the border line',
  'Anchored on',
  ...agreements.flatMap((a) => a.parties),
  ...events.flatMap((e) => e.figures!.map((f) => f.label)),
  ...decision.parties,
];

describe('position methods, parties and figures in the chosen language', () => {
  it('the data this spec reads carries the translations it expects', () => {
    expect(gate.location.methodTranslations?.vi).toContain(EXPECTED.vi.method);
    expect(gate.location.methodTranslations?.zh).toContain(EXPECTED.zh.method);
    expect(agreements.flatMap((a) => a.partyTranslations ?? []).map((t) => t.vi)).toContain(EXPECTED.vi.party);
    expect(events.flatMap((e) => e.figures!).map((f) => f.labelTranslations?.zh)).toContain(EXPECTED.zh.figure);
  });

  for (const language of ['vi', 'zh'] as const) {
    it(`a gate panel and its briefing in ${language}: method, parties, figures and the comparison range translated`, async () => {
      const want = EXPECTED[language];
      const d = await start(`?lang=${language}&sel=gate:${GATE}&from=${FROM}`);
      const panel = d.panel();
      await panel.waitFor();
      const method = panel.getByTestId('position-method');
      expect(await method.getAttribute('lang')).toBe(language);
      expect(await method.textContent()).toContain(want.method);
      expect(await method.textContent()).toContain(language === 'vi' ? '0.2 km' : '0.2公里');
      const parties = await panel.getByTestId('agreement-parties').allTextContents();
      expect(parties.join(' ')).toContain(want.party);
      expect(await panel.locator('.figures').first().textContent()).toBeTruthy();
      const panelText = (await panel.innerText()) ?? '';
      expect(panelText).toContain(want.figure);
      expect(ENGLISH_LEFT.filter((english) => panelText.includes(english)), `English left in the ${language} gate panel`).toEqual([]);
      await d.screenshot(`lang3-${language}-gate-panel`);

      await d.openBriefing();
      const doc = d.page.getByTestId('briefing-doc');
      expect(await d.page.getByTestId('briefing-range').textContent()).toContain(want.range);
      expect(await d.page.getByTestId('briefing-changes').locator('h2').textContent()).toContain(want.range);
      const docText = await doc.innerText();
      expect(docText).toContain(want.method);
      expect(docText).toContain(want.party);
      expect(docText).toContain(want.figure);
      expect(ENGLISH_LEFT.filter((english) => docText.includes(english)), `English left in the ${language} briefing`).toEqual([]);
      await d.screenshot(`lang3-${language}-briefing`);
      await d.page.getByTestId('briefing-close').click();

      // From the gate's events to the master-plan event (figures), then to its agreement (parties).
      await panel.getByRole('button', { name: masterPlan.titleTranslations![language]! }).click();
      const eventPanel = d.eventPanel();
      await eventPanel.waitFor();
      const figures = await eventPanel.locator('.figures').innerText();
      expect(figures).toContain(masterPlan.figures![0].labelTranslations![language]!);
      expect(figures).not.toContain(masterPlan.figures![0].label);
      await eventPanel.getByRole('button', { name: decision.title[language]! }).click();
      await eventPanel.getByTestId('agreement-parties').waitFor();
      const agreementParties = await eventPanel.getByTestId('agreement-parties').innerText();
      expect(agreementParties).toBe(decision.partyTranslations![0][language]);
      expect(agreementParties).toBe(language === 'vi' ? 'Thủ tướng Chính phủ Việt Nam' : '越南政府总理');
      const agreementText = await eventPanel.innerText();
      expect(ENGLISH_LEFT.filter((english) => agreementText.includes(english)), `English left in the ${language} agreement panel`).toEqual([]);
      await d.screenshot(`lang3-${language}-agreement-panel`);
    }, 400_000);
  }

  it('the English briefing of the same view says "Changes since" the comparison day', async () => {
    const d = await start(`?lang=en&sel=gate:${GATE}&from=${FROM}`);
    await d.panel().waitFor();
    expect(await d.panel().getByTestId('position-method').textContent()).toContain('No commune-level position was found');
    await d.openBriefing();
    expect(await d.page.getByTestId('briefing-range').textContent()).toMatch(new RegExp(`^Changes since ${FROM} \\(compared with \\d{4}-\\d{2}-\\d{2}\\)$`));
  }, 400_000);
});
