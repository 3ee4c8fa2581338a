import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Payload indexes the tables behind `hasMany` text and number fields on (order, parent_id) only,
 * so reading a list page looks up each row's tags with a full scan: quadratic in the table
 * size. An index led by parent_id makes that lookup a seek (measured in `npm run bench:cms`).
 */
export const indexHasManyParents: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/_(texts|numbers)$/.test(name)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        parentOrder: index(`${name}_parent_order_idx`).on(columns.parent, columns.order),
      }),
    })
  }
  return schema
}
