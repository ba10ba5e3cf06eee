import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAtlasData } from '../../../src/data/model';
import { i18n, loadLanguage } from '../../../src/i18n';
import { BOM, adminWords, exportFileName, plannerCsv, plannerRows, plannerSources } from '../../../src/lib/planner-table';
import { plannerXlsx } from '../../../src/lib/planner-xlsx';
import { statusAnswer } from '../../../src/data/planner-state';
import { HA_GIANG_THEN_TUYEN_QUANG, SOURCE_ID, change, makeFeature, makeSource } from '../../fixtures/factories';

// Vietnamese and Chinese strings are lazy chunks in the app.
beforeAll(() => Promise.all([loadLanguage('vi'), loadLanguage('zh')]));

const province = (id: string, vi: string, zh: string, en: string) => ({
  id, country: 'VN' as const, names: { vi, zh, en }, type: 'province' as const, borderLengths: [], notes: [], sourceIds: [SOURCE_ID],
});

const gate = makeFeature({
  id: 'thanh-thuy-vn',
  names: { vi: 'Cửa khẩu Thanh Thủy', en: 'Thanh Thuy gate' },
  admin: HA_GIANG_THEN_TUYEN_QUANG,
  counterpartId: 'tianbao-cn',
  class: 'international',
  precision: 'estimated-commune',
  statusHistory: [
    change('2000', { status: 'operating' }),
    change('2020-03-01', { status: 'suspended', sourceIds: ['s2'] }),
    change('2021-09', { status: 'restored' }),
    change('2025-02-01', { status: 'restored', note: 'reported working' }),
  ],
});
const counterpart = makeFeature({ id: 'tianbao-cn', side: 'CN', names: { vi: 'Thiên Bảo', zh: '天保', pinyin: 'Tiānbǎo', en: 'Tianbao' }, counterpartId: 'thanh-thuy-vn' });
const hostile = makeFeature({ id: 'hostile-vn', names: { vi: '=HYPERLINK("http://evil")', zh: '@SUM(A1)', pinyin: '-2+3', en: '+84, "quoted"\nline' } });
const data = buildAtlasData({
  features: [gate, counterpart, hostile],
  sources: [makeSource(SOURCE_ID, { title: 'Test source title' }), makeSource('s2', { title: 'Suspension notice', url: 'https://example.org/notice' })],
  agreements: [],
  events: [],
  provinces: [province('ha-giang', 'Hà Giang', '河江', 'Ha Giang'), province('tuyen-quang', 'Tuyên Quang', '宣光', 'Tuyen Quang'), province('lao-cai', 'Lào Cai', '老街', 'Lao Cai')],
  border: null,
});
const t = (language: string) => i18n.getFixedT(language);

