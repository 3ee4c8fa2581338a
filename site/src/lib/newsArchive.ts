/**
 * News lists (all news, a category, a tag) in stable pages: a front page at the list's own URL with
 * its newest items and an index of its periods, and the pages of each period, newest first, 12 a
 * page: months for all news and the categories (`<base>2026/11/`, `<base>2026/11/page/2/`), years
 * for tags (`<base>2026/`), which are thinner (a month each would mostly hold one item). A change
 * touches the front page and the pages of its own period only, so the number of pages an update
 * rewrites is bounded by a period's items, never by the length of the list (README: 新闻分页). A
 * list that fits on its front page has no period pages (they would only repeat it).
 */
import { chinaMonth } from '../../../shared/dates'
import type { NewsEntry } from '../../../shared/siteContent'
import { pageCount, type ListPage } from './pagination'
import { newsPeriodUrl, pagedUrl } from './urls'

export type PeriodLength = 'month' | 'year'

/** A calendar month, or a whole year when `month` is null (China Standard Time). */
export interface PeriodKey {
  year: number
  month: number | null
}

export interface ArchivePeriod extends PeriodKey {
  count: number
}

/** A list's own URL: its newest items and every period it has, newest first. */
export interface NewsFrontPage {
  kind: 'front'
  base: string
  items: NewsEntry[]
  total: number
  periods: ArchivePeriod[]
}

/**
 * One page of a period's items (`base` is the period's URL, `total` its item count), and the
 * periods either side. No totals of the list or of other periods: those would change the page
 * whenever anything is added elsewhere.
 */
export interface NewsPeriodPage extends PeriodKey, ListPage<NewsEntry> {
  kind: 'period'
  /** The list's front page. */
  listBase: string
  /** The next period with items; null for the newest (whose newer page is the front page). */
  newer: PeriodKey | null
  older: PeriodKey | null
}

export type NewsListPage = NewsFrontPage | NewsPeriodPage

export interface NewsListPath {
  path: string
  page: NewsListPage
}

/** Items (newest first) grouped by month or year in China Standard Time, newest first. */
export function groupByPeriod(
  items: readonly NewsEntry[],
  length: PeriodLength,
): (PeriodKey & { items: NewsEntry[] })[] {
  const periods: (PeriodKey & { items: NewsEntry[] })[] = []
  for (const item of items) {
    const { year, month: calendarMonth } = chinaMonth(item.publishedAt)
    const month = length === 'month' ? calendarMonth : null
    const last = periods.at(-1)
    if (last && last.year === year && last.month === month) last.items.push(item)
    else periods.push({ year, month, items: [item] })
  }
  return periods
}

const periodKey = (period: PeriodKey | undefined): PeriodKey | null =>
  period ? { year: period.year, month: period.month } : null

/** Every page of one news list of `items` (newest first) at `base`, in the order a visitor pages. */
export function newsListPages(
  items: readonly NewsEntry[],
  pageSize: number,
  base: string,
  length: PeriodLength,
): NewsListPath[] {
  const periods = items.length > pageSize ? groupByPeriod(items, length) : []
  const front: NewsListPath = {
    path: base,
    page: {
      kind: 'front',
      base,
      items: items.slice(0, pageSize),
      total: items.length,
      periods: periods.map(({ year, month, items }) => ({ year, month, count: items.length })),
    },
  }
  return [
    front,
    ...periods.flatMap(({ year, month, items }, index) => {
      const periodBase = newsPeriodUrl(base, { year, month })
      const count = pageCount(items.length, pageSize)
      return Array.from({ length: count }, (_, page) => ({
        path: pagedUrl(periodBase, page + 1),
        page: {
          kind: 'period' as const,
          listBase: base,
          base: periodBase,
          year,
          month,
          items: items.slice(page * pageSize, (page + 1) * pageSize),
          number: page + 1,
          count,
          total: items.length,
          newer: periodKey(periods[index - 1]),
          older: periodKey(periods[index + 1]),
        },
      }))
    }),
  ]
}

/** `2026 年 11 月`, or `2026 年` for a whole year. */
export const periodLabel = ({ year, month }: PeriodKey) =>
  month === null ? `${year} 年` : `${year} 年 ${month} 月`
