/**
 * Taking the atlas to a meeting: the printed briefing (PDF through Chromium's own printing,
 * read back with pdftotext and drawn with pdftoppm), the map picture and the spreadsheets.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './driver';
import { browserSession } from './session';
import { BORDER_COLOR } from '../../src/map/style';

const openBrowser = browserSession();
/** Opens the app and waits until the map is idle and settled: the briefing captures it. */
async function start(search = '') {
  const driver = await openBrowser(search);
  await driver.waitForMapIdle();
  await driver.waitForMapSettled();
  return driver;
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}
function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
}

/** Page 1 of the PDF as a PNG, and how much of it is the border colour and how varied it is. */
function pageOne(path: string) {
  const prefix = path.replace(/\.pdf$/, '-page');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const hex = BORDER_COLOR.replace('#', '');
  const target = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let borderPixels = 0;
  const greys: number[] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (Math.abs(r - target[0]) < 40 && Math.abs(g - target[1]) < 40 && Math.abs(b - target[2]) < 40) borderPixels++;
    greys.push((r + g + b) / 3);
  }
  const mean = greys.reduce((a, b) => a + b, 0) / greys.length;
  const variance = greys.reduce((a, b) => a + (b - mean) ** 2, 0) / greys.length;
  return { borderPixels, variance, file: `${prefix}.png` };
}

describe('briefing', () => {
  it('prints a Vietnamese briefing of Lào Cai on 2021-06-01 with the map drawn, filters in words, names and sources, and saves the map picture', async () => {
    const driver = await start('?v=1&lang=vi&prov=lao-cai&date=2021-06-01&status=suspended');
    await driver.openBriefing();
    await driver.screenshot('meeting-briefing-vi');
    const pdf = `${SCREENSHOT_DIR}/meeting-briefing-vi.pdf`;
    await driver.printToPdf(pdf);
    const text = pdfText(pdf);
    expect(text).toContain('Bản tóm tắt Atlas biên giới');
    expect(text).toContain('Tính đến ngày 2021-06-01');
    // The v=1 status=suspended link opens as the planner state "closed" (Đóng).
    expect(text).toMatch(/Tình trạng\s+Đóng/);
    expect(text).toMatch(/Tỉnh\s+Lào Cai/);
    expect(text).toContain('Mường Khương');
    // The planner state as the panel says it: state · detailed status since when.
    // (pdftotext lays table columns side by side, so the cell's two lines are read apart.)
    expect(text).toContain('Đóng · Tạm dừng');
    expect(text).toContain('từ 2020-01-30');
    expect(text).toMatch(/Nguồn trích dẫn \(\d+\)/);
    expect(text).toMatch(/https?:\/\/\S+/);
    // Page numbers from the @page margin box.
    expect(text).toMatch(/\b1\s*\/\s*\d+/);
    const page = pageOne(pdf);
    expect(page.borderPixels, `border-coloured pixels on ${page.file}`).toBeGreaterThan(30);
    expect(page.variance, `pixel variance on ${page.file}`).toBeGreaterThan(200);

    // The same view saved as a map picture with the date and legend drawn into it.
    const { path, name } = await driver.download('export-png');
    expect(name).toBe('border-atlas_lao-cai_2021-06-01.png');
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBeGreaterThan(300);
    // The title band is white with dark text; the map below has the border colour.
    const hex = BORDER_COLOR.replace('#', '');
    const target = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (Math.abs(png.data[i] - target[0]) < 30 && Math.abs(png.data[i + 1] - target[1]) < 30 && Math.abs(png.data[i + 2] - target[2]) < 30) red++;
    }
    expect(red).toBeGreaterThan(30);
  }, 400_000);

  it('fits one selected gate with its counterpart, history, agreements and events in at most four A4 pages, in landscape too', async () => {
    const driver = await start('?v=1&sel=gate:lao-cai-hekou-vn&date=2024-06-30');
    await driver.openBriefing();
    await expect.poll(() => driver.page.getByTestId('briefing-selected').count()).toBe(1);
    const pdf = `${SCREENSHOT_DIR}/meeting-briefing-gate.pdf`;
    await driver.printToPdf(pdf);
    const text = pdfText(pdf);
    expect(text).toContain('Border Atlas briefing');
    expect(text).toContain('Across the border');
    expect(text).toContain('河口');
    expect(text).toContain('Status history');
    expect(pdfPages(pdf)).toBeLessThanOrEqual(4);
    const first = pageOne(pdf);
    expect(first.borderPixels).toBeGreaterThan(30);

    await driver.page.getByTestId('briefing-landscape').check();
    const wide = `${SCREENSHOT_DIR}/meeting-briefing-gate-landscape.pdf`;
    await driver.printToPdf(wide);
    const size = execFileSync('pdfinfo', [wide], { encoding: 'utf8' });
    // A4 landscape: 842 × 595 pt.
    expect(size).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/);
    expect(pdfPages(wide)).toBeLessThanOrEqual(4);
  }, 400_000);


  it('says on paper which facts of the selected gate are not confirmed by their source, and what is uncertain about it', async () => {
    // Read from the data: the first gate with an uncertainty and an entry that is not confirmed.
    type Entry = { check?: { result: string } };
    type Props = { id: string; uncertainties?: string[]; statusHistory?: Entry[] };
    const gates = (JSON.parse(readFileSync('public/geo/gates.geojson', 'utf8')) as { features: { properties: Props }[] }).features.map((f) => f.properties);
    const unconfirmed = (p: Props) => (p.statusHistory ?? []).filter((e) => e.check?.result !== 'confirmed');
    const gate = gates.find((p) => p.uncertainties?.length && unconfirmed(p).length > 0);
    expect(gate, 'a gate with an uncertainty and an unconfirmed entry').toBeDefined();
    const driver = await start(`?v=1&sel=gate:${gate!.id}`);
    await driver.openBriefing();
    const uncertainties = driver.page.getByTestId('briefing-uncertainties').locator('li');
    await expect.poll(() => uncertainties.allTextContents()).toEqual(gate!.uncertainties);
    const checks = driver.page.getByTestId('briefing-check');
    expect(await checks.count()).toBe(unconfirmed(gate!).length);
    expect(await checks.first().textContent()).toMatch(/^ \((Inferred, not stated by the source|Not checked: the source could not be read|Not yet checked against its source)\)$/);
  }, 400_000);
});

