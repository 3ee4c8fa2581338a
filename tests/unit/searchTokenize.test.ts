import { describe, expect, it } from 'vitest'
import {
  foldText,
  indexTokens,
  maxQueryTerms,
  queryTermsByRun,
  queryTokens,
} from '../../shared/search/tokenize'

describe('search tokenizer: index tokens', () => {
  it('indexes Chinese as unigrams, overlapping bigrams and trigrams', () => {
    expect(indexTokens('党史学习')).toEqual([
      '党',
      '党史',
      '党史学',
      '史',
      '史学',
      '史学习',
      '学',
      '学习',
      '习',
    ])
  })
  it('keeps a lone CJK character as a unigram', () => {
    expect(indexTokens('党')).toEqual(['党'])
    expect(indexTokens('《书》')).toEqual(['书'])
  })
  it('drops punctuation, and no n-gram spans it', () => {
    expect(indexTokens('学习，工作。')).toEqual(['学', '学习', '习', '工', '工作', '作'])
    expect(indexTokens('“信易贷”——好！')).toEqual([
      '信',
      '信易',
      '信易贷',
      '易',
      '易贷',
      '贷',
      '好',
    ])
    expect(indexTokens('，。！？、；：“”‘’（）《》【】…—·  \n\t')).toEqual([])
  })
  it('folds full-width forms (NFKC) and lower-cases Latin', () => {
    expect(indexTokens('ＡＢＣ　２０２')).toEqual([
      'a',
      'ab',
      'abc',
      'b',
      'bc',
      'c',
      '2',
      '20',
      '202',
      '0',
      '02',
      '2',
    ])
    expect(foldText('ＰａｒｔｙⅣ')).toBe('partyiv')
    expect(foldText('Cafe\u0301')).toBe('café')
    expect(queryTokens('Café Straße')).toEqual(['caf', 'afé', 'str', 'tra', 'raß', 'aße'])
  })
  it('makes every letter and digit a unit, so numbers and words are found by their substrings', () => {
    expect(indexTokens('2021')).toEqual(['2', '20', '202', '0', '02', '021', '2', '21', '1'])
    expect(indexTokens('5G')).toEqual(['5', '5g', 'g'])
    const isbn = new Set(indexTokens('ISBN 9787020002207'))
    for (const part of ['9787020002207', '978702', '0002207', '0200', '22', '7']) {
      for (const term of queryTokens(part)) expect(isbn.has(term), `${part} → ${term}`).toBe(true)
    }
    const year = new Set(indexTokens('2023年度'))
    for (const part of ['023', '23年', '3年度', '2023年度']) {
      for (const term of queryTokens(part)) expect(year.has(term), `${part} → ${term}`).toBe(true)
    }
  })
  it('joins hyphenated ISBNs, so they are found typed with or without hyphens', () => {
    expect(foldText('ISBN 978-7-02-000220-7')).toBe('isbn 9787020002207')
    expect(foldText('０-８０４４-２９５７-Ｘ')).toBe('080442957x')
    expect(queryTokens('978-7-02-000220-7')).toEqual(queryTokens('9787020002207'))
    // Not an ISBN: a date keeps its parts.
    expect(foldText('2023-01-06')).toBe('2023-01-06')
    expect(queryTermsByRun('2023-01-06')).toEqual([['202', '023'], ['01'], ['06']])
  })
  it('makes a number next to Chinese part of the same run', () => {
    expect(indexTokens('第28讲')).toEqual([
      '第',
      '第2',
      '第28',
      '2',
      '28',
      '28讲',
      '8',
      '8讲',
      '讲',
    ])
    expect(queryTokens('第28讲')).toEqual(['第28', '28讲'])
  })
  it('handles mixed Chinese and Latin', () => {
    expect(indexTokens('5G网络 PPT')).toEqual([
      '5',
      '5g',
      '5g网',
      'g',
      'g网',
      'g网络',
      '网',
      '网络',
      '络',
      'p',
      'pp',
      'ppt',
      'p',
      'pt',
      't',
    ])
  })
  it('treats CJK characters outside the BMP as one unit each', () => {
    expect(indexTokens('𠀀𠀁字')).toEqual(['𠀀', '𠀀𠀁', '𠀀𠀁字', '𠀁', '𠀁字', '字'])
  })
  it('drops emoji and other symbols', () => {
    expect(indexTokens('点赞👍党建★')).toEqual(['点', '点赞', '赞', '党', '党建', '建'])
  })
  it('is deterministic and handles empty text', () => {
    expect(indexTokens('')).toEqual([])
    const text = '楼宇综合党委召开2022年度基层党组织书记抓党建述职评议会'
    expect(indexTokens(text)).toEqual(indexTokens(text))
  })
})

describe('search tokenizer: query tokens', () => {
  it('uses trigrams for three or more units, the bigram for two, the unit for one', () => {
    expect(queryTokens('百年党史展')).toEqual(['百年党', '年党史', '党史展'])
    expect(queryTokens('党史')).toEqual(['党史'])
    expect(queryTokens('党')).toEqual(['党'])
    expect(queryTokens('28讲')).toEqual(['28讲'])
    expect(queryTokens('2021')).toEqual(['202', '021'])
    expect(queryTokens('5g')).toEqual(['5g'])
  })
  it('splits at spaces and punctuation into runs, and drops repeats', () => {
    expect(queryTermsByRun('党建 学习，2023')).toEqual([['党建'], ['学习'], ['202', '023']])
    expect(queryTokens('党建 党建')).toEqual(['党建'])
    expect(queryTokens('学习学习学习')).toEqual(['学习学', '习学习'])
  })
  it('folds the query like the text', () => {
    expect(queryTokens('ＩＳＢＮ ９７８-７-０２-０００２２０-７')).toEqual(
      queryTokens('isbn 9787020002207'),
    )
    expect(queryTokens('ＡＢＣ')).toEqual(['abc'])
  })
  it('gives every query term as an index token of any text containing the query', () => {
    const text = '红领讲堂第28讲：楼宇里的党支部（2023年首讲）ISBN 978-7-02-000220-7'
    const tokens = new Set(indexTokens(text))
    for (const query of [
      '红领讲堂',
      '第28讲',
      '28讲',
      '楼宇里的党支部',
      '2023年首讲',
      '首讲',
      '978-7-02-000220-7',
      '堂第28',
      '023',
      '02-00',
      'sbn',
      '8讲：楼',
    ]) {
      for (const term of queryTokens(query))
        expect(tokens.has(term), `${query} → ${term}`).toBe(true)
    }
  })
  it(`caps long queries at ${maxQueryTerms} terms, keeping both ends and every run`, () => {
    const long =
      '楼宇综合党委联合大数据中心税务局等职能部门设置楼宇综合服务站提供六大类七十八项服务事项'
    const terms = queryTokens(long)
    expect(terms).toHaveLength(maxQueryTerms)
    const all = queryTermsByRun(long).flat()
    expect(terms[0]).toBe(all[0])
    expect(terms.at(-1)).toBe(all.at(-1))
    const mixed = queryTokens(`${long} 2023 党`)
    expect(mixed).toHaveLength(maxQueryTerms)
    expect(mixed).toContain('202')
    expect(mixed).toContain('党')
  })
  it('returns nothing for a query of punctuation', () => {
    expect(queryTokens('，。！')).toEqual([])
    expect(queryTokens('   ')).toEqual([])
  })
})
