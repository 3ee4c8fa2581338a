import { isStaffUser } from '../access/roles'

/**
 * How much one API request may ask for. SQLite queries run synchronously, so one request that
 * reads thousands of documents stalls every other request: the public gets small pages, staff
 * (the admin's lists and bulk actions) larger ones.
 */
export interface QueryLimits {
  /** Largest `limit` (page size) on a list. */
  maxLimit: number
  /** GraphQL: documents one query may read in all, each list counted at its limit times the lists around it. */
  maxDocuments: number
  /** GraphQL: deepest field nesting. */
  maxDepth: number
  /** GraphQL: aliased fields in one query. */
  maxAliases: number
  /** `limit=0` / `pagination=false` (everything at once). */
  mayReadAll: boolean
}

export const publicQueryLimits: QueryLimits = {
  maxLimit: 100,
  maxDocuments: 1000,
  maxDepth: 10,
  maxAliases: 20,
  mayReadAll: false,
}
export const staffQueryLimits: QueryLimits = {
  maxLimit: 1000,
  maxDocuments: 10_000,
  maxDepth: 15,
  maxAliases: 50,
  mayReadAll: true,
}

export function queryLimitsFor(user: unknown): QueryLimits {
  return isStaffUser(user as never) ? staffQueryLimits : publicQueryLimits
}

/** Payload's page size when a list names none. */
export const defaultPageSize = 10

export const limitTooLargeMessage = (max: number) => `每页最多 ${max} 条（limit 不能超过 ${max}）。`
export const readAllRefusedMessage = `不能一次读取全部记录（limit=0 或 pagination=false）：请分页读取，每页最多 ${publicQueryLimits.maxLimit} 条。`
export const sortRefusedMessage = (path: string) =>
  `不能按“${path}”排序：只能按本集合自身的公开字段排序。`
export const whereRefusedMessage = (path: string) =>
  `不能按“${path}”筛选：关联字段只能按编号筛选（如 ${path.split('.')[0]}[equals]=编号）。`
