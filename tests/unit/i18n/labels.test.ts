import { describe, expect, it } from 'vitest';
import { Country, CrossingMode, EventKind, FeatureKind, GateClass, GateStatus, LocationPrecision } from '../../../src/data/schema';
import { KINDS } from '../../../src/data/kinds';
import { ENUM_LABELS, enumLabel, eventKindLabel, inLanguage } from '../../../src/i18n';
import en from '../../../src/i18n/locales/en.json';
import vi from '../../../src/i18n/locales/vi.json';
import zh from '../../../src/i18n/locales/zh.json';

const LANGUAGES = ['en', 'vi', 'zh'] as const;

describe('UI labels', () => {
  it('name every enum value of the data in every language (no raw ids on screen)', () => {
    const values = [Country, CrossingMode, FeatureKind, GateClass, GateStatus, LocationPrecision].flatMap((e) => e.options as string[]);
    for (const language of LANGUAGES) {
      const missing = values.filter((v) => !(v in ENUM_LABELS[language]));
      expect(missing, language).toEqual([]);
    }
  });

  it('name every kind and every layer of the kinds table in every language', () => {
    const keys = KINDS.flatMap((k) => [k.label.one, k.label.many]);
    for (const language of LANGUAGES) expect(keys.filter((key) => !(key in ENUM_LABELS[language])), language).toEqual([]);
  });

  it('name every event kind in every language, apart from the feature kind of the same id', () => {
    for (const language of LANGUAGES) {
      const missing = EventKind.options.filter((k) => !(`event:${k}` in ENUM_LABELS[language]));
      expect(missing, language).toEqual([]);
    }
    expect(eventKindLabel('en', 'opening')).toBe('Opening');
    expect(enumLabel('en', 'opening')).toBe('Opening (lối mở)');
    expect(eventKindLabel('vi', 'trade-figure')).toBe('Số liệu thương mại');
    // An unknown kind (a newer data file) shows its id rather than nothing.
    expect(eventKindLabel('zh', 'new-kind')).toBe('new-kind');
  });

  it('have the same keys in the three locale files', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(vi)).toEqual(keys(en));
    expect(keys(zh)).toEqual(keys(en));
  });
});

describe('inLanguage', () => {
  it('gives the translation in the chosen language, else the English reference, and says which', () => {
    const translations = { vi: 'Cửa khẩu mở lại', zh: '口岸恢复开放' };
    expect(inLanguage('Gate reopened', translations, 'vi')).toEqual({ text: 'Cửa khẩu mở lại', lang: 'vi' });
    expect(inLanguage('Gate reopened', translations, 'zh')).toEqual({ text: '口岸恢复开放', lang: 'zh' });
    expect(inLanguage('Gate reopened', translations, 'en')).toEqual({ text: 'Gate reopened', lang: 'en' });
    expect(inLanguage('Gate reopened', { vi: 'Cửa khẩu mở lại' }, 'zh')).toEqual({ text: 'Gate reopened', lang: 'en' });
    expect(inLanguage('Gate reopened', undefined, 'vi')).toEqual({ text: 'Gate reopened', lang: 'en' });
  });
});
