import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences, translateBySentence, type SentenceTable } from '../../../scripts/lib/sentence-translations';
import { missingNumbers } from '../../../scripts/lib/validate';

const table: SentenceTable = {
  joiner: '',
  sentences: { 'Anchored on Shuikou town (水口镇) as printed by x-dewiki-shuikou.': '以水口镇为锚点，位置据 x-dewiki-shuikou。' },
  patterns: [{ en: 'Then moved (\\d+(?:\\.\\d+)?) km inside (Vietnam|China)\\.', text: '随后向$2一侧内移$1公里。' }],
  terms: { China: '中国', Vietnam: '越南' },
};

describe('position methods translated sentence by sentence', () => {
  it('splits after a full stop and a capital, not inside numbers or before a lower-case source id', () => {
    expect(splitSentences('Anchored on A (0.4 km away). Then moved. No position is printed for B. s17 puts it there.')).toEqual([
      'Anchored on A (0.4 km away).',
      'Then moved.',
      'No position is printed for B. s17 puts it there.',
    ]);
  });

  it('joins exact sentences and pattern sentences, carrying the groups through the terms table', () => {
    const result = translateBySentence('Anchored on Shuikou town (水口镇) as printed by x-dewiki-shuikou. Then moved 0.6 km inside China.', table);
    expect(result).toEqual({ text: '以水口镇为锚点，位置据 x-dewiki-shuikou。随后向中国一侧内移0.6公里。', missing: [] });
  });

  it('leaves a method English when one sentence has no translation, and names that sentence', () => {
    const result = translateBySentence('Anchored on Shuikou town (水口镇) as printed by x-dewiki-shuikou. A new sentence from a data branch.', table);
    expect(result.text).toBeUndefined();
    expect(result.missing).toEqual(['A new sentence from a data branch.']);
  });
});

describe('the shipped method tables', () => {
  for (const language of ['vi', 'zh'] as const) {
    it(`translate the common "moved to the border line" sentence into ${language} with its distance`, () => {
      const shipped = JSON.parse(readFileSync(`data-src/translations/methods-${language}.json`, 'utf8')) as SentenceTable;
      const english = 'Then moved to the point of the border line nearest that anchor (13.4 km away), 250 m inside China.';
      const { text } = translateBySentence(english, shipped);
      expect(text).toContain(language === 'vi' ? 'Trung Quốc' : '中国');
      expect(text).toContain('13.4');
      expect(missingNumbers(english, text ?? '')).toEqual([]);
    });
  }
});