describe('spreadsheets', () => {
  it('exports the Vietnamese list as CSV and XLSX with translated headers, labels, both sides named and source links', async () => {
    const driver = await start('?v=1&lang=vi&prov=lao-cai&date=2021-06-01&list=1');
    await driver.openList();
    const csv = await driver.download('export-csv');
    expect(csv.name).toBe('border-atlas_lao-cai_2021-06-01.csv');
    const text = readFileSync(csv.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header).toContain('Tên (tiếng Việt)');
    expect(header).toContain('Tình trạng');
    expect(header).toContain('Bên kia biên giới');
    expect(text).toContain('Cửa khẩu');
    expect(text).toContain('Tạm dừng');
    expect(text).toContain('河口');
    expect(text).toMatch(/<https?:\/\/[^>]+>/);
    expect(text).not.toMatch(/,suspended,|,lao-cai,/);

    const xlsx = await driver.download('export-xlsx');
    expect(xlsx.name).toBe('border-atlas_lao-cai_2021-06-01.xlsx');
    const files = unzipSync(new Uint8Array(readFileSync(xlsx.path)));
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="Nguồn"');
    const strings = strFromU8(files['xl/sharedStrings.xml']);
    for (const expected of ['Tên (tiếng Việt)', 'Tạm dừng', 'Mường Khương', '河口', 'Tiêu đề', 'Đường dẫn']) expect(strings).toContain(expected);
    expect(strings).toMatch(/<t>https?:\/\/[^<]+<\/t>/);
  }, 400_000);
});

