/**
 * `relatedNews` (site/src/cms/buildContentIndex.ts): the "related news" of an article, on a tiny
 * site by hand and on a generated one against a plain reading of its rule. Pure: no database, no
 * build.
 */
import { describe, expect, it } from 'vitest'
import type { NewsEntry } from '../../shared/siteContent'
import { newsCategories, type NewsCategory } from '../../shared/vocabulary'
import {
  buildContentIndex,
  relatedNews,
  type ContentIndex,
} from '../../site/src/cms/buildContentIndex'
import { newsEntry, tinySiteContent } from './fixtures/tinySite'

const ids = (items: NewsEntry[]) => items.map((item) => item.id)

/**
 * The rule as the docs state it: candidates are the 12 items either side of the article in each
 * of its tags' lists and the 6 either side in its category's list; 2 points per shared tag, 1 for
 * the category; best score first, then nearest in time (in the newest-first list), then newest.
 */
function relatedByRule(index: ContentIndex, item: NewsEntry, count = 4): NewsEntry[] {
  const score = new Map<NewsEntry, number>()
  const add = (list: NewsEntry[] = [], window: number, points: number) => {
    const at = list.indexOf(item)
    for (const other of list.slice(Math.max(0, at - window), at + window + 1)) {
      if (other !== item) score.set(other, (score.get(other) ?? 0) + points)
    }
  }
  for (const tag of item.tags) add(index.newsByTag.get(tag), 12, 2)
  add(index.newsByCategory.get(item.category), 6, 1)
  const position = (entry: NewsEntry) => index.newsPosition.get(entry)!
  const distance = (entry: NewsEntry) => Math.abs(position(entry) - position(item))
  return [...score.entries()]
    .sort(([a, x], [b, y]) => y - x || distance(a) - distance(b) || position(a) - position(b))
    .slice(0, count)
    .map(([entry]) => entry)
}

describe('relatedNews', () => {
  it('ranks shared tags above the category, the nearest in time first within a rank', () => {
    const index = buildContentIndex(tinySiteContent())
    const byId = (id: string) => index.news.find((item) => item.id === id)!
    // News 1 (党史, 志愿; party-building): 3 shares both tags, 2 one tag and the category.
    expect(ids(relatedNews(index, byId('1')))).toEqual(['3', '2'])
    // News 4 (no tags; volunteer): only 3 shares its category.
    expect(ids(relatedNews(index, byId('4')))).toEqual(['3'])
    // News 2 (党史; party-building): 3 shares the tag (2 points), 1 the tag and category (3).
    expect(ids(relatedNews(index, byId('2')))).toEqual(['1', '3'])
  })

  it('never lists the article itself, nor any article twice', () => {
    const index = buildContentIndex(tinySiteContent())
    for (const item of index.news) {
      const related = ids(relatedNews(index, item, 10))
      expect(related).not.toContain(item.id)
      expect(new Set(related).size).toBe(related.length)
    }
  })

  it('follows its rule on a generated site, call after call', () => {
    // A deterministic generator: 300 articles, 12 tags, every category.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const categories = Object.keys(newsCategories) as NewsCategory[]
    const content = tinySiteContent()
    content.news = Array.from({ length: 300 }, (_, n) =>
      newsEntry(String(n + 1), {
        // Many equal dates, so ties are broken by id.
        publishedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 60))).toISOString(),
        category: categories[Math.floor(next() * categories.length)],
        tags: [
          ...new Set(
            Array.from({ length: Math.floor(next() * 4) }, () => `t${Math.floor(next() * 12)}`),
          ),
        ],
      }),
    )
    const index = buildContentIndex(content)
    for (const count of [4, 1, 7]) {
      for (const item of index.news) {
        expect(ids(relatedNews(index, item, count)), item.id).toEqual(
          ids(relatedByRule(index, item, count)),
        )
      }
    }
  })

  it('comes from the article’s own time, not from the newest items of its tags', () => {
    const content = tinySiteContent()
    content.news = Array.from({ length: 200 }, (_, n) =>
      newsEntry(String(n + 1), {
        publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
        tags: ['党史'],
      }),
    )
    const index = buildContentIndex(content)
    const middle = index.news.find((item) => item.id === '100')!
    // Equal scores: the nearest either side, the newer of two equally near first.
    expect(ids(relatedNews(index, middle))).toEqual(['101', '99', '102', '98'])
  })
})
