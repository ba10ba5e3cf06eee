import { describe, expect, it } from 'vitest';
import { fold, hasCjk, searchTerms, withVietnameseSpelling } from '../../../src/lib/text';

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

describe('withVietnameseSpelling', () => {
  it('gives Vietnamese places their diacritics in English names', () => {
    expect(withVietnameseSpelling('Lao Cai', 'Lào Cai')).toBe('Lào Cai');
    expect(withVietnameseSpelling('Dien Bien', 'Điện Biên')).toBe('Điện Biên');
    expect(withVietnameseSpelling('Lao Cai road gate No. I', 'Cửa khẩu đường bộ số I Lào Cai')).toBe('Lào Cai road gate No. I');
    expect(withVietnameseSpelling('Muong Khuong gate', 'Cửa khẩu Mường Khương')).toBe('Mường Khương gate');
  });
  it('leaves Chinese places and words without a Vietnamese match as they are', () => {
    expect(withVietnameseSpelling('Hekou port', 'Cửa khẩu Hà Khẩu')).toBe('Hekou port');
    expect(withVietnameseSpelling('Dongxing', undefined)).toBe('Dongxing');
    expect(withVietnameseSpelling('Tianbao town', 'Thiên Bảo')).toBe('Tianbao town');
  });
});
