import { describe, expect, it } from 'vitest';
import { fold, hasCjk, searchTerms } from '../../../src/lib/text';

describe('fold', () => {
  it.each([
    ['Hữu Nghị', 'huu nghi'],
    ['Đồng Đăng', 'dong dang'],
    ['đường', 'duong'],
    ['Yǒuyìguān', 'youyiguan'],
    ['Hékǒu', 'hekou'],
    ['Lǜchūn', 'luchun'],
    ['  Lào   Cai  ', 'lao cai'],
    ['Lào Cai–Hekou', 'lao cai hekou'],
    ['Móng Cái (Dongxing)', 'mong cai dongxing'],
    ['友谊关', '友谊关'],
    ['', ''],
  ])('fold(%j) is %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('hasCjk', () => {
  it('tells Chinese characters from Latin with diacritics', () => {
    expect(hasCjk('河口')).toBe(true);
    expect(hasCjk('Hữu Nghị')).toBe(false);
  });
});

describe('searchTerms', () => {
  it('gives the folded words and the words run together', () => {
    expect(searchTerms('Hữu Nghị')).toEqual(['huu', 'nghi', 'huunghi']);
  });

  it('gives every suffix of a run of Chinese characters', () => {
    expect(searchTerms('友谊关')).toEqual(['友谊关', '谊关', '关']);
  });

  it('gives nothing for blank text', () => {
    expect(searchTerms('  -- ')).toEqual([]);
  });
});
