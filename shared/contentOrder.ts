/**
 * The orders of published content, shared by the export (cms/export) and the site's content index
 * (site/src/cms/buildContentIndex.ts), so both list things alike. Every order is total: equal keys
 * fall back to the id, so the input order never shows.
 */

/** ISO timestamps and slugs compare as plain strings; `localeCompare` costs a second over 10,000 pages. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Ids in numeric order when they are numbers (SQLite), else by code unit (MongoDB ObjectIds). */
export const byNumericId = (a: { id: string }, b: { id: string }): number =>
  a.id.length - b.id.length || compareText(a.id, b.id)

/** Newest first by `date` (an ISO timestamp; a missing date is oldest), then by id. */
export const newestFirst =
  <T extends { id: string }>(date: (item: T) => string | null) =>
  (a: T, b: T): number =>
    compareText(date(b) ?? '', date(a) ?? '') || byNumericId(a, b)
