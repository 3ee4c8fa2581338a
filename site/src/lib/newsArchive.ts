/**
 * News lists (all news, a category, a tag) in stable pages: a front page at the list's own URL with
 * its newest items and an index of its months, and the pages of each month (`<base>2026/11/`,
 * `<base>2026/11/page/2/`, newest first, 12 a page). A change touches the front page and the
 * pages of its own month only, so the number of pages an update rewrites is bounded by a month's
 * items, never by the length of the list (README: 新闻分页). A list that fits on its front page
 * has no month pages (they would only repeat it).
 */
import { chinaMonth } from '../../../shared/dates'
import type { NewsEntry } from '../../../shared/siteContent'
import { pageCount, type ListPage } from './pagination'
import { newsMonthUrl, pagedUrl } from './urls'

export interface MonthKey {
  year: number
  month: number
}

export interface ArchiveMonth extends MonthKey {
  count: number
}

/** A list's own URL: its newest items and every month it has, newest first. */
export interface NewsFrontPage {
  kind: 'front'
  base: string
  items: NewsEntry[]
  total: number
  months: ArchiveMonth[]
}

/**
 * One page of a month's items (`base` is the month's URL, `total` its item count), and the months
 * either side. No totals of the list or of other months: those would change the page whenever
 * anything is added elsewhere.
 */
export interface NewsMonthPage extends MonthKey, ListPage<NewsEntry> {
  kind: 'month'
  /** The list's front page. */
  listBase: string
  /** The next month with items; null for the newest month (whose newer page is the front page). */
  newer: MonthKey | null
  older: MonthKey | null
}

export type NewsListPage = NewsFrontPage | NewsMonthPage

export interface NewsListPath {
  path: string
  page: NewsListPage
}

/** Items (newest first) grouped by their month in China Standard Time, newest month first. */
export function groupByMonth(items: readonly NewsEntry[]): (MonthKey & { items: NewsEntry[] })[] {
  const months: (MonthKey & { items: NewsEntry[] })[] = []
  for (const item of items) {
    const { year, month } = chinaMonth(item.publishedAt)
    const last = months.at(-1)
    if (last && last.year === year && last.month === month) last.items.push(item)
    else months.push({ year, month, items: [item] })
  }
  return months
}

const monthKey = (month: MonthKey | undefined): MonthKey | null =>
  month ? { year: month.year, month: month.month } : null

/** Every page of one news list of `items` (newest first) at `base`, in the order a visitor pages. */
export function newsListPages(
  items: readonly NewsEntry[],
  frontSize: number,
  base: string,
): NewsListPath[] {
  const months = items.length > frontSize ? groupByMonth(items) : []
  const front: NewsListPath = {
    path: base,
    page: {
      kind: 'front',
      base,
      items: items.slice(0, frontSize),
      total: items.length,
      months: months.map(({ year, month, items }) => ({ year, month, count: items.length })),
    },
  }
  return [
    front,
    ...months.flatMap(({ year, month, items }, index) => {
      const monthBase = newsMonthUrl(base, year, month)
      const count = pageCount(items.length, frontSize)
      return Array.from({ length: count }, (_, page) => ({
        path: pagedUrl(monthBase, page + 1),
        page: {
          kind: 'month' as const,
          listBase: base,
          base: monthBase,
          year,
          month,
          items: items.slice(page * frontSize, (page + 1) * frontSize),
          number: page + 1,
          count,
          total: items.length,
          newer: monthKey(months[index - 1]),
          older: monthKey(months[index + 1]),
        },
      }))
    }),
  ]
}

/** `2026 年 11 月`. */
export const monthLabel = ({ year, month }: MonthKey) => `${year} 年 ${month} 月`
