import { describe, expect, it } from 'vitest';
import { exportRows, toCsv, toGeoJson } from '../../../src/lib/export';
import { change, makeFeature } from '../../fixtures/factories';

const hostile = makeFeature({
  id: 'hostile-vn',
  coordinates: [-0.5, 22.25],
  names: { vi: '=HYPERLINK("http://evil")', zh: '@SUM(A1)', pinyin: '-2+3', en: 'Pass, "the" big\none' },
});
const plus = makeFeature({ id: 'plus-vn', names: { vi: '+84 gate', en: 'Plain', zh: '\t=1+1', pinyin: '\r=2' } });

/** Splits CSV into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
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
});
