/** Fixed-size pages of a list (`/x/`, `/x/page/2/`, …): see `pagedRoutes` in routes/pageRoutes.ts. */

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
