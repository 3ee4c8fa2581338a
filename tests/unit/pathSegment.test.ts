/** Path segments from content: ordinary values keep their URL, no value makes a path the disk refuses. */
import { describe, expect, it } from 'vitest'
import { newsTagUrl, newsUrl, pathSegment } from '../../site/src/lib/urls'

const bytes = (text: string) => Buffer.byteLength(text)

describe('pathSegment', () => {
  it('keeps ordinary tags and slugs as they are', () => {
    for (const value of [
      '主题党日',
      'volunteer-day',
      '党史 学习',
      'C++',
      '2026年',
      '标'.repeat(33),
    ])
      expect(pathSegment(value)).toBe(value)
    expect(newsTagUrl('主题党日')).toBe(`/news/tag/${encodeURIComponent('主题党日')}/`)
    expect(newsUrl('bai-nian-dang-shi')).toBe('/news/bai-nian-dang-shi/')
  })

  it('shortens long values to a readable prefix and a hash, well under the 255-byte limit', () => {
    for (const value of [
      'x'.repeat(10_000),
      '标'.repeat(90),
      '😀'.repeat(300),
      String.fromCodePoint(0x10fffd).repeat(200),
    ]) {
      const segment = pathSegment(value)
      expect(bytes(segment)).toBeLessThanOrEqual(100)
      expect(value.startsWith(segment.slice(0, 2))).toBe(true)
    }
    expect(pathSegment('标'.repeat(90))).not.toBe(pathSegment('标'.repeat(91)))
    expect(pathSegment('x'.repeat(10_000))).toBe(pathSegment('x'.repeat(10_000)))
  })

  it('never yields a separator, a dot folder, a control, bidi or lone surrogate character', () => {
    const odd = [
      '/',
      '\\',
      '.',
      '..',
      '%',
      '?',
      '#',
      'a/b',
      '../../etc',
      '\u0000',
      '\u0001\t\n',
      '\u202eevil\u202cgpj.html',
      '\u2066x\u2069',
      '\ud800',
      '%2e%2e',
    ]
    const segments = odd.map(pathSegment)
    for (const segment of segments) {
      expect(segment).not.toMatch(/[/\\?#%\p{Cc}\u202a-\u202e\u2066-\u2069]/u)
      expect(['', '.', '..']).not.toContain(segment)
      expect(segment).not.toMatch(/\p{Cs}/u)
      expect(() => encodeURIComponent(segment)).not.toThrow()
    }
    expect(new Set(segments).size).toBe(odd.length)
  })

  it('lets no value take the page of a shortened one', () => {
    const long = '标'.repeat(90)
    const forged = pathSegment(long)
    expect(pathSegment(forged)).not.toBe(forged)
    expect(pathSegment('~' + forged.split('~')[1])).not.toBe(pathSegment('.'))
  })
})
