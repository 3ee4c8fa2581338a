import { describe, expect, it } from 'vitest'
import { clcClassOf, clcPattern } from '../../shared/clc'
import { chinaYear, formatChineseDate, parseTimestamp } from '../../shared/dates'
import { equivalentIsbns, isbnProblem, isValidIsbn, normalizeIsbn } from '../../shared/isbn'
import { isValidSlug, slugify } from '../../shared/slugify'
import { demoIsbn } from '../../cms/seed/demoIsbn'

describe('slugify', () => {
  it('turns Chinese titles into readable toneless pinyin', () => {
    expect(slugify('百年党史展')).toBe('bai-nian-dang-shi-zhan')
    expect(slugify('红领讲堂：第28讲')).toBe('hong-ling-jiang-tang-di-28-jiang')
  })
  it('reads polyphonic characters in context', () => {
    expect(slugify('银行')).toBe('yin-hang')
    expect(slugify('重庆')).toBe('chong-qing')
  })
  it('keeps Latin words and numbers, drops punctuation and full-width forms', () => {
    expect(slugify('ＡＢＣ，2023年“信易贷”')).toBe('abc-2023-nian-xin-yi-dai')
    expect(slugify('  !!! ')).toBe('')
  })
  it('cuts long titles at a syllable boundary', () => {
    const slug = slugify(
      '楼宇综合党委联合大数据中心税务局等职能部门设置楼宇综合服务站提供六大类七十八项服务事项',
    )
    expect(slug.length).toBeLessThanOrEqual(64)
    expect(isValidSlug(slug)).toBe(true)
    expect(slug.endsWith('-')).toBe(false)
  })
  it('validates slugs', () => {
    expect(isValidSlug('bai-nian')).toBe(true)
    expect(isValidSlug('Bai-Nian')).toBe(false)
    expect(isValidSlug('bai--nian')).toBe(false)
    expect(isValidSlug('百年')).toBe(false)
  })
})

describe('ISBN', () => {
  it('accepts valid ISBN-13 and ISBN-10 in any spacing', () => {
    expect(isValidIsbn('978-7-02-000220-7')).toBe(true)
    expect(isValidIsbn('978-0-306-40615-7')).toBe(true)
    expect(isValidIsbn('0 306 40615 2')).toBe(true)
    expect(isValidIsbn('0-8044-2957-x')).toBe(true)
  })
  it('rejects bad check digits and bad formats', () => {
    expect(isbnProblem(normalizeIsbn('978-0-306-40615-8'))).toBe('checksum')
    expect(isbnProblem(normalizeIsbn('0-306-40615-3'))).toBe('checksum')
    expect(isbnProblem('12345')).toBe('format')
    expect(isbnProblem('9770306406157')).toBe('format')
  })
  it('knows an ISBN-10 and its 978 ISBN-13 as one book', () => {
    expect(equivalentIsbns('0306406152')).toEqual(['0306406152', '9780306406157'])
    expect(equivalentIsbns('9780306406157')).toEqual(['9780306406157', '0306406152'])
    expect(equivalentIsbns('080442957X')).toEqual(['080442957X', '9780804429573'])
    expect(equivalentIsbns('9791032300824')).toEqual(['9791032300824'])
  })
  it('normalises separators and a lowercase x', () => {
    expect(normalizeIsbn(' 0-8044-2957-x ')).toBe('080442957X')
    expect(normalizeIsbn('978–7－5432 1234 5')).toBe('9787543212345')
  })
  it('generates valid, distinct demo ISBNs', () => {
    const isbns = Array.from({ length: 400 }, (_, i) => demoIsbn(i))
    expect(new Set(isbns).size).toBe(400)
    expect(isbns.every(isValidIsbn)).toBe(true)
  })
})

describe('dates', () => {
  it('formats in China Standard Time', () => {
    expect(formatChineseDate('2026-11-27T16:30:00Z')).toBe('2026年11月28日')
    expect(chinaYear('2022-12-31T17:00:00Z')).toBe(2023)
  })
  it('parses chapter timestamps', () => {
    expect(parseTimestamp('00:00')).toBe(0)
    expect(parseTimestamp('12:30')).toBe(750)
    expect(parseTimestamp('1:02:03')).toBe(3723)
    expect(parseTimestamp('12:60')).toBeNull()
    expect(parseTimestamp('abc')).toBeNull()
  })
})

describe('CLC', () => {
  it('finds the top-level class', () => {
    expect(clcClassOf('D261.4')).toBe('D')
    expect(clcClassOf('TP311')).toBe('T')
    expect(clcClassOf('L12')).toBeNull()
  })
  it('accepts real class numbers and rejects others', () => {
    for (const ok of ['D26', 'D261.4', 'K27', 'I247.5', 'TP311.13', 'F127', 'A8'])
      expect(clcPattern.test(ok)).toBe(true)
    for (const bad of ['26', 'd26', 'L1', 'D 26', '']) expect(clcPattern.test(bad)).toBe(false)
  })
})

describe('scriptingAttributes (the XSS check used on built pages)', async () => {
  const { scriptingAttributes } = await import('../helpers/htmlAttributes')
  it('finds event handlers and script URLs, not look-alike text inside values', () => {
    expect(scriptingAttributes('<img src="a.png" onerror="alert(1)">')).toHaveLength(1)
    expect(scriptingAttributes("<a href='JaVaScRiPt:alert(1)'>x</a>")).toHaveLength(1)
    expect(scriptingAttributes('<a href="java&#x09;script:alert(1)">x</a>')).toHaveLength(1)
    expect(scriptingAttributes('<img alt="&quot; onerror=&quot;alert(1)" src="a.png">')).toEqual([])
    expect(scriptingAttributes('<p>onclick=alert(1)</p>')).toEqual([])
  })
})
