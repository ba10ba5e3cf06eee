import { describe, expect, it } from 'vitest';
import { UTF8_BOM, exportRows, toCsv, toGeoJson } from '../../../src/lib/export';
import { HA_GIANG_THEN_TUYEN_QUANG, change, makeFeature } from '../../fixtures/factories';

const hostile = makeFeature({
  id: 'hostile-vn',
  coordinates: [-0.5, 22.25],
  names: { vi: '=HYPERLINK("http://evil")', zh: '@SUM(A1)', pinyin: '-2+3', en: 'Pass, "the" big\none' },
});
const plus = makeFeature({ id: 'plus-vn', names: { vi: '+84 gate', en: 'Plain', zh: '\t=1+1', pinyin: '\r=2' } });

/**
 * Splits CSV into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines).
 * Throws if the text does not start with the UTF-8 byte order mark, which it drops.
 */
function parseCsv(withBom: string): string[][] {
  if (!withBom.startsWith(UTF8_BOM)) throw new Error('the CSV does not start with a byte order mark');
  const text = withBom.slice(UTF8_BOM.length);
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
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('toCsv', () => {
  const csv = toCsv(exportRows([hostile, plus], '2025-01-01'));
  const [header, hostileRow, plusRow] = parseCsv(csv);
  const column = (row: string[], name: string) => row[header.indexOf(name)];

  it('starts with a UTF-8 byte order mark (U+FEFF), once, so Excel reads diacritics and Hanzi', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps Vietnamese and Chinese names intact after the mark', () => {
    const names = makeFeature({ id: 'mong-cai-vn', names: { vi: 'Cửa khẩu Móng Cái', zh: '东兴' } });
    const [head, row] = parseCsv(toCsv(exportRows([names], '2025-01-01')));
    expect(row[head.indexOf('name_vi')]).toBe('Cửa khẩu Móng Cái');
    expect(row[head.indexOf('name_zh')]).toBe('东兴');
  });

  it('writes the columns in a fixed order, with province and counterpart_id', () => {
    expect(header).toEqual([
      'id', 'kind', 'side', 'province', 'name_vi', 'name_zh', 'name_pinyin', 'name_en', 'class', 'status', 'as_of', 'lng', 'lat', 'precision', 'counterpart_id', 'source_ids',
    ]);
  });

  it('writes a header, one line per feature and a final CRLF', () => {
    expect(header[0]).toBe('id');
    expect(parseCsv(csv)).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes cells with commas, quotes and newlines, doubling the quotes', () => {
    expect(csv).toContain('"Pass, ""the"" big\none"');
    expect(column(hostileRow, 'name_en')).toBe('Pass, "the" big\none');
  });

  it.each([
    ['name_vi', `'=HYPERLINK("http://evil")`],
    ['name_zh', "'@SUM(A1)"],
    ['name_pinyin', "'-2+3"],
  ])('neutralises a formula in %s', (name, expected) => {
    expect(column(hostileRow, name)).toBe(expected);
  });

  it('neutralises a cell starting with +, a tab or a carriage return', () => {
    expect(column(plusRow, 'name_vi')).toBe("'+84 gate");
    expect(column(plusRow, 'name_zh')).toBe("'\t=1+1");
    expect(column(plusRow, 'name_pinyin')).toBe("'\r=2");
  });

  it('leaves negative numbers as numbers', () => {
    expect(column(hostileRow, 'lng')).toBe('-0.5');
  });
});

describe('province and counterpart columns', () => {
  const merged = makeFeature({ id: 'merged-vn', admin: HA_GIANG_THEN_TUYEN_QUANG, counterpartId: 'merged-cn' });
  const csvRow = (day: string) => {
    const [head, row] = parseCsv(toCsv(exportRows([merged], day)));
    return (name: string) => row[head.indexOf(name)];
  };

  it('writes the province in force on the as-of day (before the 2025 merger)', () => {
    expect(csvRow('2025-06-30')('province')).toBe('ha-giang');
  });

  it('writes the province in force on the as-of day (after the 2025 merger)', () => {
    expect(csvRow('2025-07-01')('province')).toBe('tuyen-quang');
  });

  it('joins several provinces in force on one day with a space', () => {
    const twoProvinces = makeFeature({ id: 'edge-vn', admin: [{ provinceId: 'lao-cai' }, { provinceId: 'ha-giang' }] });
    expect(exportRows([twoProvinces], '2020-01-01')[0].province).toBe('lao-cai ha-giang');
  });

  it('writes the counterpart id, and an empty cell when there is none', () => {
    expect(csvRow('2025-07-01')('counterpart_id')).toBe('merged-cn');
    expect(exportRows([plus], '2025-07-01')[0].counterpart_id).toBe('');
  });
});

describe('toGeoJson', () => {
  const gate = makeFeature({
    id: 'export-gate-vn',
    coordinates: [104.5, 22.75],
    class: 'international',
    statusHistory: [change('2014', { status: 'operating', class: 'main' }), change('2020-03', { status: 'suspended', class: 'international' })],
  });

  it('keeps the geometry', () => {
    expect(toGeoJson([gate], '2021-01-01').features[0].geometry).toEqual({ type: 'Point', coordinates: [104.5, 22.75] });
  });

  it('writes the status and class as of the day', () => {
    expect(toGeoJson([gate], '2019-01-01').features[0].properties).toMatchObject({ status: 'operating', class: 'main', as_of: '2019-01-01' });
    expect(toGeoJson([gate], '2021-01-01').features[0].properties).toMatchObject({ status: 'suspended', class: 'international' });
  });

  it('writes an empty status before the first record', () => {
    expect(toGeoJson([gate], '2000-01-01').features[0].properties.status).toBe('');
  });

  it('carries the province as of the day and the counterpart id, like the CSV', () => {
    const merged = makeFeature({ id: 'merged-vn', admin: HA_GIANG_THEN_TUYEN_QUANG, counterpartId: 'merged-cn' });
    expect(toGeoJson([merged], '2024-01-01').features[0].properties).toMatchObject({ province: 'ha-giang', counterpart_id: 'merged-cn' });
    expect(toGeoJson([merged], '2025-08-01').features[0].properties).toMatchObject({ province: 'tuyen-quang', counterpart_id: 'merged-cn' });
  });
});