function parseCsv(withBom: string): string[][] {
  expect(withBom.startsWith(BOM)).toBe(true);
  const text = withBom.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('statusAnswer (what the exports and the briefing read)', () => {
  it('gives the state on the day, the date its status began and the last report', () => {
    expect(statusAnswer(data, gate, '2020-06-01')).toMatchObject({ state: 'closed', status: 'suspended', since: '2020-03-01', reported: '2020-03-01', sourceIds: ['s2'] });
    // A later "still working" entry does not move "since"; it is the last report.
    expect(statusAnswer(data, gate, '2026-01-01')).toMatchObject({ state: 'open', status: 'restored', since: '2021-09', reported: '2025-02-01' });
    expect(statusAnswer(data, gate, '1999-12-31')).toMatchObject({ state: 'no-record', status: null });
  });
});

describe('planner CSV', () => {
  it('writes Vietnamese headers and labels (not slugs) in the Vietnamese UI, with the province in force on the day', () => {
    const [header, row] = parseCsv(plannerCsv(plannerRows(data, [gate], '2021-06-01', 'vi', t('vi')), t('vi')));
    const col = (name: string) => row[header.indexOf(name)];
    expect(header).toContain('Tên (tiếng Việt)');
    expect(header).toContain('Tình trạng');
    expect(col('Loại')).toBe('Cửa khẩu');
    expect(col('Cấp')).toBe('Quốc tế');
    expect(col('Tình trạng')).toBe('Đóng');
    expect(col('Trạng thái chi tiết')).toBe('Tạm dừng');
    expect(col('Từ ngày')).toBe('2020-03-01');
    expect(col('Báo cáo gần nhất')).toBe('2020-03-01');
    expect(col('Tỉnh (vào ngày đó)')).toBe('Hà Giang');
    expect(col('Vị trí')).toBe('Ước tính (xã)');
    expect(col('Bên kia biên giới')).toBe('Thiên Bảo / 天保 / Tianbao');
    expect(col('Nguồn')).toContain('Suspension notice <https://example.org/notice>');
  });

  it('names the province after the 2025 merger for a later day, and writes Chinese headers in the Chinese UI', () => {
    const [header, row] = parseCsv(plannerCsv(plannerRows(data, [gate], '2025-08-01', 'zh', t('zh')), t('zh')));
    expect(row[header.indexOf('省份（当日）')]).toBe('宣光');
    expect(row[header.indexOf('状态')]).toBe('开放');
    expect(row[header.indexOf('具体状态')]).toBe('已恢复');
    expect(row[header.indexOf('起始日期')]).toBe('2021-09');
    expect(row[header.indexOf('最近报道')]).toBe('2025-02-01');
    expect(header.join('')).not.toMatch(/[A-Za-z]{3}/);
  });

  it('neutralises cells that a spreadsheet would run as formulas and quotes commas, quotes and newlines', () => {
    const csv = plannerCsv(plannerRows(data, [hostile], '2025-01-01', 'en', t('en')), t('en'));
    const [header, row] = parseCsv(csv);
    expect(row[header.indexOf('Name (Vietnamese)')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[header.indexOf('Name (Chinese)')]).toBe(`'@SUM(A1)`);
    expect(row[header.indexOf('Pinyin')]).toBe(`'-2+3`);
    expect(row[header.indexOf('Name (English)')]).toBe(`'+84, "quoted"\nline`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('planner XLSX', () => {
  it('holds a features sheet with translated headers and a sources sheet with titles and URLs', async () => {
    const rows = plannerRows(data, [gate, counterpart, hostile], '2021-06-01', 'vi', t('vi'));
    const blob = await plannerXlsx(rows, plannerSources(data, [gate, counterpart, hostile]), t('vi'));
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toContain('name="Đối tượng"');
    expect(workbook).toContain('name="Nguồn"');
    const strings = strFromU8(files['xl/sharedStrings.xml']);
    for (const text of ['Tên (tiếng Việt)', 'Cửa khẩu Thanh Thủy', 'Tạm dừng', 'Thiên Bảo / 天保 / Tianbao', 'Suspension notice', 'https://example.org/notice', `<t>'=HYPERLINK("http://evil")</t>`]) {
      expect(strings).toContain(text);
    }
  });
});

describe('exportFileName', () => {
  it('says what the file holds and for which day', () => {
    expect(exportFileName(['Lào Cai'], '2021-06-01', 'xlsx')).toBe('border-atlas_lao-cai_2021-06-01.xlsx');
    expect(exportFileName([], '2024-06-30', 'csv')).toBe('border-atlas_border_2024-06-30.csv');
    expect(exportFileName(['Lạng Sơn', 'Quảng Ninh'], '2023-01-01', 'csv', '2020-01-01')).toBe('border-atlas_lang-son+quang-ninh_2020-01-01_to_2023-01-01.csv');
  });
});

describe('adminWords', () => {
  it('writes Chinese units in characters in the Chinese UI where the data has them, else as written', () => {
    const period = { provinceId: 'yunnan', prefecture: 'Wenshan', district: 'Malipo County', commune: 'Tianbao town', zh: { prefecture: '文山', district: '麻栗坡县', commune: '天保镇' } };
    expect(adminWords(period, 'zh')).toBe('天保镇，麻栗坡县，文山');
    expect(adminWords(period, 'en')).toBe('Tianbao town, Malipo County, Wenshan');
    expect(adminWords({ provinceId: 'yunnan', prefecture: "Pu'er" }, 'zh')).toBe("Pu'er");
  });
});
