import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { SanitizedConfig } from 'payload'

/**
 * Indexes for what the admin reads from the versions of collections with drafts, where Payload's
 * one-column indexes mislead SQLite: without statistics it takes `latest = 1` for selective and,
 * on 10,000 news, sorted every newest version to show a list page, or scanned them all to count
 * what waits for review (`npm run bench:admin`). Each index leads with what the query fixes:
 *
 * - `latest`, the collection's default sort field, `createdAt`: a list in its default order;
 * - `parent`, `_status`: a list's check of which rows shown have a published version;
 * - `latest`, review status, reset time: the dashboard's 发布审核 panel (waiting, recently reset).
 */
export const indexNewestVersions: SQLiteSchemaHook = (args) => {
  const { schema, extendTable } = args
  // Passed by the adapter, though its type leaves it out.
  const { adapter } = args as { adapter?: { payload?: { config: SanitizedConfig } } }
  for (const collection of adapter?.payload?.config.collections ?? []) {
    if (!collection.versions?.drafts) continue
    const name = `_${collection.slug.replace(/-/g, '_')}_v`
    const table = schema.tables[name]
    if (!table) continue
    const sortField =
      typeof collection.defaultSort === 'string' ? collection.defaultSort.replace(/^-/, '') : null
    extendTable({
      table,
      extraConfig: (columns) => {
        const sortColumn = sortField ? columns[`version_${sortField}`] : undefined
        const reviewStatus = columns.version_review_status
        const resetAt = columns.version_review_resetAt
        return {
          ...(sortColumn && {
            latestSort: index(`${name}_latest_sort_idx`).on(
              columns.latest,
              sortColumn,
              columns.createdAt,
            ),
          }),
          parentStatus: index(`${name}_parent_status_idx`).on(
            columns.parent,
            columns.version__status,
          ),
          ...(reviewStatus &&
            resetAt && {
              latestReview: index(`${name}_latest_review_idx`).on(
                columns.latest,
                reviewStatus,
                resetAt,
              ),
            }),
        }
      },
    })
  }
  return schema
}
