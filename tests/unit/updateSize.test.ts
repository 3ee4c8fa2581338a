/**
 * How much one news change rewrites (SiteState.plan) on a 1,000-item and a 3,000-item site of the
 * same shape: the pages, removed pages and generated files of a title edit, an add and an
 * unpublish are the same in number, so they do not grow with the length of the news lists
 * (stable month pages, lib/newsArchive.ts). Pure: no database, no build.
 */
import { describe, expect, it } from 'vitest'
import { SiteState, type EntryChange } from '../../publisher/siteState'
import type { NewsEntry, SiteContent } from '../../shared/siteContent'
import { newsEntry, tinySiteContent } from './fixtures/tinySite'

// 20 tags, two an item: each tag list holds a tenth of the news (the reference corpus: 115 tags).
const tags = Array.from({ length: 20 }, (_, n) => `标签${n + 1}`)
const categories = ['party-building', 'volunteer', 'red-collar-lecture'] as const
const newest = Date.parse('2026-11-20T02:00:00.000Z')
const hourMs = 3_600_000

/** `count` news items, one every 8 hours back from the same newest date, tags and categories in turn. */
function siteOf(count: number): SiteContent {
  const content = tinySiteContent()
  content.news = Array.from({ length: count }, (_, i) =>
    newsEntry(String(i + 1), {
      publishedAt: new Date(newest - i * 8 * hourMs).toISOString(),
      category: categories[i % categories.length],
      tags: [tags[i % tags.length], tags[(i + 7) % tags.length]],
    }),
  )
  return content
}

/** What the publisher would write for one change: pages rendered or removed, other files. */
function rewrites(content: SiteContent, change: (news: NewsEntry[]) => EntryChange) {
  const plan = SiteState.from(content).plan([change(content.news)])
  return {
    pages: plan.render.length,
    removed: plan.remove.length,
    files:
      plan.files.length +
      plan.redirectFiles.length +
      plan.familyFiles.length +
      plan.removeFiles.length,
  }
}

const kinds: Record<string, (news: NewsEntry[]) => EntryChange> = {
  // The 500th newest item: well inside the lists, in a month that is whole in both sites.
  'title edit': (news) => ({
    collection: 'news',
    id: news[499].id,
    entry: {
      ...news[499],
      title: `${news[499].title}（修订）`,
      updatedAt: new Date().toISOString(),
    },
  }),
  add: () => ({
    collection: 'news',
    id: 'new',
    entry: newsEntry('new', {
      publishedAt: new Date(newest + hourMs).toISOString(),
      category: 'volunteer',
      tags: ['标签1', '新标签'],
    }),
  }),
  unpublish: (news) => ({ collection: 'news', id: news[499].id, entry: null }),
}

describe('the size of an update', () => {
  for (const [kind, change] of Object.entries(kinds)) {
    it(`${kind}: the same number of pages and files for 1,000 and 3,000 news items`, () => {
      const small = rewrites(siteOf(1000), change)
      const large = rewrites(siteOf(3000), change)
      expect(large).toEqual(small)
      // The article, its lists' pages, related articles, home: a few dozen at most, never hundreds.
      expect(small.pages + small.removed).toBeLessThan(80)
    })
  }
})
