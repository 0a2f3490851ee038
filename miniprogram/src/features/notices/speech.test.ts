import { describe, expect, it } from 'vitest';
import { speechPieces } from './speech';

describe('speechPieces', () => {
  it.each([
    ['短句。', 10, ['短句。']],
    ['第一句。第二句！第三句？', 8, ['第一句。第二句！', '第三句？']],
    ['一二三四五六七八九十', 4, ['一二三四', '五六七八', '九十']],
    ['  多个   空格\n换行。 ', 20, ['多个 空格 换行。']],
    ['', 10, []],
  ])('%s (max %i)', (text, max, pieces) => {
    expect(speechPieces(text, max)).toEqual(pieces);
    for (const p of speechPieces(text, max)) expect(p.length).toBeLessThanOrEqual(max);
  });
});
