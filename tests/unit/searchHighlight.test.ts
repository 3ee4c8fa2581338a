import { describe, expect, it } from 'vitest'
import { highlightPieces, highlightRanges } from '../../shared/search/highlight'

const marked = (text: string, query: string) =>
  highlightPieces(text, query)
    .map((piece) => (piece.marked ? `[${piece.text}]` : piece.text))
    .join('')

describe('search highlight', () => {
  it('marks a Chinese phrase found whole, and every occurrence', () => {
    expect(marked('红领讲堂第28讲：红领讲堂进楼宇', '红领讲堂')).toBe(
      '[红领讲堂]第28讲：[红领讲堂]进楼宇',
    )
    expect(marked('党史学习教育', '党史')).toBe('[党史]学习教育')
  })
  it('marks the pieces of a phrase found apart, as the search matches them', () => {
    // '百年党史展' is searched as 百年党 年党史 党史展: each is marked where it occurs.
    expect(marked('百年党史的展览，党史展开幕', '百年党史展')).toBe(
      '[百年党史]的展览，[党史展]开幕',
    )
  })
  it('marks each word of a query of several words, and single characters', () => {
    expect(marked('党员志愿者和党员', '党员 志愿者')).toBe('[党员志愿者]和[党员]')
    expect(marked('一本书，两本书', '书')).toBe('一本[书]，两本[书]')
  })
  it('matches full-width and upper-case text, and keeps the offsets of the text as shown', () => {
    expect(marked('ＡＢＣ公司２０２３年', 'abc 2023')).toBe('[ＡＢＣ]公司[２０２３]年')
    expect(marked('iPhone 15', 'PHONE')).toBe('i[Phone] 15')
    expect(marked('𠀀𠀁字', '𠀁字')).toBe('𠀀[𠀁字]')
    expect(marked('第28讲', '28')).toBe('第[28]讲')
  })
  it('marks nothing for no match, an empty query or punctuation', () => {
    expect(highlightRanges('党建引领', '量子')).toEqual([])
    expect(highlightRanges('党建引领', '')).toEqual([])
    expect(highlightRanges('党建，引领', '，')).toEqual([])
    expect(highlightPieces('', '党建')).toEqual([])
  })
})
