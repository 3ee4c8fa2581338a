/** Fixed-size pages of a list, for `[...page].astro` routes (`/x/`, `/x/page/2/`, …). */

export const newsPageSize = 12
export const lecturePageSize = 12
export const bookPageSize = 24

export interface ListPage<T> {
  items: T[]
  /** 1-based. */
  number: number
  count: number
  total: number
  /** URL of page 1; see `pagedUrl`. */
  base: string
}

export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size))

/**
 * Static paths for `items` split into pages. The rest parameter `page` is undefined for page 1 and
 * `page/N` after it, so one route file serves the list and all its pages. Each page gets only its
 * own slice: rendering a page costs O(page size), whatever the list's length.
 */
export function pagedPaths<T, P extends Record<string, string>>(items: readonly T[], size: number, base: string, params: P) {
  const count = pageCount(items.length, size)
  return Array.from({ length: count }, (_, index) => ({
    params: { ...params, page: index === 0 ? undefined : `page/${index + 1}` },
    props: {
      page: { items: items.slice(index * size, (index + 1) * size), number: index + 1, count, total: items.length, base } as ListPage<T>,
    },
  }))
}
