/**
 * The audit log list's filter as URL parameters (Payload's `where[…]` syntax, which the list view
 * queries with and the export endpoint takes too) and back. Dates are China time: a day runs from
 * 00:00 to 24:00 in Asia/Shanghai.
 */
export interface AuditLogFilter {
  actor: string
  action: string
  targetCollection: string
  documentId: string
  from: string
  to: string
}

export const emptyFilter: AuditLogFilter = {
  actor: '',
  action: '',
  targetCollection: '',
  documentId: '',
  from: '',
  to: '',
}

const equalsKey = (field: string) => `where[${field}][equals]`
const fromKey = 'where[createdAt][greater_than_equal]'
const toKey = 'where[createdAt][less_than]'
const dayPattern = /^\d{4}-\d{2}-\d{2}$/

/** `2026-12-03` → the instant that day starts in China. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
const chinaDay = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The URL parameters for a filter (nothing for empty fields). */
export function filterParams(filter: AuditLogFilter): URLSearchParams {
  const params = new URLSearchParams()
  for (const field of ['actor', 'action', 'targetCollection', 'documentId'] as const)
    if (filter[field].trim()) params.set(equalsKey(field), filter[field].trim())
  if (dayPattern.test(filter.from)) params.set(fromKey, startOfDay(filter.from))
  if (dayPattern.test(filter.to)) {
    const end = new Date(startOfDay(filter.to))
    end.setUTCDate(end.getUTCDate() + 1)
    params.set(toKey, end.toISOString())
  }
  return params
}

/** The filter in flat URL parameters (as Next hands them to a page). */
export function readFilter(
  searchParams: Record<string, string | string[] | undefined> | undefined,
): AuditLogFilter {
  const one = (key: string) => {
    const value = searchParams?.[key]
    return typeof value === 'string' ? value : ''
  }
  const iso = (key: string) => {
    const value = one(key)
    return value && !Number.isNaN(Date.parse(value)) ? value : ''
  }
  const to = iso(toKey)
  return {
    actor: one(equalsKey('actor')),
    action: one(equalsKey('action')),
    targetCollection: one(equalsKey('targetCollection')),
    documentId: one(equalsKey('documentId')),
    from: iso(fromKey) ? chinaDay(iso(fromKey)) : '',
    to: to ? chinaDay(new Date(Date.parse(to) - 1).toISOString()) : '',
  }
}
