import { describe, expect, it } from 'vitest';
import { Agreement } from '../../../src/data/schema';
import en from '../../../src/i18n/locales/en.json';
import vi from '../../../src/i18n/locales/vi.json';
import zh from '../../../src/i18n/locales/zh.json';

/** Every key path of a nested object ("agreementType.mou"). */
const paths = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe('activity labels', () => {
  it('have the same keys in the three languages', () => {
    expect(paths(vi.activity)).toEqual(paths(en.activity));
    expect(paths(zh.activity)).toEqual(paths(en.activity));
  });

  it('name every agreement type and level of the data', () => {
    const types = Agreement.shape.type.options;
    const levels = Agreement.shape.level.options;
    expect(Object.keys(en.activity.agreementType).sort()).toEqual([...types].sort());
    expect(Object.keys(en.activity.level).sort()).toEqual([...levels].sort());
  });
});