describe('every word in the chosen language', () => {
  const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as Record<string, unknown>;
  const flat = (o: Record<string, unknown>, prefix = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v as Record<string, unknown>, `${prefix}${k}.`)));
  const translated = (language: 'vi' | 'zh') => new Map(flat(JSON.parse(readFileSync(`src/i18n/locales/${language}.json`, 'utf8'))));
  /** English UI phrases of two words or more, without placeholders, that the language translates (a translation that keeps the English, "Border Atlas 边境地图", keeps it on purpose). */
  const englishPhrases = (language: 'vi' | 'zh') => {
    const other = translated(language);
    return flat(en)
      .filter(([k, v]) => !(other.get(k) ?? '').includes(v))
      .map(([, v]) => v)
      .filter((v) => !v.includes('{{') && /^[A-Za-z][A-Za-z ,'()–-]+$/.test(v) && v.trim().split(/\s+/).length >= 2);
  };

  for (const language of ['vi', 'zh'] as const) {
    it(`shows no English UI phrase in the ${language} UI, and Chinese headings in the Chinese UI`, async () => {
      const driver = await start(`?v=1&lang=${language}&sel=gate:lao-cai-hekou-vn&list=1`);
      await driver.panel().waitFor();
      await driver.screenshot(`meeting-language-${language}`);
      // Text the UI writes itself: data texts shown in English for want of a translation carry lang="en".
      const uiText = await driver.page.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        for (const el of clone.querySelectorAll('[lang="en"], script, style, .maplibregl-ctrl-attrib')) el.remove();
        return clone.innerText || clone.textContent || '';
      });
      const leftovers = englishPhrases(language).filter((p) => uiText.includes(p));
      expect(leftovers, `English UI phrases in the ${language} UI`).toEqual([]);
      // The map's credits follow the language too (dataset names and licences stay as published).
      const credits = await driver.page.locator('.maplibregl-ctrl-attrib').innerText();
      expect(credits).toContain(language === 'vi' ? 'Đường biên giới và nền bản đồ' : '边界与底图');
      expect(credits).not.toMatch(/Border and basemap|Rivers:|Places:|Province lines:|contributors/);
      // …in the bundled fonts (MapLibre's own stack has no Chinese glyphs on a machine without CJK fonts).
      expect(await driver.page.locator('.maplibregl-ctrl-attrib').evaluate((e) => getComputedStyle(e).fontFamily)).toContain('Noto Sans SC');
      if (language === 'zh') {
        const latinHeadings = await driver.page.evaluate(() =>
          [...document.querySelectorAll('h1, h2, h3, h4, th, legend, label > span, button')]
            .filter((h) => !h.closest('[lang]:not(html)') && !h.matches('#feature-title, #province-title') && !h.closest('td'))
            .map((h) => (h.textContent ?? '').trim())
            .filter((text) => /[A-Za-z]{3,}/.test(text) && !/[\u3400-\u9fff]/.test(text))
            // Proper names and file formats are written the same in every language.
            .filter((text) => !/^(OpenStreetMap|Border Atlas|GeoJSON|CSV|XLSX|PNG|PDF)$/.test(text))
            // Vietnamese place names keep their own spelling in every UI language (issue 11).
            .filter((text) => !/[À-ỹĐđ]/.test(text)),
        );
        expect(latinHeadings, 'headings and buttons with Latin text only in the Chinese UI').toEqual([]);
      }
      // The language choices are written in their own scripts and marked with their language.
      const options = await driver.page.getByTestId('language').locator('option').evaluateAll((os) => os.map((o) => `${o.getAttribute('lang')}:${o.textContent}`));
      expect(options).toEqual(['en:English', 'vi:Tiếng Việt', 'zh:中文']);
      // …and drawn in it, not as empty boxes: the bundled Noto Sans SC (its stylesheet loads after
      // the shell) has faces for these characters, and they load.
      const faces = await driver.page.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC"', '中文')).length);
      expect(faces).toBeGreaterThan(0);
    }, 400_000);
  }
});
